import { createHash } from 'node:crypto';
import type { ControlResult, AssessmentReport, Evidence } from '../assess/types.js';
import { controlSeverity } from '../assess/remediation.js';
import { loadCatalog, type Catalog, type Control } from '../catalog/index.js';
import { allRules } from '../rules/index.js';
import type { Rule, Severity } from '../rules/types.js';

/** Options every assessment exporter accepts; each takes only what it uses. */
export interface ReportOptions {
  /** Control titles, layers, phases, references and OWASP ids (default: the shipped catalog). */
  catalog?: Catalog;
  /** Rule metadata for scan evidence: titles, severities, Security Hub equivalents (default: every shipped rule). */
  rules?: readonly Rule[];
  /** ASFF: the account and region findings are imported into. Placeholders when absent. */
  aws?: { accountId?: string; region?: string };
  /** Also list not-applicable controls in finding formats (ASFF, OCSF). Default false: they are not findings. */
  includeNotApplicable?: boolean;
}

/** One control's result joined with its catalog entry, which the report JSON does not repeat. */
export interface ControlView {
  result: ControlResult;
  control: Control | undefined;
  title: string;
  severity: Severity;
}

export interface ReportContext {
  report: AssessmentReport;
  catalog: Catalog;
  rules: ReadonlyMap<string, Rule>;
  controls: ControlView[];
  opts: ReportOptions;
}

export function reportContext(report: AssessmentReport, opts: ReportOptions = {}): ReportContext {
  const catalog = opts.catalog ?? loadCatalog();
  const rules = new Map((opts.rules ?? allRules).map((r) => [r.id, r]));
  const remediationSeverity = new Map(report.remediation.map((r) => [r.control, r.severity]));
  const ruleSeverity = (id: string): Severity | undefined => rules.get(id)?.severity;
  const controls = report.controls.map((result): ControlView => {
    const control = catalog.control(result.id);
    const severity =
      remediationSeverity.get(result.id) ??
      (control ? controlSeverity(control, result, ruleSeverity) : 'medium');
    return { result, control, title: control?.title ?? result.id, severity };
  });
  return { report, catalog, rules, controls, opts };
}

/** Controls that apply to the system (the rest are listed only for completeness). */
export const isApplicable = (v: ControlView): boolean => v.result.status !== 'not-applicable';

/** Failing scan evidence with a resource: what SARIF and ASFF point at. */
export function failingScanEvidence(
  result: ControlResult,
): Array<Evidence & { ruleId: string; resource: NonNullable<Evidence['resource']> }> {
  return result.evidence.filter(
    (e): e is Evidence & { ruleId: string; resource: NonNullable<Evidence['resource']> } =>
      e.kind === 'scan' && e.status === 'fail' && e.ruleId !== undefined && e.resource !== undefined,
  );
}

/** RFC 4122 version-5 UUID (SHA-1, name-based), so the same ids give the same UUIDs and exports diff cleanly. */
export function uuidV5(name: string, namespace: string = AIGIS_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fixed namespace for aigis v5 UUIDs; changing it would change every exported UUID. */
export const AIGIS_UUID_NAMESPACE = '5c0b2a6e-3f4d-5e8a-9b1c-7d2e4f6a8b0c';

export const STATUS_LABEL: Record<ControlResult['status'], string> = {
  met: 'Met',
  'not-met': 'Not met',
  unknown: 'Unknown',
  attested: 'Attested',
  'not-applicable': 'Not applicable',
};

/** Framework ids to display names, from the catalog when it knows them. */
export function frameworkName(ctx: ReportContext, id: string): string {
  return ctx.catalog.framework(id)?.name ?? id;
}

/** `LLM01:2025 Prompt Injection` for an OWASP id the catalog knows, else the id. */
export function owaspLabel(ctx: ReportContext, id: string): string {
  for (const f of ctx.catalog.frameworks) {
    if (f.kind !== 'owasp') continue;
    const req = f.requirements.find((q) => q.id === id);
    if (req) return `${id} ${req.title}`;
  }
  return id;
}

/** OWASP ids in reading order: the LLM Top 10 first, then the agentic list. */
export function owaspOrder(a: string, b: string): number {
  return Number(a.startsWith('ASI')) - Number(b.startsWith('ASI')) || a.localeCompare(b);
}

const PHASE_ORDER = ['foundational', 'scaling', 'industrialized'] as const;

/** The phase after the one reached, which the remediation list works towards. */
export function nextPhaseAfter(
  reached: AssessmentReport['phaseReached'],
): (typeof PHASE_ORDER)[number] | undefined {
  return reached === 'none' ? 'foundational' : PHASE_ORDER[PHASE_ORDER.indexOf(reached) + 1];
}

/** The defense-in-depth layer's name from the catalog's aws-defense-in-depth framework, e.g. `Data protection`. */
export function didLayerName(ctx: ReportContext, layer: string | number): string {
  return ctx.catalog.requirement('aws-defense-in-depth', String(layer))?.title ?? `Layer ${layer}`;
}
