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
  if (!parsed.success)
    throw new Error(
      `${source}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
  const weights = new Map<string, readonly number[]>();
  for (const [feature, vector] of Object.entries(parsed.data.weights)) {
    if (
      !Array.isArray(vector) ||
      vector.length !== LABELS.length ||
      !vector.every((x) => typeof x === 'number' && Number.isFinite(x))
    ) {
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
export function ownVectors(model: TokenModel, kind: Token['kind'], info: TokenInfo): Float64Array {
  return ownVectorLookup(model)(kind, info);
}

/** `ownVectors` bound to one model, for loops over many tokens. */
export function ownVectorLookup(model: TokenModel): (kind: Token['kind'], info: TokenInfo) => Float64Array {
  let cache = ownCache.get(model);
  if (!cache) {
    cache = new WeakMap();
    ownCache.set(model, cache);
  }
  const vectors = cache;
  // Infos are shared per distinct token text (see tokenInfos), so identity is a cheap key.
  return (kind, info) => vectors.get(info) ?? computeOwnVectors(model, kind, info, vectors);
}

function computeOwnVectors(
  model: TokenModel,
  kind: Token['kind'],
  info: TokenInfo,
  cache: WeakMap<TokenInfo, Float64Array>,
): Float64Array {
  const vector = new Float64Array(OFFSETS.length * LABELS.length);
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

export const SHAPE_COUNT = SHAPES.length;

/** The pair tables as flat arrays, three weights per entry, for the per-token loop. */
export interface FlatPairTables {
  /** [(prev1 * 3 + prev2) * 3 + label] */
  labelPairs: Float64Array;
  /** [(shape of the neighbour * SHAPE_COUNT + own shape) * 3 + label] */
  shapePrev: Float64Array;
  shapeNext: Float64Array;
  /** Weights of `w{offset}=<edge>` for offsets -2..2 at [(offset + 2) * 3 + label]; zero for offset 0. */
  edges: Float64Array;
  newline: Float64Array;
  start: Float64Array;
  newlineNext: Float64Array;
}

const flatCache = new WeakMap<TokenModel, FlatPairTables>();

export function flatPairTables(model: TokenModel): FlatPairTables {
  const cachedFlat = flatCache.get(model);
  if (cachedFlat) return cachedFlat;
  const tables = pairTables(model);
  const flatten = (rows: Float64Array[][]): Float64Array => {
    const out = new Float64Array(rows.length * rows.length * LABELS.length);
    rows.forEach((row, a) => row.forEach((v, b) => out.set(v, (a * rows.length + b) * LABELS.length)));
    return out;
  };
  const edges = new Float64Array(OFFSETS.length * LABELS.length);
  OFFSETS.forEach((offset, o) => {
    const v = tables.edge.get(offset);
    if (v) edges.set(v, o * LABELS.length);
  });
  const flat: FlatPairTables = {
    labelPairs: flatten(tables.labels),
    shapePrev: flatten(tables.shapePrev),
    shapeNext: flatten(tables.shapeNext),
    edges,
    newline: tables.newline,
    start: tables.start,
    newlineNext: tables.newlineNext,
  };
  flatCache.set(model, flat);
  return flat;
}
