/**
 * The linear injection model: two logistic heads over the same features (attack vs benign, and
 * jailbreak vs prompt_injection among attacks), Platt calibration and per-strength thresholds.
 * Stored as `model.json` (metadata, validated with zod) beside `model.bin` (little-endian float32
 * weights: attack head, then kind head).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../util/errors.js';
import { serializedLexiconSchema } from './concepts.js';
import { DENSE_DIM, FEATURE_DIM, HASH_BITS, type SparseVector } from './features.js';

export const MODEL_FORMAT = 'aigis-injection-linear/1';

const strengthThresholds = z.object({
  LOW: z.number().min(0).max(1),
  MEDIUM: z.number().min(0).max(1),
  HIGH: z.number().min(0).max(1),
});

export const modelMetaSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  hashBits: z.number().int(),
  denseDim: z.number().int(),
  attackBias: z.number(),
  kindBias: z.number(),
  platt: z.object({ a: z.number(), b: z.number() }),
  thresholds: strengthThresholds,
  /**
   * Thresholds for the `context` direction (retrieved documents, tool results), chosen on benign
   * documents, whose scores are distributed unlike chat prompts. Absent in older models: the
   * input thresholds apply.
   */
  contextThresholds: strengthThresholds.optional(),
  /** The concept lexicon the model was trained with, normalized (features depend on it). */
  lexicon: serializedLexiconSchema.optional(),
  /** Free-form provenance: sources, counts, validation numbers. */
  training: z.record(z.string(), z.unknown()),
});
export type ModelMeta = z.infer<typeof modelMetaSchema>;

export interface LinearModel {
  meta: ModelMeta;
  attack: Float32Array;
  kind: Float32Array;
}

export type Strength = keyof ModelMeta['thresholds'];

/** A model's threshold for a strength and direction: documents (`context`) have their own when trained with them. */
export function thresholdOf(
  meta: ModelMeta,
  strength: Strength,
  direction: 'input' | 'output' | 'context' = 'input',
): number {
  return (
    (direction === 'context' ? meta.contextThresholds : undefined)?.[strength] ?? meta.thresholds[strength]
  );
}

export function dot(weights: Float32Array, bias: number, v: SparseVector): number {
  let s = bias;
  for (let k = 0; k < v.indices.length; k++) s += (weights[v.indices[k] ?? 0] ?? 0) * (v.values[k] ?? 0);
  return s;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Calibrated probability that the vector is an attack. */
export function attackProbability(model: LinearModel, v: SparseVector): number {
  const margin = dot(model.attack, model.meta.attackBias, v);
  return sigmoid(model.meta.platt.a * margin + model.meta.platt.b);
}

/** Probability that an attack is a jailbreak rather than a prompt injection. */
export function jailbreakProbability(model: LinearModel, v: SparseVector): number {
  return sigmoid(dot(model.kind, model.meta.kindBias, v));
}

export function serializeModel(model: LinearModel): { json: string; bin: Buffer } {
  const bin = Buffer.alloc(FEATURE_DIM * 8);
  Buffer.from(model.attack.buffer, model.attack.byteOffset, model.attack.byteLength).copy(bin, 0);
  Buffer.from(model.kind.buffer, model.kind.byteOffset, model.kind.byteLength).copy(bin, FEATURE_DIM * 4);
  // The lexicon goes on one line: thousands of entries would otherwise take a line each.
  const { lexicon, ...rest } = model.meta;
  const pretty = JSON.stringify(rest, null, 2);
  const json = lexicon ? `${pretty.slice(0, -2)},\n  "lexicon": ${JSON.stringify(lexicon)}\n}` : pretty;
  return { json: `${json}\n`, bin };
}

export function loadModelFiles(jsonPath: string, binPath: string): LinearModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (e) {
    throw new InputError(`${jsonPath}: cannot read injection model: ${(e as Error).message}`);
  }
  const parsed = modelMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${jsonPath}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid model'}`);
  }
  const meta = parsed.data;
  if (meta.hashBits !== HASH_BITS || meta.denseDim !== DENSE_DIM) {
    throw new InputError(
      `${jsonPath}: hashBits/denseDim ${meta.hashBits}/${meta.denseDim} do not match this build (${HASH_BITS}/${DENSE_DIM}); run npm run train:injection`,
    );
  }
  const bin = readFileSync(binPath);
  if (bin.byteLength !== FEATURE_DIM * 8) {
    throw new InputError(`${binPath}: expected ${FEATURE_DIM * 8} bytes of weights, found ${bin.byteLength}`);
  }
  // Copy into aligned buffers: Buffer pooling does not guarantee 4-byte alignment.
  const attack = new Float32Array(FEATURE_DIM);
  const kind = new Float32Array(FEATURE_DIM);
  new Uint8Array(attack.buffer).set(bin.subarray(0, FEATURE_DIM * 4));
  new Uint8Array(kind.buffer).set(bin.subarray(FEATURE_DIM * 4));
  return { meta, attack, kind };
}
