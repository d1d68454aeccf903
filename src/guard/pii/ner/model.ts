/** The averaged-perceptron weights in data/guard/pii/ner-model.json, loaded once. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../../util/paths.js';
import { LABELS, OFFSETS, ownFeatures, SHAPES, type TokenInfo } from './features.js';
import type { Token } from './tokenize.js';

const ModelFile = z.object({
  labels: z.array(z.string()).length(LABELS.length),
  /** Margin that maps to a score of about 0.88 (tanh(1)); set from the training data. */
  marginScale: z.number().positive(),
  /** Words whose identity is a feature (the training vocabulary); other words count by shape. */
  vocabulary: z.array(z.string()),
  // Checked entry by entry below: a zod schema per weight vector costs tens of ms at start-up.
  weights: z.record(z.string(), z.unknown()),
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
  const weights = new Map<string, readonly number[]>();
  for (const [feature, vector] of Object.entries(parsed.data.weights)) {
    if (!Array.isArray(vector) || vector.length !== LABELS.length || !vector.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new Error(`${source}: weights.${feature}: expected ${LABELS.length} finite numbers`);
    }
    weights.set(feature, vector as number[]);
  }
  const vocabulary = new Set(parsed.data.vocabulary);
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

const ownCache = new WeakMap<TokenModel, WeakMap<TokenInfo, Float64Array>>();

/**
 * Weight sums of a token's own features at each offset (-2..2), 3 labels each, cached per token
 * info: in running text most tokens repeat, so a classified token costs a few look-ups instead
 * of dozens.
 */
export function ownVectors(
  model: TokenModel,
  kind: Token['kind'],
  info: TokenInfo,
): Float64Array {
  let cache = ownCache.get(model);
  if (!cache) {
    cache = new WeakMap();
    ownCache.set(model, cache);
  }
  // Infos are shared per distinct token text (see tokenInfos), so identity is a cheap key.
  let vector = cache.get(info);
  if (vector) return vector;
  vector = new Float64Array(OFFSETS.length * LABELS.length);
  const features: string[] = [];
  const knowsWord = (w: string): boolean => model.vocabulary.has(w);
  OFFSETS.forEach((offset, o) => {
    features.length = 0;
    ownFeatures(kind, info, offset, knowsWord, features);
    for (const f of features) {
      const w = model.weights.get(f);
      if (!w) continue;
      for (let k = 0; k < LABELS.length; k++) {
        const at = o * LABELS.length + k;
        vector[at] = (vector[at] ?? 0) + (w[k] ?? 0);
      }
    }
  });
  cache.set(info, vector);
  return vector;
}


/** The weights of pairFeatures() laid out in tables, so classification builds no strings. */
export interface PairTables {
  labels: Float64Array[][];
  newline: Float64Array;
  start: Float64Array;
  newlineNext: Float64Array;
  shapePrev: Float64Array[][];
  shapeNext: Float64Array[][];
  edge: Map<number, Float64Array>;
  shapeIndex: Map<string, number>;
}

const pairCache = new WeakMap<TokenModel, PairTables>();

export function pairTables(model: TokenModel): PairTables {
  const cached = pairCache.get(model);
  if (cached) return cached;
  const vec = (...features: string[]): Float64Array => {
    const v = new Float64Array(LABELS.length);
    for (const f of features) {
      const w = model.weights.get(f);
      if (w) for (let k = 0; k < LABELS.length; k++) v[k] = (v[k] ?? 0) + (w[k] ?? 0);
    }
    return v;
  };
  const tables: PairTables = {
    labels: LABELS.map((p1) => LABELS.map((p2) => vec(`p1=${p1}`, `p12=${p1}|${p2}`))),
    newline: vec('nl'),
    start: vec('start'),
    newlineNext: vec('nl+1'),
    shapePrev: SHAPES.map((a) => SHAPES.map((b) => vec(`sh-1=${a}|${b}`))),
    shapeNext: SHAPES.map((a) => SHAPES.map((b) => vec(`sh1=${a}|${b}`))),
    edge: new Map(OFFSETS.filter((o) => o !== 0).map((o) => [o, vec(`w${o}=<edge>`)])),
    shapeIndex: new Map(SHAPES.map((s, i) => [s, i])),
  };
  pairCache.set(model, tables);
  return tables;
}
