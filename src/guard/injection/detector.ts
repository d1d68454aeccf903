/**
 * Scoring of a text: the text itself and every decoded layer (base64, hex, URL, rot13, tag
 * characters) are normalized and scored in windows; the highest calibrated score wins.
 */
import { decodeObfuscated, findInvisibleText, hasMixedScriptWords } from '../normalize.js';
import type { InjectionScore } from '../types.js';
import { lexicon, lexiconFromSerialized, type CompiledLexicon } from './concepts.js';
import { extractFeatures, normalizeForInjection, type ViewFacts } from './features.js';
import { HEURISTICS } from './heuristics.js';
import { attackProbability, jailbreakProbability, type LinearModel } from './model.js';

/** Texts longer than this are scored on their first MAX_SCAN_CHARS characters only. */
export const MAX_SCAN_CHARS = 256 * 1024;
/** Window (in normalized characters) the classifier sees at once; long texts are scored per window. */
export const WINDOW_CHARS = 3000;
const WINDOW_STRIDE = 2000;

export interface ScoreOptions {
  /**
   * Also score the text sentence by sentence and keep the highest score. For documents and tool
   * results (the guard's `context` direction): an instruction planted in a long, ordinary document
   * is a small part of the whole text's features but stands out on its own.
   */
  segments?: boolean;
}

export interface InjectionDetector {
  score(text: string, options?: ScoreOptions): InjectionScore;
}

/** Segments are at least this long (shorter sentences are merged with the next)... */
const SEGMENT_MIN_CHARS = 60;
/** ...and at most this long (longer ones are cut at a space). */
const SEGMENT_MAX_CHARS = 500;

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === '\u3002' || c === '\uff01' || c === '\uff1f') return true;
  return (c === '.' || c === '!' || c === '?' || c === ';') && (text[i + 1] === ' ' || text[i + 1] === '\n');
}

/**
 * Sentence-like segments of a normalized text, merged up to SEGMENT_MIN_CHARS and cut at
 * SEGMENT_MAX_CHARS; one linear pass. A text that is a single segment yields nothing.
 */
export function segments(normalized: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number): void => {
    const piece = normalized.slice(start, end).trim();
    if (piece.length > 0) out.push(piece);
    start = end;
  };
  for (let i = 0; i < normalized.length; i++) {
    const length = i + 1 - start;
    if (length >= SEGMENT_MIN_CHARS && isSentenceEnd(normalized, i)) push(i + 1);
    else if (length >= SEGMENT_MAX_CHARS) {
      const space = normalized.lastIndexOf(' ', i);
      push(space > start + SEGMENT_MIN_CHARS ? space + 1 : i + 1);
    }
  }
  if (start < normalized.length) {
    const tail = normalized.slice(start).trim();
    // A short tail belongs to the last segment rather than standing alone.
    const last = out.length - 1;
    if (tail.length < SEGMENT_MIN_CHARS && last >= 0) out[last] = `${out[last] ?? ''} ${tail}`;
    else if (tail.length > 0) out.push(tail);
  }
  return out.length > 1 ? out : [];
}

/** Windows of a normalized text, cut at spaces near the boundaries. */
export function windows(normalized: string): string[] {
  if (normalized.length <= WINDOW_CHARS) return [normalized];
  const out: string[] = [];
  for (let start = 0; start < normalized.length; start += WINDOW_STRIDE) {
    let s = start;
    if (s > 0) {
      const space = normalized.indexOf(' ', s);
      if (space >= 0 && space - s < 40) s = space + 1;
    }
    out.push(normalized.slice(s, s + WINDOW_CHARS));
    if (start + WINDOW_CHARS >= normalized.length) break;
  }
  return out;
}

interface ViewScore {
  probability: number;
  heuristics: number[];
  jailbreak: number;
}

function scoreView(
  model: LinearModel,
  concepts: CompiledLexicon,
  raw: string,
  facts: ViewFacts,
  bySegment: boolean,
): ViewScore {
  const normalized = normalizeForInjection(raw);
  let best: ViewScore = { probability: 0, heuristics: [], jailbreak: 0 };
  const consider = (rawView: string, view: string): void => {
    const { vector, heuristics } = extractFeatures(rawView, view, facts, concepts);
    const probability = attackProbability(model, vector);
    if (probability >= best.probability) {
      best = { probability, heuristics, jailbreak: jailbreakProbability(model, vector) };
    }
  };
  for (const window of windows(normalized)) consider(raw.length <= WINDOW_CHARS ? raw : window, window);
  if (bySegment) for (const segment of segments(normalized)) consider(segment, segment);
  return best;
}

export function createDetector(model: LinearModel): InjectionDetector {
  // Models trained before the lexicon was stored beside them use the one in data/.
  const concepts = model.meta.lexicon ? lexiconFromSerialized(model.meta.lexicon) : lexicon();
  return {
    score(input: string, options: ScoreOptions = {}): InjectionScore {
      const bySegment = options.segments === true;
      const text = input.length > MAX_SCAN_CHARS ? input.slice(0, MAX_SCAN_CHARS) : input;
      const reasons: string[] = [];
      const invisible = findInvisibleText(text).length > 0;
      const mixedScript = hasMixedScriptWords(text);
      if (invisible) reasons.push('invisible characters');
      if (mixedScript) reasons.push('look-alike (homoglyph) characters');
      if (input.length > MAX_SCAN_CHARS)
        reasons.push(`only the first ${MAX_SCAN_CHARS} characters were scanned`);

      let best = scoreView(model, concepts, text, { decoded: false, invisible, mixedScript }, bySegment);
      let bestDecoded = false;
      for (const decoded of decodeObfuscated(text)) {
        const view = scoreView(
          model,
          concepts,
          decoded,
          {
            decoded: true,
            invisible,
            mixedScript: hasMixedScriptWords(decoded),
          },
          bySegment,
        );
        if (view.probability > best.probability) {
          best = view;
          bestDecoded = true;
        }
      }
      if (bestDecoded) reasons.push('attack found in a decoded (base64/hex/url/rot13/tag) segment');
      best.heuristics.forEach((count, i) => {
        const h = HEURISTICS[i];
        if (count > 0 && h) reasons.push(h.reason);
      });
      return {
        score: best.probability,
        kind: best.jailbreak >= 0.5 ? 'jailbreak' : 'prompt_injection',
        reasons,
      };
    },
  };
}
