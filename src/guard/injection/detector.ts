/**
 * Scoring of a text: the text itself and every decoded layer (base64, hex, URL, rot13, tag
 * characters) are normalized and scored in windows; the highest calibrated score wins.
 */
import { decodeObfuscated, findInvisibleText, hasMixedScriptWords } from '../normalize.js';
import type { InjectionScore } from '../types.js';
import { extractFeatures, normalizeForInjection, type ViewFacts } from './features.js';
import { HEURISTICS } from './heuristics.js';
import { attackProbability, jailbreakProbability, type LinearModel } from './model.js';

/** Texts longer than this are scored on their first MAX_SCAN_CHARS characters only. */
export const MAX_SCAN_CHARS = 256 * 1024;
/** Window (in normalized characters) the classifier sees at once; long texts are scored per window. */
export const WINDOW_CHARS = 3000;
const WINDOW_STRIDE = 2000;

export interface InjectionDetector {
  score(text: string): InjectionScore;
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

function scoreView(model: LinearModel, raw: string, facts: ViewFacts): ViewScore {
  const normalized = normalizeForInjection(raw);
  let best: ViewScore = { probability: 0, heuristics: [], jailbreak: 0 };
  for (const window of windows(normalized)) {
    const { vector, heuristics } = extractFeatures(raw.length <= WINDOW_CHARS ? raw : window, window, facts);
    const probability = attackProbability(model, vector);
    if (probability >= best.probability) {
      best = { probability, heuristics, jailbreak: jailbreakProbability(model, vector) };
    }
  }
  return best;
}

export function createDetector(model: LinearModel): InjectionDetector {
  return {
    score(input: string): InjectionScore {
      const text = input.length > MAX_SCAN_CHARS ? input.slice(0, MAX_SCAN_CHARS) : input;
      const reasons: string[] = [];
      const invisible = findInvisibleText(text).length > 0;
      const mixedScript = hasMixedScriptWords(text);
      if (invisible) reasons.push('invisible characters');
      if (mixedScript) reasons.push('look-alike (homoglyph) characters');
      if (input.length > MAX_SCAN_CHARS)
        reasons.push(`only the first ${MAX_SCAN_CHARS} characters were scanned`);

      let best = scoreView(model, text, { decoded: false, invisible, mixedScript });
      let bestDecoded = false;
      for (const decoded of decodeObfuscated(text)) {
        const view = scoreView(model, decoded, {
          decoded: true,
          invisible,
          mixedScript: hasMixedScriptWords(decoded),
        });
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
