import { PHASES, type Control } from '../catalog/index.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { ControlResult, RemediationItem } from './types.js';

const PHASE_SEVERITY: Record<Control['phase'], Severity> = {
  foundational: 'high',
  scaling: 'medium',
  industrialized: 'low',
};

/** A control's severity: the highest of its failing rules, else what its phase implies (foundational high). */
export function controlSeverity(
  control: Control,
  result: ControlResult,
  ruleSeverity: (ruleId: string) => Severity | undefined,
): Severity {
  let best: Severity | undefined;
  for (const e of result.evidence) {
    if (e.kind !== 'scan' || e.status !== 'fail' || !e.ruleId) continue;
    const s = ruleSeverity(e.ruleId);
    if (s && (!best || SEVERITIES.indexOf(s) > SEVERITIES.indexOf(best))) best = s;
  }
  return best ?? PHASE_SEVERITY[control.phase];
}

/**
 * Every applicable control that is not met or not known to be met, in the order to fix them: the
 * earliest phase first (what stands between the system and its next phase), then not-met before
 * unknown, then the most severe.
 */
export function remediationList(
  items: ReadonlyArray<{ control: Control; result: ControlResult }>,
  ruleSeverity: (ruleId: string) => Severity | undefined,
): RemediationItem[] {
  const open = items.filter(({ result }) => result.status === 'not-met' || result.status === 'unknown');
  const rows = open.map(({ control, result }) => ({
    item: {
      control: control.id,
      title: control.title,
      status: result.status === 'not-met' ? 'not-met' : 'unknown',
      severity: controlSeverity(control, result, ruleSeverity),
      phase: control.phase,
      remediation: control.remediation,
      findings: result.evidence.flatMap((e) =>
        e.kind === 'scan' && e.status === 'fail' && e.ruleId && e.resource
          ? [{ ruleId: e.ruleId, address: e.resource.address, file: e.resource.file, line: e.resource.line }]
          : [],
      ),
    } satisfies RemediationItem,
    notMet: result.status === 'not-met',
  }));
  rows.sort(
    (a, b) =>
      PHASES.indexOf(a.item.phase) - PHASES.indexOf(b.item.phase) ||
      Number(b.notMet) - Number(a.notMet) ||
      SEVERITIES.indexOf(b.item.severity) - SEVERITIES.indexOf(a.item.severity) ||
      a.item.control.localeCompare(b.item.control),
  );
  return rows.map((r) => r.item);
}
