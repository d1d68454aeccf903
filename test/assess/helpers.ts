import { loadCatalog } from '../../src/catalog/index.js';
import type { AssessContext } from '../../src/assess/context.js';
import { manifestSchema, type Manifest } from '../../src/assess/manifest.js';
import { determineEuAiAct, determineRegulations, isGenerative } from '../../src/assess/regulations.js';
import { determineScope } from '../../src/assess/scope.js';

/** A manifest from a partial input, with the schema's defaults filled in. */
export function manifestOf(input: Record<string, unknown>): Manifest {
  return manifestSchema.parse({ name: 'test-system', owner: 'owner@example.com', ...input });
}

/** An assessment context for a manifest, without a scan, policy or model cards unless given. */
export function contextOf(manifest: Manifest, extra: Partial<AssessContext> = {}): AssessContext {
  const regulations = determineRegulations(manifest);
  const act = determineEuAiAct(manifest, regulations);
  const training = new Set(manifest.models.flatMap((m) => m.trainingDatasets));
  return {
    catalog: loadCatalog(),
    loaded: {
      manifest,
      file: '/virtual/aigis.yaml',
      dir: '/virtual',
      lineOf: () => undefined,
      declared: new Set(Object.keys(manifest)),
    },
    manifest,
    scope: determineScope(manifest).scope,
    regulations: new Set(regulations.map((r) => r.id)),
    euAiActTier: act.tier,
    gpai: act.gpai,
    generative: isGenerative(manifest),
    agents: false,
    rag: false,
    publicEndpoint: false,
    trainingDatasets: manifest.datasets.filter((d) => training.has(d.id)),
    cards: new Map(),
    now: new Date('2026-11-22T00:00:00Z'),
    ...extra,
  };
}
