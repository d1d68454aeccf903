/**
 * Training of the injection model in pure TypeScript: logistic regression with AdaGrad over the
 * sparse features, deterministic (seeded shuffles), Platt calibration and thresholds chosen on
 * out-of-fold predictions (random folds by default; whole source groups on request, for the
 * pessimistic "never seen this kind of text" view the bench reports).
 */
import { findInvisibleText, hasMixedScriptWords } from '../normalize.js';
import { lexicon, serializeLexicon } from './concepts.js';
import { segments, windows } from './detector.js';
import {
  DENSE_DIM,
  FEATURE_DIM,
  HASH_BITS,
  HASH_DIM,
  extractFeatures,
  normalizeForInjection,
  type SparseVector,
} from './features.js';
import { MODEL_FORMAT, dot, sigmoid, type LinearModel, type ModelMeta } from './model.js';

export type AttackKind = 'prompt_injection' | 'jailbreak';

export interface Sample {
  text: string;
  label: 0 | 1;
  /** Where it came from; whole sources are held out together. */
  source: string;
  /** For attacks: which kind it is. */
  kind?: AttackKind;
  /**
   * The upstream collection the source belongs to (PurpleLlama's injections and its system
   * prompts are one group); folds hold out whole groups. Defaults to `source`.
   */
  group?: string;
  /**
   * False for texts the guard does not scan in practice (developers' system prompts): they are
   * trained on, but do not take part in calibration and threshold choice.
   */
  calibrate?: boolean;
  /**
   * How the guard sees the text: a prompt (`input`, the default) or a document or tool result
   * (`context`). Thresholds are chosen per direction.
   */
  direction?: 'input' | 'context';
}

export interface TrainOptions {
  epochs: number;
  /** L2 penalty on the hashed n-gram weights. */
  l2: number;
  /** L2 penalty on the heuristic/shape weights (kept low so hand-written knowledge is not drowned by n-grams). */
  l2Dense: number;
  learningRate: number;
  seed: number;
  /** Number of source-grouped folds used for calibration and thresholds. */
  folds: number;
  /** Benign false-positive rates (on out-of-fold predictions) that fix each strength's threshold. */
  targetFpr: { LOW: number; MEDIUM: number; HIGH: number };
  /**
   * How the attack head is built: 'plain' logistic regression, 'nb' over NB-SVM log-count-ratio
   * scaled n-gram features, or 'ensemble' (the mean of both margins).
   */
  head: 'plain' | 'nb' | 'ensemble';
  /**
   * How the validation folds that fix calibration and thresholds are drawn: random texts (the
   * default: predictions then resemble the final model's on new text of known kinds, and on the
   * held-out bench the chosen 2% came out at 1.8-1.9%), or whole source groups held out together
   * (every kind of text unseen: a far more pessimistic estimate, reported by the bench per source).
   */
  calibrationFolds: 'source' | 'random';
  onProgress?: (step: string, done: number, total: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 4,
  l2: 3e-4,
  l2Dense: 0,
  learningRate: 0.2,
  seed: 20260121,
  folds: 5,
  targetFpr: { LOW: 0.003, MEDIUM: 0.01, HIGH: 0.02 },
  head: 'ensemble',
  calibrationFolds: 'random',
};

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The features the detector computes for the first window of a text's main view and, with
 * `segments`, for each sentence-like segment of that window (what it adds for `context`).
 */
export function featurizeViews(
  text: string,
  withSegments: boolean,
): { whole: SparseVector; segments: SparseVector[] } {
  const window = windows(normalizeForInjection(text))[0] ?? '';
  const facts = {
    decoded: false,
    invisible: findInvisibleText(text).length > 0,
    mixedScript: hasMixedScriptWords(text),
  };
  return {
    whole: extractFeatures(text.length <= window.length ? text : window, window, facts).vector,
    segments: withSegments
      ? segments(window).map((segment) => extractFeatures(segment, segment, facts).vector)
      : [],
  };
}

export function featurize(text: string): SparseVector {
  return featurizeViews(text, false).whole;
}

interface Weighted {
  vector: SparseVector;
  label: 0 | 1;
  weight: number;
}

/** Logistic regression with per-coordinate AdaGrad and L2 on touched coordinates. */
export function trainLogistic(
  rows: readonly Weighted[],
  opts: Pick<TrainOptions, 'epochs' | 'l2' | 'l2Dense' | 'learningRate' | 'seed'>,
  start?: { weights: Float32Array; bias: number; update: 'dense' | 'hashed' },
): { weights: Float32Array; bias: number } {
  const weights = start ? Float32Array.from(start.weights) : new Float32Array(FEATURE_DIM);
  const g2 = new Float32Array(FEATURE_DIM);
  let bias = start?.bias ?? 0;
  // Coordinates [lo, hi) are trained; the others stay as given.
  const lo = start?.update === 'dense' ? HASH_DIM : 0;
  const hi = start?.update === 'hashed' ? HASH_DIM : FEATURE_DIM;
  let biasG2 = 0;
  const order = rows.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const r of order) {
      const row = rows[r];
      if (!row) continue;
      const p = sigmoid(dot(weights, bias, row.vector));
      const g = (p - row.label) * row.weight;
      const { indices, values } = row.vector;
      for (let k = 0; k < indices.length; k++) {
        const idx = indices[k] ?? 0;
        if (idx < lo || idx >= hi) continue;
        const w = weights[idx] ?? 0;
        const grad = g * (values[k] ?? 0) + (idx >= HASH_DIM ? opts.l2Dense : opts.l2) * w;
        const acc = (g2[idx] ?? 0) + grad * grad;
        g2[idx] = acc;
        weights[idx] = w - (opts.learningRate * grad) / (Math.sqrt(acc) + 1e-8);
      }
      biasG2 += g * g;
      bias -= (opts.learningRate * g) / (Math.sqrt(biasG2) + 1e-8);
    }
  }
  return { weights, bias };
}

/** Platt scaling: fits p = sigmoid(a * margin + b) by damped Newton steps on class-balanced weights. */
export function fitPlatt(margins: readonly number[], labels: readonly (0 | 1)[]): { a: number; b: number } {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  // Platt's smoothed targets avoid infinite slopes on separable data.
  const tPos = (pos + 1) / (pos + 2);
  const tNeg = 1 / (neg + 2);
  const wPos = labels.length / (2 * Math.max(1, pos));
  const wNeg = labels.length / (2 * Math.max(1, neg));
  const loss = (a: number, b: number): number => {
    let l = 0;
    margins.forEach((m, i) => {
      const y = labels[i] === 1 ? tPos : tNeg;
      const w = labels[i] === 1 ? wPos : wNeg;
      const z = a * m + b;
      // log(1 + e^z) - y z, computed stably
      l += w * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z);
    });
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    margins.forEach((m, i) => {
      const y = labels[i] === 1 ? tPos : tNeg;
      const w = labels[i] === 1 ? wPos : wNeg;
      const p = sigmoid(a * m + b);
      const d = (p - y) * w;
      const s = p * (1 - p) * w;
      gA += d * m;
      gB += d;
      hAA += s * m * m;
      hAB += s * m;
      hBB += s;
    });
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    let step = 1;
    let next = loss(a - dA, b - dB);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * dA, b - step * dB);
    }
    if (next > current) break;
    a -= step * dA;
    b -= step * dB;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-10) break;
  }
  return { a, b };
}

/** Smallest threshold whose false-positive rate on `benignScores` is at most `fpr`. */
export function thresholdForFpr(benignScores: readonly number[], fpr: number): number {
  const sorted = [...benignScores].sort((x, y) => y - x);
  const allowed = Math.floor(sorted.length * fpr);
  const above = sorted[allowed] ?? 0;
  // Flag strictly above the (allowed+1)-th highest benign score.
  return Math.min(1, above + 1e-6);
}

/** Benign documents needed before the context direction gets thresholds of its own. */
const MIN_CONTEXT_BENIGN = 100;

/** Thresholds for the three strengths from out-of-fold benign scores, monotone in strength. */
function strengthThresholds(
  benign: readonly number[],
  targetFpr: TrainOptions['targetFpr'],
): { LOW: number; MEDIUM: number; HIGH: number } {
  const LOW = thresholdForFpr(benign, targetFpr.LOW);
  // Monotone by construction of the FPR targets, but enforce it against ties.
  const MEDIUM = Math.min(thresholdForFpr(benign, targetFpr.MEDIUM), LOW);
  const HIGH = Math.min(thresholdForFpr(benign, targetFpr.HIGH), MEDIUM);
  return { LOW, MEDIUM, HIGH };
}

/** Each source weighs like sqrt(size) so big sources do not drown small ones; classes balanced. */
function sampleWeights(samples: readonly Sample[]): number[] {
  const bySource = new Map<string, number>();
  for (const s of samples) bySource.set(s.source, (bySource.get(s.source) ?? 0) + 1);
  const raw = samples.map((s) => 1 / Math.sqrt(bySource.get(s.source) ?? 1));
  const classTotal = [0, 0];
  samples.forEach((s, i) => (classTotal[s.label] = (classTotal[s.label] ?? 0) + (raw[i] ?? 0)));
  return samples.map(
    (s, i) => ((raw[i] ?? 0) * samples.length) / (2 * Math.max(1e-9, classTotal[s.label] ?? 1)),
  );
}

/** Assigns whole source groups to folds (largest first, to the lightest fold). */
export function sourceFolds(samples: readonly Sample[], folds: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const s of samples) sizes.set(s.group ?? s.source, (sizes.get(s.group ?? s.source) ?? 0) + 1);
  const load = new Array<number>(folds).fill(0);
  const assignment = new Map<string, number>();
  [...sizes.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .forEach(([group, n]) => {
      let best = 0;
      for (let f = 1; f < folds; f++) if ((load[f] ?? 0) < (load[best] ?? 0)) best = f;
      load[best] = (load[best] ?? 0) + n;
      assignment.set(group, best);
    });
  return assignment;
}

export interface TrainResult {
  model: LinearModel;
  /** Out-of-fold calibrated probabilities, one per sample (for reporting). */
  outOfFold: number[];
}

/**
 * NB-SVM log-count ratios (Wang & Manning 2012) of the hashed coordinates, from weighted presence
 * counts per class with add-one smoothing; dense coordinates get 1.
 */
export function logCountRatios(rows: readonly Weighted[], alpha = 1): Float32Array {
  const pos = new Float64Array(HASH_DIM);
  const neg = new Float64Array(HASH_DIM);
  for (const row of rows) {
    const target = row.label === 1 ? pos : neg;
    for (const idx of row.vector.indices) if (idx < HASH_DIM) target[idx] = (target[idx] ?? 0) + row.weight;
  }
  let posTotal = 0;
  let negTotal = 0;
  for (let i = 0; i < HASH_DIM; i++) {
    posTotal += (pos[i] ?? 0) + alpha;
    negTotal += (neg[i] ?? 0) + alpha;
  }
  const ratios = new Float32Array(FEATURE_DIM).fill(1);
  for (let i = 0; i < HASH_DIM; i++) {
    ratios[i] = Math.abs(Math.log(((pos[i] ?? 0) + alpha) / posTotal / (((neg[i] ?? 0) + alpha) / negTotal)));
  }
  return ratios;
}

function scaleVector(v: SparseVector, ratios: Float32Array): SparseVector {
  const values = new Float32Array(v.values.length);
  for (let k = 0; k < values.length; k++) values[k] = (v.values[k] ?? 0) * (ratios[v.indices[k] ?? 0] ?? 1);
  return { indices: v.indices, values };
}

/** Stacked attack head over `rows` (dense weights first, then the hashed ones). */
function stackedHead(rows: readonly Weighted[], opts: TrainOptions): { weights: Float32Array; bias: number } {
  // Stacked: the heuristic/shape weights are fitted first, alone, so they carry what they can
  // explain; the n-gram weights then learn the remainder. Fitted jointly, n-grams that memorize
  // each source explain the training data away and the heuristics (which generalize) get little weight.
  const dense = trainLogistic(rows, opts, {
    weights: new Float32Array(FEATURE_DIM),
    bias: 0,
    update: 'dense',
  });
  return trainLogistic(rows, opts, { ...dense, update: 'hashed' });
}

/** NB-scaled head with the ratios folded into the weights, so it scores unscaled vectors. */
function nbHead(rows: readonly Weighted[], opts: TrainOptions): { weights: Float32Array; bias: number } {
  const ratios = logCountRatios(rows);
  const scaled = rows.map((r) => ({ ...r, vector: scaleVector(r.vector, ratios) }));
  const head = stackedHead(scaled, opts);
  for (let i = 0; i < HASH_DIM; i++) head.weights[i] = (head.weights[i] ?? 0) * (ratios[i] ?? 1);
  return head;
}

function trainHeads(
  vectors: readonly SparseVector[],
  samples: readonly Sample[],
  opts: TrainOptions,
): { attack: { weights: Float32Array; bias: number }; kind: { weights: Float32Array; bias: number } } {
  const w = sampleWeights(samples);
  const rows = samples.map((s, i) => ({
    vector: vectors[i] as SparseVector,
    label: s.label,
    weight: w[i] ?? 1,
  }));
  let attack: { weights: Float32Array; bias: number };
  if (opts.head === 'plain') attack = stackedHead(rows, opts);
  else if (opts.head === 'nb') attack = nbHead(rows, opts);
  else {
    // Both heads are linear in the same features, so the mean of their margins is one linear head.
    const plain = stackedHead(rows, opts);
    const nb = nbHead(rows, opts);
    const weights = new Float32Array(FEATURE_DIM);
    for (let i = 0; i < FEATURE_DIM; i++) weights[i] = ((plain.weights[i] ?? 0) + (nb.weights[i] ?? 0)) / 2;
    attack = { weights, bias: (plain.bias + nb.bias) / 2 };
  }
  const kindRows = samples
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.label === 1 && s.kind !== undefined)
    .map(({ s, i }) => ({
      vector: vectors[i] as SparseVector,
      label: (s.kind === 'jailbreak' ? 1 : 0) as 0 | 1,
      weight: 1,
    }));
  const kind = trainLogistic(kindRows, { ...opts, epochs: Math.max(3, Math.floor(opts.epochs / 2)) });
  return { attack, kind };
}

/**
 * Trains the shipped model: out-of-fold predictions fix the Platt
 * calibration and the thresholds, then the final heads are trained on everything.
 */
export function trainInjectionModel(
  samples: readonly Sample[],
  options: Partial<TrainOptions> = {},
): TrainResult {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const vectors: SparseVector[] = [];
  // Documents are scored whole and by segment, as the detector scores the `context` direction.
  const segmentVectors = new Map<number, SparseVector[]>();
  samples.forEach((s, i) => {
    const views = featurizeViews(s.text, s.direction === 'context');
    vectors.push(views.whole);
    if (views.segments.length > 0) segmentVectors.set(i, views.segments);
    if (i % 500 === 0) opts.onProgress?.('features', i, samples.length);
  });
  opts.onProgress?.('features', samples.length, samples.length);

  const groupFold = sourceFolds(samples, opts.folds);
  const foldIndex = samples.map((s, i) =>
    opts.calibrationFolds === 'random'
      ? Math.floor(seededRandom(opts.seed + i)() * opts.folds)
      : (groupFold.get(s.group ?? s.source) ?? 0),
  );
  const margins = new Array<number>(samples.length).fill(0);
  for (let f = 0; f < opts.folds; f++) {
    opts.onProgress?.('folds', f, opts.folds);
    const trainIdx = samples.map((_, i) => i).filter((i) => foldIndex[i] !== f);
    const testIdx = samples.map((_, i) => i).filter((i) => foldIndex[i] === f);
    if (testIdx.length === 0) continue;
    const { attack } = trainHeads(
      trainIdx.map((i) => vectors[i] as SparseVector),
      trainIdx.map((i) => samples[i] as Sample),
      opts,
    );
    for (const i of testIdx) {
      margins[i] = dot(attack.weights, attack.bias, vectors[i] as SparseVector);
      for (const v of segmentVectors.get(i) ?? [])
        margins[i] = Math.max(margins[i] ?? 0, dot(attack.weights, attack.bias, v));
    }
  }
  opts.onProgress?.('folds', opts.folds, opts.folds);
  const labels = samples.map((s) => s.label);
  const calibrated = samples.map((s) => s.calibrate !== false);
  const platt = fitPlatt(
    margins.filter((_, i) => calibrated[i]),
    labels.filter((_, i) => calibrated[i]),
  );
  const outOfFold = margins.map((m) => sigmoid(platt.a * m + platt.b));
  const isContext = samples.map((s) => s.direction === 'context');
  const thresholds = strengthThresholds(
    outOfFold.filter((_, i) => labels[i] === 0 && calibrated[i] && !isContext[i]),
    opts.targetFpr,
  );
  const benignDocuments = outOfFold.filter((_, i) => labels[i] === 0 && calibrated[i] && isContext[i]);
  const contextThresholds =
    benignDocuments.length >= MIN_CONTEXT_BENIGN
      ? strengthThresholds(benignDocuments, opts.targetFpr)
      : undefined;

  opts.onProgress?.('final', 0, 1);
  const { attack, kind } = trainHeads(vectors, samples, opts);
  opts.onProgress?.('final', 1, 1);

  const attacks = outOfFold.filter((_, i) => labels[i] === 1 && !isContext[i]);
  const attackDocuments = outOfFold.filter((_, i) => labels[i] === 1 && isContext[i]);
  const recallAt = (t: number): number => attacks.filter((p) => p >= t).length / Math.max(1, attacks.length);
  const documentRecallAt = (t: number): number =>
    attackDocuments.filter((p) => p >= t).length / Math.max(1, attackDocuments.length);
  const sources = [...new Set(samples.map((s) => s.source))].sort();
  const meta: ModelMeta = {
    format: MODEL_FORMAT,
    hashBits: HASH_BITS,
    denseDim: DENSE_DIM,
    attackBias: attack.bias,
    kindBias: kind.bias,
    platt,
    thresholds,
    ...(contextThresholds ? { contextThresholds } : {}),
    lexicon: serializeLexicon(lexicon()),
    training: {
      samples: samples.length,
      attacks: attacks.length + attackDocuments.length,
      benign: samples.length - attacks.length - attackDocuments.length,
      contextSamples: isContext.filter(Boolean).length,
      sources,
      options: {
        head: opts.head,
        epochs: opts.epochs,
        l2: opts.l2,
        l2Dense: opts.l2Dense,
        learningRate: opts.learningRate,
        seed: opts.seed,
        folds: opts.folds,
        calibrationFolds: opts.calibrationFolds,
        targetFpr: opts.targetFpr,
      },
      validationRecall: {
        LOW: recallAt(thresholds.LOW),
        MEDIUM: recallAt(thresholds.MEDIUM),
        HIGH: recallAt(thresholds.HIGH),
      },
      ...(contextThresholds
        ? {
            validationDocumentRecall: {
              LOW: documentRecallAt(contextThresholds.LOW),
              MEDIUM: documentRecallAt(contextThresholds.MEDIUM),
              HIGH: documentRecallAt(contextThresholds.HIGH),
            },
          }
        : {}),
    },
  };
  return { model: { meta, attack: attack.weights, kind: kind.weights }, outOfFold };
}
