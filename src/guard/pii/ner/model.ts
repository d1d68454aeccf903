/** The averaged-perceptron weights in data/guard/pii/ner-model.json, loaded once. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../../util/paths.js';
import { LABELS } from './features.js';

const ModelFile = z.object({
  labels: z.array(z.string()).length(LABELS.length),
  /** Margin that maps to a score of about 0.88 (tanh(1)); set from the training data. */
  marginScale: z.number().positive(),
  weights: z.record(z.string(), z.array(z.number()).length(LABELS.length)),
});

export interface TokenModel {
  weights: ReadonlyMap<string, readonly number[]>;
  vocabulary: ReadonlySet<string>;
  marginScale: number;
}

let cached: TokenModel | undefined;

export function modelFromJson(json: unknown, source: string): TokenModel {
  const parsed = ModelFile.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const weights = new Map(Object.entries(parsed.data.weights));
  const vocabulary = new Set<string>();
  for (const key of weights.keys()) if (key.startsWith('w=')) vocabulary.add(key.slice(2));
  return { weights, vocabulary, marginScale: parsed.data.marginScale };
}

export function loadTokenModel(): TokenModel {
  if (cached) return cached;
  const file = dataPath('guard', 'pii', 'ner-model.json');
  cached = modelFromJson(JSON.parse(readFileSync(file, 'utf8')), file);
  return cached;
}

export function scoreFeatures(model: TokenModel, features: readonly string[], out: number[]): void {
  out.fill(0);
  for (const feature of features) {
    const w = model.weights.get(feature);
    if (!w) continue;
    for (let k = 0; k < out.length; k++) out[k] = (out[k] ?? 0) + (w[k] ?? 0);
  }
}
