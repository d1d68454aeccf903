import { LAYERS, PHASES, type Catalog, type Control, type Phase } from '../catalog/index.js';
import type { AssessmentReport, ControlResult, MetApplicable, PhaseReached, Regulation } from './types.js';

/** Attested counts as met everywhere in scoring. */
export const isMet = (r: ControlResult): boolean => r.status === 'met' || r.status === 'attested';
const isApplicable = (r: ControlResult): boolean => r.status !== 'not-applicable';

function tally(results: readonly ControlResult[]): MetApplicable {
  const applicable = results.filter(isApplicable);
  return { met: applicable.filter(isMet).length, applicable: applicable.length };
}

type Pair = { control: Control; result: ControlResult };

export function pairs(catalog: Catalog, results: readonly ControlResult[]): Pair[] {
  return results.flatMap((result) => {
    const control = catalog.control(result.id);
    return control ? [{ control, result }] : [];
  });
}

/**
 * The highest phase whose applicable controls are all met, together with those of every earlier
 * phase; 'none' when a foundational control is not met. A phase with no applicable control is met.
 */
export function phaseReached(items: ReadonlyArray<Pair>): PhaseReached {
  let reached: PhaseReached = 'none';
  for (const phase of PHASES) {
    const open = items.some(
      ({ control, result }) => control.phase === phase && isApplicable(result) && !isMet(result),
    );
    if (open) break;
    reached = phase;
  }
  return reached;
}

/** The phase a team works towards next: the first phase with an open control. */
export function nextPhase(reached: PhaseReached): Phase | undefined {
  const index = reached === 'none' ? 0 : PHASES.indexOf(reached) + 1;
  return PHASES[index];
}

export function layerPhaseMatrix(items: ReadonlyArray<Pair>): AssessmentReport['layers'] {
  const cell = (layer: Control['layer'], phase: Phase) =>
    tally(items.filter((p) => p.control.layer === layer && p.control.phase === phase).map((p) => p.result));
  const row = (layer: Control['layer']) =>
    Object.fromEntries(PHASES.map((phase) => [phase, cell(layer, phase)])) as Record<Phase, MetApplicable>;
  return Object.fromEntries(LAYERS.map((layer) => [layer, row(layer)])) as AssessmentReport['layers'];
}

export function didLayerScores(items: ReadonlyArray<Pair>): AssessmentReport['didLayers'] {
  const out = {} as AssessmentReport['didLayers'];
  for (const layer of ['1', '2', '3', '4', '5', '6', '7'] as const)
    out[layer] = tally(items.filter((p) => String(p.control.didLayer) === layer).map((p) => p.result));
  return out;
}

/** Compliance frameworks that are laws apply only when the regulation does; standards always do. */
const LAW_FRAMEWORKS: Readonly<Record<string, Regulation>> = {
  'hipaa-security': 'HIPAA',
  gdpr: 'GDPR',
  'pci-dss-v4': 'PCI-DSS',
  'eu-ai-act': 'EU-AI-Act',
};

/**
 * Per compliance framework: requirements covered by an applicable control, and met (every applicable
 * control covering it is met), out of all its requirements.
 */
export function frameworkScores(
  catalog: Catalog,
  results: ReadonlyMap<string, ControlResult>,
  regulations: ReadonlySet<Regulation>,
): AssessmentReport['frameworks'] {
  const out: AssessmentReport['frameworks'] = {};
  for (const framework of catalog.frameworks) {
    if (framework.kind !== 'compliance') continue;
    const law = LAW_FRAMEWORKS[framework.id];
    if (law && !regulations.has(law)) continue;
    let covered = 0;
    let met = 0;
    for (const { controls } of catalog.coverage(framework.id).requirements) {
      const applicable = controls
        .map((c) => results.get(c.id))
        .filter((r): r is ControlResult => !!r && isApplicable(r));
      if (applicable.length === 0) continue;
      covered++;
      if (applicable.every(isMet)) met++;
    }
    out[framework.id] = { covered, met, total: framework.requirements.length };
  }
  return out;
}

export function owaspScores(items: ReadonlyArray<Pair>): AssessmentReport['owasp'] {
  const ids = [...new Set(items.flatMap((p) => p.control.owasp))].sort();
  return Object.fromEntries(
    ids.map((id) => [id, tally(items.filter((p) => p.control.owasp.includes(id)).map((p) => p.result))]),
  );
}

/**
 * AWS's engagement reports security, compliance and identity separately. aigis splits by
 * defense-in-depth layer: 2 (identity and access) is identity, 7 (policies, procedures and
 * awareness) is compliance, the technical layers 1, 3, 4, 5 and 6 are security.
 */
export function sectionOf(control: Control): 'security' | 'compliance' | 'identity' {
  if (control.didLayer === 2) return 'identity';
  if (control.didLayer === 7) return 'compliance';
  return 'security';
}

export function sectionScores(items: ReadonlyArray<Pair>): AssessmentReport['sections'] {
  const out = {} as AssessmentReport['sections'];
  for (const section of ['security', 'compliance', 'identity'] as const) {
    const mine = items.filter((p) => sectionOf(p.control) === section && isApplicable(p.result));
    out[section] = { ...tally(mine.map((p) => p.result)), controls: mine.map((p) => p.control.id) };
  }
  return out;
}
