import type { ControlResult } from '../assess/types.js';
import type { Severity } from '../rules/types.js';
import {
  failingScanEvidence,
  frameworkName,
  isApplicable,
  STATUS_LABEL,
  uuidV5,
  type ReportContext,
} from './context.js';

/**
 * OCSF Compliance Finding (class 2003, category Findings) as JSON lines, one event per applicable control.
 * Targets OCSF 1.6 (what the new Security Hub ingests); the fields used are unchanged since 1.1.
 */

export const OCSF_VERSION = '1.6.0';
export const COMPLIANCE_FINDING_CLASS_UID = 2003;
export const FINDINGS_CATEGORY_UID = 2;
const ACTIVITY_CREATE = 1;

const SEVERITY_ID: Record<Severity, number> = { low: 2, medium: 3, high: 4, critical: 5 };
const SEVERITY_NAME: Record<number, string> = {
  1: 'Informational',
  2: 'Low',
  3: 'Medium',
  4: 'High',
  5: 'Critical',
};

/** compliance.status_id: 1 Pass, 2 Warning (no result for lack of information), 3 Fail, 99 Other. */
function complianceStatus(status: ControlResult['status']): { status_id: number; status: string } {
  if (status === 'met' || status === 'attested') return { status_id: 1, status: 'Pass' };
  if (status === 'not-met') return { status_id: 3, status: 'Fail' };
  if (status === 'unknown') return { status_id: 2, status: 'Warning' };
  return { status_id: 99, status: 'Not applicable' };
}

type Json = Record<string, unknown>;

export function toOcsfEvents(ctx: ReportContext, productVersion: string = ctx.report.version): Json[] {
  const r = ctx.report;
  const time = Date.parse(r.generatedAt);
  const views = ctx.controls.filter((v) => ctx.opts.includeNotApplicable || isApplicable(v));
  return views.map((view) => {
    const { result, control } = view;
    const compliance = complianceStatus(result.status);
    const passed = compliance.status_id === 1;
    const severityId = passed || compliance.status_id === 99 ? 1 : SEVERITY_ID[view.severity];
    const standards = Object.keys(control?.references ?? {}).map((id) => frameworkName(ctx, id));
    const requirements = Object.entries(control?.references ?? {}).flatMap(([f, ids]) =>
      ids.map((id) => `${f} ${id}`),
    );
    const failing = failingScanEvidence(result);
    const event: Json = {
      activity_id: ACTIVITY_CREATE,
      activity_name: 'Create',
      category_uid: FINDINGS_CATEGORY_UID,
      category_name: 'Findings',
      class_uid: COMPLIANCE_FINDING_CLASS_UID,
      class_name: 'Compliance Finding',
      type_uid: COMPLIANCE_FINDING_CLASS_UID * 100 + ACTIVITY_CREATE,
      type_name: 'Compliance Finding: Create',
      severity_id: severityId,
      severity: SEVERITY_NAME[severityId],
      time,
      message: result.reason || STATUS_LABEL[result.status],
      status_id: passed ? 4 : 1,
      status: passed ? 'Resolved' : 'New',
      metadata: {
        version: OCSF_VERSION,
        product: { name: 'aigis', vendor_name: 'aigis', version: productVersion },
        uid: uuidV5(`ocsf:event:${r.system.name}:${result.id}:${r.generatedAt}`),
      },
      finding_info: {
        uid: uuidV5(`ocsf:finding:${r.system.name}:${result.id}`),
        title: view.title,
        desc: control?.description ?? view.title,
        types: (control?.owasp ?? []).map(
          (id) => `${id.startsWith('ASI') ? 'owasp-agentic' : 'owasp-llm'}:${id}`,
        ),
        analytic: { name: result.id, type_id: 1, type: 'Rule', uid: result.id },
        created_time: time,
      },
      compliance: {
        control: result.id,
        desc: view.title,
        standards: standards.length > 0 ? standards : ['aigis control catalog'],
        ...(requirements.length > 0 ? { requirements } : {}),
        ...compliance,
      },
      resources:
        failing.length > 0
          ? failing.map((e) => ({
              uid: e.resource.address,
              name: e.resource.address,
              type: 'IaC resource',
              data: { file: e.resource.file, line: e.resource.line, rule: e.ruleId },
            }))
          : [{ uid: r.system.name, name: r.system.name, type: 'AI system' }],
      unmapped: {
        aigis_status: result.status,
        ...(control ? { layer: control.layer, phase: control.phase } : {}),
      },
    };
    if (control?.remediation) event['remediation'] = { desc: control.remediation };
    if (result.evidence.length > 0)
      event['evidences'] = result.evidence.map((e) => ({
        data: {
          kind: e.kind,
          status: e.status,
          message: e.message,
          ...(e.ruleId ? { rule: e.ruleId } : {}),
          ...(e.file ? { file: e.file } : {}),
          ...(e.field ? { field: e.field } : {}),
        },
      }));
    return event;
  });
}

/** JSON lines: one compliance finding per line, as Security Lake custom sources and log shippers take them. */
export function toOcsf(ctx: ReportContext): string {
  return toOcsfEvents(ctx)
    .map((e) => JSON.stringify(e))
    .join('\n');
}
