/**
 * Names and addresses: a greedy left-to-right averaged-perceptron token classifier (labels O,
 * NAME, ADDRESS) over gazetteer, shape and context features. Only tokens near a capitalised word
 * or a gazetteer hit are classified, which keeps ordinary lower-case prose cheap.
 */
import type { PiiMatch } from '../../types.js';
import { infoRegistry, LABELS, tableInfoIds, type Label, type TokenInfo } from './features.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import {
  flatPairTables,
  loadTokenModel,
  ownVectors,
  SHAPE_COUNT as SHAPE_COUNT_EXPORT,
  type TokenModel,
} from './model.js';
import {
  KIND_NAMES,
  KIND_NUMBER,
  KIND_PUNCT,
  KIND_WORD,
  tokenTable,
  type Token,
  type TokenTable,
} from './tokenize.js';

const WINDOW = 3;
// Module-local copies of imported constants: some loaders turn each use of an imported binding
// into a getter call, which the per-token loops would pay hundreds of thousands of times.
const PUNCT: number = KIND_PUNCT;
const SHAPE_COUNT: number = SHAPE_COUNT_EXPORT;
const WORD: number = KIND_WORD;
const NUMBER: number = KIND_NUMBER;
const KIND_NAME: readonly Token['kind'][] = [...KIND_NAMES];
const NAME_LABEL = LABELS.indexOf('NAME');
const ADDRESS_LABEL = LABELS.indexOf('ADDRESS');

export interface TokenLabels {
  tokens: TokenTable;
  /** Per token, the index of its info in `registry`. */
  ids: Int32Array;
  registry: readonly TokenInfo[];
  /** Index into LABELS per token; tokens left out by the pre-filter are O (0). */
  labels: Uint8Array;
  /** 0.5..1 confidence in a NAME or ADDRESS label; 0 for tokens classified O, 1 for tokens that were not classified. */
  scores: Float32Array;
}

const vectorCache = new WeakMap<TokenModel, { epoch: number; vectors: Array<Float64Array | undefined> }>();

/** Own-feature vectors by info id (see `infoRegistry`), for this model and registry epoch. */
function vectorsById(model: TokenModel, epoch: number): Array<Float64Array | undefined> {
  let entry = vectorCache.get(model);
  if (!entry || entry.epoch !== epoch) {
    entry = { epoch, vectors: [] };
    vectorCache.set(model, entry);
  }
  return entry.vectors;
}

/** One-unit punctuation that ends a sentence or opens a quote (feature `start`). */
function isSentencePunct(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 34 || code === 0x201c
  );
}

/** Labels every token (O for those too far from any trigger). */
export function labelTokens(
  text: string,
  model: TokenModel = loadTokenModel(),
  gaz: Gazetteer = loadGazetteer(),
): TokenLabels {
  const tokens = tokenTable(text);
  const n = tokens.count;
  const ids = tableInfoIds(text, tokens, gaz);
  const { infos: registry, epoch } = infoRegistry();
  const { kind, newlineBefore, start, end } = tokens;
  const active = new Uint8Array(n);
  // Tokens within two of a classified one feed its features.
  const needed = new Uint8Array(n);
  let anyActive = false;
  for (let i = 0; i < n; i++) {
    if (!(registry[ids[i] as number] as TokenInfo).trigger) continue;
    anyActive = true;
    const to = Math.min(n - 1, i + WINDOW);
    for (let j = Math.max(0, i - WINDOW); j <= to; j++) active[j] = 1;
    const last = Math.min(n - 1, i + WINDOW + 2);
    for (let j = Math.max(0, i - WINDOW - 2); j <= last; j++) needed[j] = 1;
  }
  const labels = new Uint8Array(n);
  const confidences = new Float32Array(n).fill(1);
  if (!anyActive) return { tokens, ids, registry, labels, scores: confidences };
  // Each token's own-feature vector is looked up once.
  const vectors = vectorsById(model, epoch);
  // Filled up to every id first: stores far past the end would turn the array into a dictionary.
  while (vectors.length < registry.length) vectors.push(undefined);
  for (let i = 0; i < n; i++) {
    if (!needed[i]) continue;
    const id = ids[i] as number;
    vectors[id] ??= ownVectors(model, KIND_NAME[kind[i] as number] ?? 'punct', registry[id] as TokenInfo);
  }
  const flat = flatPairTables(model);
  const { labelPairs, shapePrev, shapeNext, edges } = flat;
  const marginScale = model.marginScale;
  let prev1 = 0;
  let prev2 = 0;
  for (let i = 0; i < n; i++) {
    let labelIndex = 0;
    if (active[i] && kind[i] !== PUNCT) {
      // Three labels, unrolled; terms are added in the order of the feature list so that rounding,
      // and so ties, are those of the training-time path (adding a zero weight changes nothing).
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let o = 0; o < 5; o++) {
        const j = i + o - 2;
        if (j >= 0 && j < n) {
          const v = vectors[ids[j] as number];
          if (v !== undefined) {
            const at = o * 3;
            s0 += v[at] as number;
            s1 += v[at + 1] as number;
            s2 += v[at + 2] as number;
          }
        } else {
          const at = o * 3;
          s0 += edges[at] as number;
          s1 += edges[at + 1] as number;
          s2 += edges[at + 2] as number;
        }
      }
      let at = (prev1 * 3 + prev2) * 3;
      s0 += labelPairs[at] as number;
      s1 += labelPairs[at + 1] as number;
      s2 += labelPairs[at + 2] as number;
      const newline = newlineBefore[i] === 1;
      if (newline) {
        s0 += flat.newline[0] as number;
        s1 += flat.newline[1] as number;
        s2 += flat.newline[2] as number;
      }
      const p = i - 1;
      if (
        p < 0 ||
        newline ||
        (kind[p] === PUNCT &&
          (end[p] as number) - (start[p] as number) === 1 &&
          isSentencePunct(text.charCodeAt(start[p] as number)))
      ) {
        s0 += flat.start[0] as number;
        s1 += flat.start[1] as number;
        s2 += flat.start[2] as number;
      }
      const shape = (registry[ids[i] as number] as TokenInfo).shapeId ?? 0;
      if (p >= 0) {
        at = (((registry[ids[p] as number] as TokenInfo).shapeId ?? 0) * SHAPE_COUNT + shape) * 3;
        s0 += shapePrev[at] as number;
        s1 += shapePrev[at + 1] as number;
        s2 += shapePrev[at + 2] as number;
      }
      if (i + 1 < n) {
        at = (((registry[ids[i + 1] as number] as TokenInfo).shapeId ?? 0) * SHAPE_COUNT + shape) * 3;
        s0 += shapeNext[at] as number;
        s1 += shapeNext[at + 1] as number;
        s2 += shapeNext[at + 2] as number;
        if (newlineBefore[i + 1]) {
          s0 += flat.newlineNext[0] as number;
          s1 += flat.newlineNext[1] as number;
          s2 += flat.newlineNext[2] as number;
        }
      }
      let best = 0;
      let top = s0;
      if (s1 > top) {
        best = 1;
        top = s1;
      }
      if (s2 > top) {
        best = 2;
        top = s2;
      }
      const runnerUp = best === 0 ? Math.max(s1, s2) : best === 1 ? Math.max(s0, s2) : Math.max(s0, s1);
      labelIndex = best;
      labels[i] = best;
      // Only NAME and ADDRESS confidences are ever read.
      confidences[i] = best === 0 ? 0 : 0.5 + 0.5 * Math.tanh((top - runnerUp) / marginScale);
    }
    prev2 = prev1;
    prev1 = labelIndex;
  }
  return { tokens, ids, registry, labels, scores: confidences };
}

const ADDRESS_GAP = /^[\s,.#/-]{0,4}$/;
const NAME_GAP = /^[ \t]{1,3}$|^[ \t]?\.[ \t]{0,2}$/;

const UPPER = /\p{Lu}/u;
const LOWER_WORD = /^[\p{Ll}\p{M}'’-]+$/u;

/**
 * Where the text around a span uses capitals, a span made only of lower-case words is almost
 * never a name or an address ("to do so", "the rest"); in all-lower-case chat it may well be.
 * A one-word span that is a common word and no gazetteer entry ("Do", "Approach") is dropped too.
 */
/** Lower-case words that belong inside names and addresses ("Ludwig van Beethoven", "Rue de la Paix"). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'les',
  'el',
  'al',
  'bin',
  'ibn',
  'ter',
  'ten',
  'zu',
  'y',
  'e',
  'of',
  'the',
  'and',
  'on',
  'upon',
  'sur',
  'am',
  'im',
  'an',
]);
const ADDRESS_EVIDENCE = /[TUZBI]/;

function plausibleSpan(
  text: string,
  span: { entity: Label; start: number; end: number; first: number; last: number },
  tokens: TokenTable,
  ids: Int32Array,
  registry: readonly TokenInfo[],
): boolean {
  let allLower = true;
  let strayLower = false;
  let evidence = false;
  let words = 0;
  for (let i = span.first; i <= span.last; i++) {
    const kind = tokens.kind[i];
    if (kind === PUNCT) continue;
    words++;
    const info = registry[ids[i] as number] as TokenInfo;
    if (kind !== WORD || ADDRESS_EVIDENCE.test(info.flags)) evidence = true;
    if (LOWER_WORD.test(text.slice(tokens.start[i], tokens.end[i]))) {
      if (!PARTICLES.has(info.lower) && !/[TU]/.test(info.flags)) strayLower = true;
    } else {
      allLower = false;
    }
  }
  const cased = UPPER.test(text.slice(Math.max(0, span.start - 150), Math.min(text.length, span.end + 150)));
  if (cased) {
    // In text that uses capitals, names and place names are capitalised; foreign-language prose
    // next to a capitalised word is not an address.
    if (allLower) return false;
    if (strayLower && span.entity === 'ADDRESS' && !evidence) return false;
  }
  if (words === 1) {
    // A lone initial ("L", "D") is a letter more often than a name.
    if (span.end - span.start === 1) return false;
    const flags = (registry[ids[span.first] as number] as TokenInfo).flags;
    if (flags.includes('N') && !/[FLBIT]/.test(flags)) return false;
    // A short number alone is not an address; a postcode is.
    if (span.entity === 'ADDRESS' && tokens.kind[span.first] === NUMBER && span.end - span.start < 5)
      return false;
  }
  return true;
}

/**
 * In text that uses capitals, a name does not contain lower-case words other than particles:
 * "Ich heiße Matteo Lemmens" splits into "Ich" and "Matteo Lemmens".
 */
function splitName<
  S extends { start: number; end: number; first: number; last: number; total: number; count: number },
>(text: string, span: S, tokens: TokenTable, ids: Int32Array, registry: readonly TokenInfo[]): S[] {
  if (!UPPER.test(text.slice(Math.max(0, span.start - 150), Math.min(text.length, span.end + 150))))
    return [span];
  const pieces: S[] = [];
  const average = span.total / span.count;
  let first = -1;
  let last = -1;
  let count = 0;
  const close = (): void => {
    if (first >= 0) {
      pieces.push({
        ...span,
        first,
        last,
        start: tokens.start[first] ?? 0,
        end: tokens.end[last] ?? 0,
        total: average * count,
        count,
      });
    }
    first = -1;
    count = 0;
  };
  for (let i = span.first; i <= span.last; i++) {
    if (tokens.kind[i] === PUNCT) continue;
    if (
      LOWER_WORD.test(text.slice(tokens.start[i], tokens.end[i])) &&
      !PARTICLES.has((registry[ids[i] as number] as TokenInfo).lower)
    ) {
      close();
      continue;
    }
    if (first < 0) first = i;
    last = i;
    count++;
  }
  close();
  return pieces;
}

/** A capitalised word after a title ("Mr. Fasoli", "Dr Okafor") is a name; the title is not. */
function nameAfterTitle(
  text: string,
  tokens: TokenTable,
  ids: Int32Array,
  registry: readonly TokenInfo[],
  labels: Uint8Array,
  scores: Float32Array,
): void {
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    if (tokens.kind[i] !== WORD || !(registry[ids[i] as number] as TokenInfo).title) continue;
    // "Main Dr." is a street: the classifier already put the title-looking word in an address.
    if (labels[i] === ADDRESS_LABEL) continue;
    let j = i + 1;
    if (
      j < count &&
      tokens.end[j] === (tokens.start[j] ?? 0) + 1 &&
      text.charCodeAt(tokens.start[j] ?? 0) === 46
    )
      j++;
    for (let n = 0; n < 3 && j < count; n++, j++) {
      const info = registry[ids[j] as number] as TokenInfo;
      if (tokens.kind[j] !== WORD || (info.shape !== 'X' && info.shape !== 'A' && info.shape !== 'C')) break;
      if (info.flags.includes('H')) break;
      if (labels[j] === 0) {
        labels[j] = NAME_LABEL;
        scores[j] = 0.8;
      }
    }
  }
}

export function findNamesAndAddresses(text: string): PiiMatch[] {
  const { tokens, ids, registry, labels, scores } = labelTokens(text);
  nameAfterTitle(text, tokens, ids, registry, labels, scores);
  const out: PiiMatch[] = [];
  let current:
    | { entity: Label; start: number; end: number; total: number; count: number; first: number; last: number }
    | undefined;
  const flush = (): void => {
    if (current && current.entity !== 'O') {
      for (const piece of current.entity === 'NAME'
        ? splitName(text, current, tokens, ids, registry)
        : [current]) {
        if (plausibleSpan(text, piece, tokens, ids, registry)) {
          out.push({
            entity: piece.entity,
            start: piece.start,
            end: piece.end,
            score: piece.total / piece.count,
            recognizer: 'token-classifier',
          });
        }
      }
    }
    current = undefined;
  };
  for (let i = 0; i < tokens.count; i++) {
    const labelIndex = labels[i] ?? 0;
    if (labelIndex === 0) {
      if (current === undefined || tokens.kind[i] === PUNCT) continue;
      flush();
      continue;
    }
    const label = LABELS[labelIndex] ?? 'O';
    const tokenStart = tokens.start[i] ?? 0;
    const tokenEnd = tokens.end[i] ?? 0;
    const score = scores[i] ?? 0;
    if (current && current.entity === label) {
      const gap = text.slice(current.end, tokenStart);
      if ((label === 'ADDRESS' ? ADDRESS_GAP : NAME_GAP).test(gap)) {
        current.end = tokenEnd;
        current.last = i;
        current.total += score;
        current.count++;
        continue;
      }
    }
    flush();
    current = { entity: label, start: tokenStart, end: tokenEnd, total: score, count: 1, first: i, last: i };
  }
  flush();
  return out;
}
