/**
 * Names and addresses: a greedy left-to-right averaged-perceptron token classifier (labels O,
 * NAME, ADDRESS) over gazetteer, shape and context features. Only tokens near a capitalised word
 * or a gazetteer hit are classified, which keeps ordinary lower-case prose cheap.
 */
import type { PiiMatch } from '../../types.js';
import { featuresAt, LABELS, tokenInfos, type Label, type TokenInfo } from './features.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { loadTokenModel, scoreFeatures, type TokenModel } from './model.js';
import { tokenize, type Token } from './tokenize.js';

const WINDOW = 3;
const TRIGGER_SHAPES = new Set(['X', 'A', 'C', 'U']);
const TRIGGER_FLAGS = /[FLBTUH]/;

export interface LabelledToken {
  token: Token;
  label: Label;
  /** 0..1 confidence in the label. */
  score: number;
}

/** Labels every token (O for those too far from any trigger). */
export function labelTokens(text: string, model: TokenModel = loadTokenModel(), gaz: Gazetteer = loadGazetteer()): LabelledToken[] {
  const tokens = tokenize(text);
  const infos = tokenInfos(tokens, gaz);
  const active = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const info = infos[i] as TokenInfo;
    const trigger = TRIGGER_SHAPES.has(info.shape) || (TRIGGER_FLAGS.test(info.flags) && !info.flags.includes('N'));
    if (!trigger) continue;
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(tokens.length - 1, i + WINDOW); j++) active[j] = 1;
  }
  const knowsWord = (w: string): boolean => model.vocabulary.has(w);
  const out: LabelledToken[] = [];
  const scores = [0, 0, 0];
  let prev1: Label = 'O';
  let prev2: Label = 'O';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let label: Label = 'O';
    let score = 1;
    if (active[i] && token.kind !== 'punct') {
      scoreFeatures(model, featuresAt(tokens, infos, i, prev1, prev2, knowsWord), scores);
      let best = 0;
      for (let k = 1; k < scores.length; k++) if ((scores[k] ?? 0) > (scores[best] ?? 0)) best = k;
      let runnerUp = -Infinity;
      for (let k = 0; k < scores.length; k++) if (k !== best) runnerUp = Math.max(runnerUp, scores[k] ?? 0);
      label = LABELS[best] ?? 'O';
      score = 0.5 + 0.5 * Math.tanh(((scores[best] ?? 0) - runnerUp) / model.marginScale);
    }
    out.push({ token, label, score });
    prev2 = prev1;
    prev1 = label;
  }
  return out;
}

const ADDRESS_GAP = /^[\s,.#/-]{0,4}$/;
const NAME_GAP = /^[ \t]{1,3}$|^[ \t]?\.[ \t]{0,2}$/;

export function findNamesAndAddresses(text: string): PiiMatch[] {
  const labelled = labelTokens(text);
  const out: PiiMatch[] = [];
  let current: { entity: Label; start: number; end: number; total: number; count: number } | undefined;
  const flush = (): void => {
    if (current && current.entity !== 'O') {
      out.push({ entity: current.entity, start: current.start, end: current.end, score: current.total / current.count, recognizer: 'token-classifier' });
    }
    current = undefined;
  };
  for (const { token, label, score } of labelled) {
    if (token.kind === 'punct') continue;
    if (label === 'O') {
      flush();
      continue;
    }
    if (current && current.entity === label) {
      const gap = text.slice(current.end, token.start);
      if ((label === 'ADDRESS' ? ADDRESS_GAP : NAME_GAP).test(gap)) {
        current.end = token.end;
        current.total += score;
        current.count++;
        continue;
      }
    }
    flush();
    current = { entity: label, start: token.start, end: token.end, total: score, count: 1 };
  }
  flush();
  return out;
}
