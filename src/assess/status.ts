import type { Control } from '../catalog/index.js';
import type { Rule } from '../rules/types.js';
import type { ScanResult } from '../scan/index.js';
import type { Attestation } from './manifest.js';
import { applicability } from './conditions.js';
import type { AssessContext } from './context.js';
import type { GovernanceCheck } from './governance/index.js';
import { runtimeEvidence, runtimeMappingOf } from './runtime.js';
import type { ControlResult, Evidence } from './types.js';

type GroupStatus = 'pass' | 'fail' | 'unknown';

function groupStatus(pieces: readonly Evidence[]): GroupStatus {
  if (pieces.some((e) => e.status === 'fail')) return 'fail';
  if (pieces.length > 0 && pieces.every((e) => e.status === 'pass')) return 'pass';
  return 'unknown';
}

/** Scan results as evidence; a suppressed failure is not proof the control holds, so it counts as unknown. */
export function scanEvidence(results: readonly ScanResult[]): Evidence[] {
  return results.map((r) => ({
    kind: 'scan' as const,
    status: r.status === 'pass' ? 'pass' : r.status === 'fail' ? 'fail' : 'unknown',
    message:
      r.status === 'suppressed'
        ? `suppressed (${r.suppression?.reason ?? 'no reason given'}): ${r.message}`
        : r.message,
    ruleId: r.ruleId,
    resource: { address: r.resource.address, file: r.resource.file, line: r.resource.line },
  }));
}

/** The attestation for a control that is still valid at `now`, and the expired ones. */
export function attestationFor(
  controlId: string,
  attestations: readonly Attestation[],
  now: Date,
): { valid?: Attestation; expired: Attestation[] } {
  const mine = attestations.filter((a) => a.control === controlId);
  const isValid = (a: Attestation): boolean =>
    (a.expires === undefined || Date.parse(a.expires) >= now.getTime()) &&
    Date.parse(a.date) <= now.getTime();
  const valid = mine.find(isValid);
  return { ...(valid ? { valid } : {}), expired: mine.filter((a) => !isValid(a)) };
}

export interface StatusInputs {
  control: Control;
  ctx: AssessContext;
  /** Scan results mapped to this control. */
  results: readonly ScanResult[];
  /** Rules that could provide evidence for this control. */
  rules: readonly Rule[];
  governance: readonly GovernanceCheck[];
}

/**
 * The status of one control: not-applicable (with the reason), else from its evidence. Any failing
 * source makes it not-met; it is met when every source that spoke passes; unknown otherwise. A valid
 * attestation turns unknown or met into attested, but never hides a failure the evidence shows.
 */
export function controlStatus({ control, ctx, results, rules, governance }: StatusInputs): ControlResult {
  const base = { id: control.id };
  const applies = applicability(control, ctx);
  if (!applies.applies) return { ...base, status: 'not-applicable', reason: applies.reason, evidence: [] };

  const iac = scanEvidence(results);
  const gov = governance.flatMap((g) => g.evaluate(ctx));
  // The guard screens prompts and answers: its evidence speaks only for generative systems.
  const runtime = ctx.generative ? runtimeEvidence(control.id, ctx) : [];
  const checks = ctx.generative ? control.checks : control.checks.filter((c) => c !== 'runtime');
  const mapping = runtimeMappingOf.get(control.id);
  const evidence = [...iac, ...gov, ...runtime];

  const groups: GroupStatus[] = [];
  if (mapping?.mode === 'alternative') {
    const either = [groupStatus(iac), groupStatus(runtime)].filter((_, i) =>
      i === 0 ? iac.length > 0 : true,
    );
    groups.push(either.includes('pass') ? 'pass' : either.includes('fail') ? 'fail' : 'unknown');
  } else {
    if (iac.length > 0) groups.push(groupStatus(iac));
    if (runtime.length > 0) groups.push(groupStatus(runtime));
  }
  if (gov.length > 0) groups.push(groupStatus(gov));

  const { valid, expired } = attestationFor(control.id, ctx.manifest.attestations, ctx.now);
  for (const a of expired) {
    const why =
      Date.parse(a.date) > ctx.now.getTime()
        ? `is dated in the future (${a.date})`
        : `expired on ${a.expires ?? a.date}`;
    evidence.push({
      kind: 'attestation',
      status: 'unknown',
      message: `attestation by ${a.by} ${why} (counts as missing)`,
      field: 'attestations',
    });
  }
  const attestationEvidence = (a: Attestation): Evidence => ({
    kind: 'attestation',
    status: 'pass',
    message: `attested by ${a.by} on ${a.date}${a.expires ? `, valid until ${a.expires}` : ''}${a.evidence ? ` (${a.evidence})` : ''}`,
    field: 'attestations',
  });

  if (groups.includes('fail')) {
    const first = evidence.find((e) => e.status === 'fail')!;
    const failing = evidence.filter((e) => e.status === 'fail').length;
    if (valid)
      evidence.push({
        ...attestationEvidence(valid),
        status: 'unknown',
        message: `${attestationEvidence(valid).message}, but the evidence shows a failure`,
      });
    return { ...base, status: 'not-met', reason: `${failing} failing: ${first.message}`, evidence };
  }
  if (groups.length > 0 && groups.every((g) => g === 'pass')) {
    if (valid)
      return {
        ...base,
        status: 'attested',
        reason: `evidence passes and ${attestationEvidence(valid).message}`,
        evidence: [...evidence, attestationEvidence(valid)],
      };
    return {
      ...base,
      status: 'met',
      reason: `${evidence.filter((e) => e.status === 'pass').length} evidence item(s) pass`,
      evidence,
    };
  }
  if (valid)
    return {
      ...base,
      status: 'attested',
      reason: attestationEvidence(valid).message,
      evidence: [...evidence, attestationEvidence(valid)],
    };

  // No decisive evidence: say what would decide it.
  const onlyResourceChecks = checks.length > 0 && checks.every((c) => c === 'iac' || c === 'live');
  if (
    iac.length === 0 &&
    onlyResourceChecks &&
    rules.length > 0 &&
    ctx.scan &&
    gov.length === 0 &&
    runtime.length === 0
  )
    return {
      ...base,
      status: 'not-applicable',
      reason: `no resource in the scanned infrastructure is checked by ${rules.map((r) => r.id).join(', ')}`,
      evidence: [],
    };
  let reason: string;
  if (evidence.some((e) => e.status === 'unknown'))
    reason = evidence.find((e) => e.status === 'unknown')!.message;
  else if (checks.includes('iac') && rules.length > 0 && !ctx.scan)
    reason = 'no infrastructure paths in aigis.yaml to scan';
  else if (checks.includes('iac') && rules.length > 0)
    reason = `no scanned resource evaluated by ${rules.map((r) => r.id).join(', ')}`;
  else
    reason = `checked by ${checks.join(', ')}; nothing in the code, manifest or guard policy shows it yet: attest it in aigis.yaml (attestations)`;
  return { ...base, status: 'unknown', reason, evidence };
}
