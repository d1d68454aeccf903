import type { Resource, ResourceGraph, Unknown } from '../resources/types.js';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export type RuleStatus = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export interface Equivalents {
  checkov: string[];
  prowler: string[];
  securityhub: string[];
  cdknag: string[];
}

/** Metadata that sits beside each rule's code; the scanner and every report read it. */
export interface RuleMeta {
  /** Descriptive snake_case id, e.g. `sagemaker_notebook_root_access_disabled`. */
  id: string;
  /** The compliant condition, e.g. "SageMaker notebook instances disable root access". */
  title: string;
  severity: Severity;
  /** Native resource types the rule evaluates, per source format. */
  resourceTypes: { cloudformation: string[]; terraform: string[] };
  rationale: string;
  remediation: { text: string; cloudformation?: string; terraform?: string };
  /** Catalog control ids this rule provides evidence for. */
  controls: string[];
  equivalents: Equivalents;
}

export interface Outcome {
  status: RuleStatus;
  message: string;
}

export interface RuleContext {
  graph: ResourceGraph;
  /** Facts about the workload that a template alone does not hold (from aigis.yaml, when assessing). */
  workload?: {
    /** Bedrock PII entity names the workload's data holds; guardrail PII rules check these are filtered. */
    piiEntities?: string[];
  };
}

/** A check of one resource at a time (most rules). */
export interface ResourceRule extends RuleMeta {
  kind: 'resource';
  evaluate(resource: Resource, ctx: RuleContext): Outcome;
}

/**
 * A check over the whole scanned graph, for account-level facts ("GuardDuty is enabled") or
 * relations ("an interface endpoint for bedrock-runtime exists when Bedrock is used").
 * It returns outcomes attached to the resources it names (or none when not applicable).
 */
export interface GraphRule extends RuleMeta {
  kind: 'graph';
  evaluateGraph(ctx: RuleContext): Array<Outcome & { resource: Resource }>;
}

export type Rule = ResourceRule | GraphRule;

export const pass = (message: string): Outcome => ({ status: 'pass', message });
export const fail = (message: string): Outcome => ({ status: 'fail', message });
export const notApplicable = (message: string): Outcome => ({ status: 'not_applicable', message });
export const unknown = (value: Unknown | string): Outcome => ({
  status: 'unknown',
  message: typeof value === 'string' ? value : `cannot be decided statically: ${value.reason}`,
});
