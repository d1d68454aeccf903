import type { LoadError, LoadWarning } from '../iac/types.js';
import type { Suppression } from '../resources/types.js';
import type { Equivalents, Rule, RuleContext, Severity } from '../rules/types.js';

export type ResultStatus = 'pass' | 'fail' | 'unknown' | 'suppressed';

/** One evaluated (rule, resource) pair. This shape is the public JSON contract of `aigis scan --format json`. */
export interface ScanResult {
  ruleId: string;
  title: string;
  severity: Severity;
  status: ResultStatus;
  message: string;
  resource: { address: string; type: string; name: string; file: string; line: number };
  controls: readonly string[];
  equivalents: Equivalents;
  /** Why a result is suppressed: the suppression's origin and reason (missing reasons are reported as warnings). */
  suppression?: { origin: Suppression['origin']; ruleId: string; reason?: string };
  /** What the status was before a suppression or baseline applied. */
  originalStatus?: 'fail' | 'unknown';
}

export interface ScanSummary {
  files: number;
  resources: number;
  rules: number;
  /** Evaluated pairs, the results listed (not_applicable ones are counted below but not listed). */
  evaluated: number;
  pass: number;
  fail: number;
  unknown: number;
  suppressed: number;
  notApplicable: number;
  /** Failures by severity. */
  failBySeverity: Record<Severity, number>;
  failOn: Severity;
  /** Whether a failure at or above failOn exists (exit code 1). */
  failed: boolean;
  /** Whether a file could not be parsed (exit code 2). */
  hadErrors: boolean;
}

export interface ScanReport {
  /** aigis version that produced the report. */
  version: string;
  /** Directory results' file paths are relative to. */
  root: string;
  scanned: string[];
  results: ScanResult[];
  errors: LoadError[];
  warnings: LoadWarning[];
  summary: ScanSummary;
}

export interface BaselineEntry {
  ruleId: string;
  address: string;
  file?: string;
}

export interface Baseline {
  version: 1;
  failures: BaselineEntry[];
}

export interface ScanOptions {
  /** Rules to run (default: every rule aigis ships). */
  rules?: readonly Rule[];
  /** Only these rule ids. Unknown ids -> InputError naming the closest id. */
  include?: readonly string[];
  /** Not these rule ids. */
  exclude?: readonly string[];
  /** Severity at or above which a failure fails the scan (default high). */
  failOn?: Severity;
  /** Failures listed here become `suppressed` (origin baseline). */
  baseline?: Baseline;
  /** File paths in the report are relative to this directory (default: the current directory). */
  root?: string;
  workload?: RuleContext['workload'];
  /** CloudFormation parameter values over template defaults (every template that declares them). */
  parameters?: Record<string, string>;
  /** Terraform root variable values (like -var), over tfvars files and defaults. */
  variables?: Record<string, unknown>;
  /** Called as units of work finish (files loaded, graphs evaluated), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}
