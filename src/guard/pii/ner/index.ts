/**
 * Names and addresses: a greedy left-to-right averaged-perceptron token classifier (labels O,
 * NAME, ADDRESS) over gazetteer, shape and context features. Only tokens near a capitalised word
 * or a gazetteer hit are classified, which keeps ordinary lower-case prose cheap.
 */
import type { PiiMatch } from '../../types.js';
import { LABELS, OFFSETS, tokenInfos, type Label, type TokenInfo } from './features.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { loadTokenModel, ownVectors, pairTables, type TokenModel } from './model.js';
import { tokenize, type Token } from './tokenize.js';

const WINDOW = 3;
const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', ';', '"', '“']);

export interface TokenLabels {
  tokens: Token[];
  infos: TokenInfo[];
  /** Index into LABELS per token; tokens left out by the pre-filter are O (0). */
  labels: Uint8Array;
  /** 0..1 confidence in the label; 1 for tokens that were not classified. */
  scores: Float32Array;
}

/** Labels every token (O for those too far from any trigger). */
export function labelTokens(text: string, model: TokenModel = loadTokenModel(), gaz: Gazetteer = loadGazetteer()): TokenLabels {
  const tokens = tokenize(text);
  const infos = tokenInfos(tokens, gaz);
  const active = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!(infos[i] as TokenInfo).trigger) continue;
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(tokens.length - 1, i + WINDOW); j++) active[j] = 1;
  }
  // Tokens within two of an active one feed its features.
  const vectors: Array<Float64Array | undefined> = new Array(tokens.length);
  let lastActive = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    if (active[i]) lastActive = i;
    const nextActive = active[i + 1] || active[i + 2];
    if (active[i] || i - lastActive <= 2 || nextActive) vectors[i] = ownVectors(model, (tokens[i] as Token).kind, infos[i] as TokenInfo);
  }
  const tables = pairTables(model);
  const labels = new Uint8Array(tokens.length);
  const confidences = new Float32Array(tokens.length).fill(1);
  const scores = new Float64Array(3);
  // Three labels: the sums are unrolled, this loop runs for every classified token.
  const add = (v: Float64Array | undefined, at: number): void => {
    if (!v) return;
    scores[0] = (scores[0] ?? 0) + (v[at] ?? 0);
    scores[1] = (scores[1] ?? 0) + (v[at + 1] ?? 0);
    scores[2] = (scores[2] ?? 0) + (v[at + 2] ?? 0);
  };
  const K = LABELS.length;
  let prev1 = 0;
  let prev2 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let labelIndex = 0;
    if (active[i] && token.kind !== 'punct') {
      scores.fill(0);
      for (let o = 0; o < OFFSETS.length; o++) {
        const j = i + (OFFSETS[o] ?? 0);
        if (j >= 0 && j < tokens.length) add(vectors[j], o * K);
        else add(tables.edge.get(OFFSETS[o] ?? 0), 0);
      }
      add(tables.labels[prev1]?.[prev2], 0);
      if (token.newlineBefore) add(tables.newline, 0);
      const prevTok = tokens[i - 1];
      if (!prevTok || (prevTok.kind === 'punct' && SENTENCE_PUNCT.has(prevTok.text)) || token.newlineBefore) add(tables.start, 0);
      const shape = (infos[i] as TokenInfo).shapeId ?? 0;
      const prevInfo = infos[i - 1];
      if (prevInfo) add(tables.shapePrev[prevInfo.shapeId ?? 0]?.[shape], 0);
      const nextInfo = infos[i + 1];
      if (nextInfo) add(tables.shapeNext[nextInfo.shapeId ?? 0]?.[shape], 0);
      if (tokens[i + 1]?.newlineBefore) add(tables.newlineNext, 0);
      let best = 0;
      for (let k = 1; k < K; k++) if ((scores[k] ?? 0) > (scores[best] ?? 0)) best = k;
      let runnerUp = -Infinity;
      for (let k = 0; k < K; k++) if (k !== best) runnerUp = Math.max(runnerUp, scores[k] ?? 0);
      labelIndex = best;
      labels[i] = best;
      confidences[i] = 0.5 + 0.5 * Math.tanh(((scores[best] ?? 0) - runnerUp) / model.marginScale);
    }
    prev2 = prev1;
    prev1 = labelIndex;
  }
  return { tokens, infos, labels, scores: confidences };
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
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'les', 'el', 'al', 'bin', 'ibn', 'ter', 'ten', 'zu', 'y', 'e', 'of', 'the', 'and', 'on', 'upon', 'sur', 'am', 'im', 'an']);
const ADDRESS_EVIDENCE = /[TUZBI]/;

function plausibleSpan(
  text: string,
  span: { entity: Label; start: number; end: number; first: number; last: number },
  tokens: readonly Token[],
  infos: readonly TokenInfo[],
): boolean {
  let allLower = true;
  let strayLower = false;
  let evidence = false;
  let words = 0;
  for (let i = span.first; i <= span.last; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'punct') continue;
    words++;
    const info = infos[i] as TokenInfo;
    if (token.kind !== 'word' || ADDRESS_EVIDENCE.test(info.flags)) evidence = true;
    if (LOWER_WORD.test(token.text)) {
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
    const flags = (infos[span.first] as TokenInfo).flags;
    if (flags.includes('N') && !/[FLBIT]/.test(flags)) return false;
    // A short number alone is not an address; a postcode is.
    if (span.entity === 'ADDRESS' && (tokens[span.first] as Token).kind === 'number' && span.end - span.start < 5) return false;
  }
  return true;
}

/**
 * In text that uses capitals, a name does not contain lower-case words other than particles:
 * "Ich heiße Matteo Lemmens" splits into "Ich" and "Matteo Lemmens".
 */
function splitName<S extends { start: number; end: number; first: number; last: number; total: number; count: number }>(
  text: string,
  span: S,
  tokens: readonly Token[],
  infos: readonly TokenInfo[],
): S[] {
  if (!UPPER.test(text.slice(Math.max(0, span.start - 150), Math.min(text.length, span.end + 150)))) return [span];
  const pieces: S[] = [];
  const average = span.total / span.count;
  let first = -1;
  let last = -1;
  let count = 0;
  const close = (): void => {
    if (first >= 0) {
      pieces.push({ ...span, first, last, start: (tokens[first] as Token).start, end: (tokens[last] as Token).end, total: average * count, count });
    }
    first = -1;
    count = 0;
  };
  for (let i = span.first; i <= span.last; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'punct') continue;
    if (LOWER_WORD.test(token.text) && !PARTICLES.has((infos[i] as TokenInfo).lower)) {
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
function nameAfterTitle(tokens: readonly Token[], infos: readonly TokenInfo[], labels: Uint8Array, scores: Float32Array): void {
  const nameIndex = LABELS.indexOf('NAME');
  for (let i = 0; i < tokens.length; i++) {
    if (!(infos[i] as TokenInfo).flags.includes('H') || (tokens[i] as Token).kind !== 'word') continue;
    // "Main Dr." is a street: the classifier already put the title-looking word in an address.
    if (labels[i] === LABELS.indexOf('ADDRESS')) continue;
    let j = i + 1;
    if (tokens[j]?.text === '.') j++;
    for (let n = 0; n < 3 && j < tokens.length; n++, j++) {
      const info = infos[j] as TokenInfo;
      if ((tokens[j] as Token).kind !== 'word' || (info.shape !== 'X' && info.shape !== 'A' && info.shape !== 'C')) break;
      if (info.flags.includes('H')) break;
      if (labels[j] === 0) {
        labels[j] = nameIndex;
        scores[j] = 0.8;
      }
    }
  }
}

export function findNamesAndAddresses(text: string): PiiMatch[] {
  const { tokens, infos, labels, scores } = labelTokens(text);
  nameAfterTitle(tokens, infos, labels, scores);
  const out: PiiMatch[] = [];
  let current: { entity: Label; start: number; end: number; total: number; count: number; first: number; last: number } | undefined;
  const flush = (): void => {
    if (current && current.entity !== 'O') {
      for (const piece of current.entity === 'NAME' ? splitName(text, current, tokens, infos) : [current]) {
        if (plausibleSpan(text, piece, tokens, infos)) {
          out.push({ entity: piece.entity, start: piece.start, end: piece.end, score: piece.total / piece.count, recognizer: 'token-classifier' });
        }
      }
    }
    current = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const label = LABELS[labels[i] ?? 0] ?? 'O';
    if (label === 'O') {
      if ((tokens[i] as Token).kind === 'punct') continue;
      flush();
      continue;
    }
    const token = tokens[i] as Token;
    const score = scores[i] ?? 0;
    if (current && current.entity === label) {
      const gap = text.slice(current.end, token.start);
      if ((label === 'ADDRESS' ? ADDRESS_GAP : NAME_GAP).test(gap)) {
        current.end = token.end;
        current.last = i;
        current.total += score;
        current.count++;
        continue;
      }
    }
    flush();
    current = { entity: label, start: token.start, end: token.end, total: score, count: 1, first: i, last: i };
  }
  flush();
  return out;
}
