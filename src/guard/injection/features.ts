/**
 * Feature extraction for the injection classifier: hashed word uni/bi-grams and character
 * 3-5-grams of the normalized text, plus dense heuristic and shape features. Sparse vectors are
 * returned as parallel index/value arrays; the hash space is fixed by the shipped model.
 */
import { foldLeetspeak, normalizeForMatching } from '../normalize.js';
import { HEURISTICS, matchHeuristics, tokenize } from './heuristics.js';

export const HASH_BITS = 18;
export const HASH_DIM = 1 << HASH_BITS;

/** Dense features after the hashed block: one per heuristic, then shape features. */
export const SHAPE_FEATURES = [
  'symbol_ratio',
  'odd_tokens',
  'upper_ratio',
  'line_starts_role',
  'has_url',
  'decoded_layer',
  'invisible_text',
  'mixed_script',
] as const;
/**
 * Products of heuristic families. A linear model adds evidence; these let it weigh a combination
 * (a role-play frame *around* a harmful request, an override *and* a payload) above the sum of
 * its parts, which on their own also occur in benign prompts.
 */
export const CROSS_FEATURES = [
  {
    name: 'framed_harmful',
    left: ['persona.roleplay_frame', 'persona.no_rules', 'refusal_suppression', 'persona.dan'],
    right: ['harmful.request'],
  },
  {
    name: 'override_with_payload',
    left: ['override.ignore_previous', 'override.new_instructions'],
    right: ['extraction.system_prompt', 'exfiltration.send_data', 'persona.no_rules', 'harmful.request'],
  },
  {
    name: 'addressed_with_action',
    left: ['indirect.addressed_to_ai', 'delimiter.fake_system'],
    right: [
      'override.ignore_previous',
      'override.new_instructions',
      'extraction.system_prompt',
      'exfiltration.send_data',
    ],
  },
  {
    name: 'split_with_payload',
    left: ['payload.split_or_encoded'],
    right: ['harmful.request', 'extraction.system_prompt', 'override.ignore_previous'],
  },
] as const;
export const DENSE_DIM = HEURISTICS.length + SHAPE_FEATURES.length + CROSS_FEATURES.length;

const CROSS_INDICES = CROSS_FEATURES.map(({ left, right }) => ({
  left: left.map((id) => HEURISTICS.findIndex((h) => h.id === id)).filter((i) => i >= 0),
  right: right.map((id) => HEURISTICS.findIndex((h) => h.id === id)).filter((i) => i >= 0),
}));

function crossFeatures(heuristics: readonly number[]): number[] {
  const strongest = (ids: readonly number[]): number =>
    ids.reduce((m, i) => Math.max(m, Math.min(1, heuristics[i] ?? 0)), 0);
  return CROSS_INDICES.map(({ left, right }) => strongest(left) * strongest(right));
}
export const FEATURE_DIM = HASH_DIM + DENSE_DIM;

/** Scale applied to the dense block so it is comparable with the L2-normalized hashed groups. */
const DENSE_SCALE = 4;
const GROUP_WEIGHT = { word: 1, bigram: 0.8, char: 0.3 } as const;

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface ViewFacts {
  /** The text came out of a decoder (base64, hex, ...). */
  decoded: boolean;
  invisible: boolean;
  mixedScript: boolean;
}

export interface Extracted {
  vector: SparseVector;
  heuristics: number[];
}

function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** Accumulates hashed features of one group, then L2-normalizes the group into the output. */
class GroupAccumulator {
  private readonly counts = new Map<number, number>();
  add(hash: number): void {
    const h = finalize(hash);
    const index = h & (HASH_DIM - 1);
    // The sign bit keeps collisions unbiased (the "hashing trick" with signed buckets).
    const sign = h & 0x80000000 ? -1 : 1;
    this.counts.set(index, (this.counts.get(index) ?? 0) + sign);
  }
  flush(weight: number, into: Map<number, number>): void {
    let norm = 0;
    for (const v of this.counts.values()) {
      const s = Math.sign(v) * Math.log1p(Math.abs(v));
      norm += s * s;
    }
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (const [i, v] of this.counts) {
      const s = Math.sign(v) * Math.log1p(Math.abs(v));
      into.set(i, (into.get(i) ?? 0) + s * scale);
    }
    this.counts.clear();
  }
}

/** Letters only: "Ig-nore prev ious" -> "ignoreprevious" (catches split-word evasions). */
export function compactLetters(normalized: string): string {
  let out = '';
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) out += normalized[i];
  }
  return out;
}

/** Normalization used for the classifier: the shared matching form, then leetspeak folded. */
export function normalizeForInjection(text: string): string {
  return foldLeetspeak(normalizeForMatching(text));
}

const ROLE_WORDS = ['system', 'assistant', 'user', 'human', 'ai', 'developer'];

/** A line that starts like a chat transcript turn: `System:`, `### assistant:`, `user :`. */
function hasRoleLine(raw: string): boolean {
  let i = 0;
  const n = raw.length;
  while (i < n) {
    while (i < n && (raw[i] === ' ' || raw[i] === '\t' || raw[i] === '#' || raw[i] === '*' || raw[i] === '['))
      i++;
    let j = i;
    while (j < n && j - i < 12 && /[A-Za-z]/.test(raw[j] ?? '')) j++;
    const word = raw.slice(i, j).toLowerCase();
    let k = j;
    while (k < n && (raw[k] === ' ' || raw[k] === ']' || raw[k] === '*')) k++;
    if (raw[k] === ':' && ROLE_WORDS.includes(word)) return true;
    const nl = raw.indexOf('\n', i);
    if (nl < 0) break;
    i = nl + 1;
  }
  return false;
}

function shapeFeatures(
  raw: string,
  normalized: string,
  tokens: readonly string[],
  facts: ViewFacts,
): number[] {
  let symbols = 0;
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      upper++;
      letters++;
    } else if (c >= 0x61 && c <= 0x7a) letters++;
    else if (
      (c >= 0x21 && c <= 0x2f) ||
      (c >= 0x3a && c <= 0x40) ||
      (c >= 0x5b && c <= 0x60) ||
      (c >= 0x7b && c <= 0x7e)
    )
      symbols++;
  }
  // "odd" tokens: letter/digit mixtures typical of adversarial suffixes (GCG) and leetspeak.
  let odd = 0;
  for (const t of tokens) {
    let digits = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) digits++;
    }
    if (digits > 0 && digits < t.length && t.length > 3) odd++;
  }
  const roleLine = hasRoleLine(raw) ? 1 : 0;
  const url =
    normalized.includes('http://') || normalized.includes('https://') || normalized.includes('www.') ? 1 : 0;
  return [
    Math.min(1, (symbols / Math.max(1, raw.length)) * 5),
    Math.min(1, (odd / Math.max(4, tokens.length)) * 4),
    letters > 20 ? upper / letters : 0,
    roleLine,
    url,
    facts.decoded ? 1 : 0,
    facts.invisible ? 1 : 0,
    facts.mixedScript ? 1 : 0,
  ];
}

/**
 * Features of one view of a text. `raw` is the view before normalization (for shape features),
 * `normalized` its {@link normalizeForInjection} form.
 */
export function extractFeatures(raw: string, normalized: string, facts: ViewFacts): Extracted {
  const tokens = tokenize(normalized);
  const heuristics = matchHeuristics(tokens, compactLetters(normalized));
  const out = new Map<number, number>();
  const acc = new GroupAccumulator();

  const tokenHashes = tokens.map((t) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = fnv(h, t.charCodeAt(i));
    return h;
  });
  for (const h of tokenHashes) acc.add(fnv(h, 0x77));
  acc.flush(GROUP_WEIGHT.word, out);
  for (let i = 0; i + 1 < tokenHashes.length; i++) {
    acc.add(fnv(fnv((tokenHashes[i] ?? 0) ^ 0x62, 0x20), tokenHashes[i + 1] ?? 0));
  }
  acc.flush(GROUP_WEIGHT.bigram, out);
  const padded = ` ${normalized} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    let h = 0x63636363;
    for (let n = 0; n < 5 && i + n < padded.length; n++) {
      h = fnv(h, padded.charCodeAt(i + n));
      if (n >= 2) acc.add(fnv(h, n));
    }
  }
  acc.flush(GROUP_WEIGHT.char, out);

  const dense = [
    ...heuristics.map((c) => Math.min(c, 2) / 2),
    ...shapeFeatures(raw, normalized, tokens, facts),
    ...crossFeatures(heuristics),
  ];
  const size = out.size + dense.length;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let k = 0;
  for (const [i, v] of out) {
    indices[k] = i;
    values[k++] = v;
  }
  dense.forEach((v, d) => {
    indices[k] = HASH_DIM + d;
    values[k++] = v * DENSE_SCALE;
  });
  return { vector: { indices, values }, heuristics };
}
