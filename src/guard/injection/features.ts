/**
 * Feature extraction for the injection classifier: hashed word uni/bi-grams and character
 * 3-5-grams of the normalized text, plus dense heuristic and shape features. Sparse vectors are
 * returned as parallel index/value arrays; the hash space is fixed by the shipped model.
 */
import { foldLeetspeak, normalizeForMatching } from '../normalize.js';
import { conceptSequence, isUnspacedScript, lexicon, type CompiledLexicon } from './concepts.js';
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
const GROUP_WEIGHT = { word: 1, bigram: 0.8, char: 0.5, concept: 0.8 } as const;
/** Concept pairs count when the second follows the first within this many word units. */
const CONCEPT_PAIR_SPAN = 4;

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

/**
 * Sparse vector under construction: a dense scratch array over the hash space plus the list of
 * touched coordinates in first-touch order (what a Map would give, without its cost per entry).
 * Module-level scratch is safe because feature extraction is synchronous.
 */
class SparseBuilder {
  readonly values = new Float64Array(HASH_DIM);
  private readonly seen = new Uint8Array(HASH_DIM);
  readonly touched: number[] = [];
  add(index: number, value: number): void {
    if (this.seen[index] === 0) {
      this.seen[index] = 1;
      this.touched.push(index);
    }
    this.values[index] = (this.values[index] ?? 0) + value;
  }
  reset(): void {
    for (const i of this.touched) {
      this.values[i] = 0;
      this.seen[i] = 0;
    }
    this.touched.length = 0;
  }
}

/** Accumulates hashed features of one group, then L2-normalizes the group into the output. */
class GroupAccumulator {
  private readonly counts = new SparseBuilder();
  add(hash: number): void {
    const h = finalize(hash);
    // The sign bit keeps collisions unbiased (the "hashing trick" with signed buckets).
    this.counts.add(h & (HASH_DIM - 1), h & 0x80000000 ? -1 : 1);
  }
  flush(weight: number, into: SparseBuilder): void {
    const { values, touched } = this.counts;
    let norm = 0;
    for (const i of touched) {
      const v = values[i] ?? 0;
      const s = Math.sign(v) * Math.log1p(Math.abs(v));
      norm += s * s;
    }
    if (norm > 0) {
      const scale = weight / Math.sqrt(norm);
      for (const i of touched) {
        const v = values[i] ?? 0;
        if (v !== 0) into.add(i, Math.sign(v) * Math.log1p(Math.abs(v)) * scale);
      }
    }
    this.counts.reset();
  }
}

const groupScratch = new GroupAccumulator();
const vectorScratch = new SparseBuilder();

/** Letters only: "Ig-nore prev ious" -> "ignoreprevious" (catches split-word evasions). */
export function compactLetters(normalized: string): string {
  let out = '';
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) out += normalized[i];
  }
  return out;
}

/**
 * Tokens as the word features see them: a run of Chinese or Japanese is one "token" to a
 * space-based tokenizer, so it is split into overlapping character bigrams, the usual word
 * substitute for these scripts ("忽略之前的指令" -> 忽略, 略之, 之前, ...).
 */
export function wordUnits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    let i = 0;
    while (i < t.length) {
      const unspaced = isUnspacedScript(t.charCodeAt(i));
      let j = i + 1;
      while (j < t.length && isUnspacedScript(t.charCodeAt(j)) === unspaced) j++;
      if (!unspaced || j - i < 2) out.push(t.slice(i, j));
      else for (let k = i; k + 1 < j; k++) out.push(t.slice(k, k + 2));
      i = j;
    }
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
export function extractFeatures(
  raw: string,
  normalized: string,
  facts: ViewFacts,
  concepts: CompiledLexicon = lexicon(),
): Extracted {
  const tokens = tokenize(normalized);
  const heuristics = matchHeuristics(tokens, compactLetters(normalized));
  const out = vectorScratch;
  out.reset();
  const acc = groupScratch;

  const units = wordUnits(tokens);
  const tokenHashes = units.map((t) => {
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
  // Language-independent evidence: "ignore ... previous ... instructions" and "vergiss ...
  // vorherigen ... Anweisungen" give the same concept features, so English training data counts
  // for the other languages too.
  const hits = conceptSequence(units, concepts);
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    if (!a) continue;
    acc.add(fnv(0x436f6e63, a.concept));
    for (let j = i + 1; j < hits.length; j++) {
      const b = hits[j];
      if (!b || b.position - a.position > CONCEPT_PAIR_SPAN) break;
      if (b.concept !== a.concept) acc.add(fnv(fnv(0x50616972, a.concept), b.concept));
    }
  }
  acc.flush(GROUP_WEIGHT.concept, out);

  const dense = [
    ...heuristics.map((c) => Math.min(c, 2) / 2),
    ...shapeFeatures(raw, normalized, tokens, facts),
    ...crossFeatures(heuristics),
  ];
  const size = out.touched.length + dense.length;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let k = 0;
  for (const i of out.touched) {
    indices[k] = i;
    values[k++] = out.values[i] ?? 0;
  }
  out.reset();
  dense.forEach((v, d) => {
    indices[k] = HASH_DIM + d;
    values[k++] = v * DENSE_SCALE;
  });
  return { vector: { indices, values }, heuristics };
}
