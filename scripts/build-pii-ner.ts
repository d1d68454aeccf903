/**
 * Trains the name/address token classifier shipped as data/guard/pii/ner-model.json.
 * Data: TRAIN_TEMPLATES and the even-numbered Presidio templates filled by scripts/build-pii-synth.ts,
 * plus benign prompts as all-O text. The held-out templates and the Presidio generated files are
 * never used here. Run: npx tsx scripts/build-pii-ner.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresAt, LABELS, tokenInfos, type Label, type TokenInfo } from '../src/guard/pii/ner/features.js';
import { loadGazetteer } from '../src/guard/pii/ner/gazetteer.js';
import { tokenize, type Token } from '../src/guard/pii/ner/tokenize.js';
import { dataPath } from '../src/util/paths.js';
import {
  generate,
  presidioTemplates,
  seededRandom,
  sharedDataDir,
  TRAIN_TEMPLATES,
  type LabelledText,
} from './build-pii-synth.js';

const EPOCHS = 8;
const SAMPLES = 16000;
const GAZETTEER_DROPOUT = 0.3;

interface Example {
  tokens: Token[];
  infos: TokenInfo[];
  /** undefined: no label known (a capitalised gazetteer name in unlabelled benign text). */
  gold: Array<Label | undefined>;
}

const gaz = loadGazetteer();
const rand = seededRandom(7);

/** Benign prompts are all O, except capitalised known names and places, which are left unlabelled. */
function benignExample(text: string): Example {
  const ex = toExample({ text, spans: [] });
  ex.gold = ex.gold.map((label, i) => {
    const info = ex.infos[i];
    // Known names and places in benign prompts ("the capital of France") may well be PII in
    // Bedrock's sense: leave them unlabelled rather than teach that they are not.
    return info && /[FLBI]/.test(info.flags) && info.shape === 'X' ? undefined : label;
  });
  return ex;
}

function toExample(sample: LabelledText): Example {
  const tokens = tokenize(sample.text);
  // Copies: the infos are shared and cached, and the dropout below changes them.
  const infos = tokenInfos(tokens, gaz).map((info) => ({ ...info }));
  const gold: Label[] = tokens.map((t) => {
    const span = sample.spans.find((s) => t.start >= s.start && t.start < s.end);
    return span && (span.entity === 'NAME' || span.entity === 'ADDRESS') && t.kind !== 'punct'
      ? span.entity
      : 'O';
  });
  // Hide gazetteer hits now and then so that shape and context carry weight for unseen names.
  infos.forEach((info, i) => {
    if (gold[i] !== 'O' && rand() < GAZETTEER_DROPOUT) info.flags = info.flags.replace(/[FLflCKSBI]/g, '');
  });
  return { tokens, infos, gold };
}

function benignTexts(): string[] {
  const out: string[] = [];
  for (const file of ['train_fuzzyai_benign.jsonl', 'train_self_instruct.jsonl', 'train_gpteacher.jsonl']) {
    const lines = readFileSync(join(sharedDataDir(), 'data', 'benign', file), 'utf8')
      .split('\n')
      .filter(Boolean);
    for (const line of lines) {
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string' && row.text.length < 600) out.push(row.text);
    }
  }
  return out;
}

const templates = [...TRAIN_TEMPLATES, ...presidioTemplates('train')];
const vocabulary = new Set<string>(gaz.commonWords);
for (const template of templates) {
  for (const t of tokenize(template.replace(/\{\{[a-z_0-9]+\}\}/g, ' ')))
    if (t.kind === 'word') vocabulary.add(t.text.toLowerCase());
}
const benign = benignTexts();
const benignCounts = new Map<string, number>();
for (const text of benign)
  for (const t of tokenize(text))
    if (t.kind === 'word')
      benignCounts.set(t.text.toLowerCase(), (benignCounts.get(t.text.toLowerCase()) ?? 0) + 1);
for (const [word, count] of benignCounts) {
  if (count >= 3 && (!(gaz.firstNames.has(word) || gaz.lastNames.has(word)) || gaz.commonWords.has(word)))
    vocabulary.add(word);
}
const knowsWord = (w: string): boolean => vocabulary.has(w);

const examples: Example[] = [
  ...generate(templates, { count: SAMPLES, seed: 11 }).map(toExample),
  ...benign.map(benignExample),
];
console.log(
  `training on ${examples.length} texts, ${examples.reduce((n, e) => n + e.tokens.length, 0)} tokens, vocabulary ${vocabulary.size}`,
);

// Averaged perceptron with lazy averaging.
const K = LABELS.length;
const weights = new Map<string, Float64Array>();
const totals = new Map<string, Float64Array>();
const stamps = new Map<string, Float64Array>();
let clock = 1;

function score(features: readonly string[]): Float64Array {
  const s = new Float64Array(K);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < K; k++) s[k] = (s[k] ?? 0) + (w[k] ?? 0);
  }
  return s;
}

function update(f: string, k: number, delta: number): void {
  let w = weights.get(f);
  let total = totals.get(f);
  let stamp = stamps.get(f);
  if (!w || !total || !stamp) {
    w = new Float64Array(K);
    total = new Float64Array(K);
    stamp = new Float64Array(K);
    weights.set(f, w);
    totals.set(f, total);
    stamps.set(f, stamp);
  }
  total[k] = (total[k] ?? 0) + (clock - (stamp[k] ?? 0)) * (w[k] ?? 0);
  stamp[k] = clock;
  w[k] = (w[k] ?? 0) + delta;
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = examples.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [examples[i], examples[j]] = [examples[j] as Example, examples[i] as Example];
  }
  let errors = 0;
  let seen = 0;
  for (const ex of examples) {
    let prev1: Label = 'O';
    let prev2: Label = 'O';
    for (let i = 0; i < ex.tokens.length; i++) {
      let predicted: Label = 'O';
      if (ex.tokens[i]?.kind !== 'punct') {
        const features = featuresAt(ex.tokens, ex.infos, i, prev1, prev2, knowsWord);
        const s = score(features);
        let best = 0;
        for (let k = 1; k < K; k++) if ((s[k] ?? 0) > (s[best] ?? 0)) best = k;
        predicted = LABELS[best] ?? 'O';
        const gold = ex.gold[i];
        if (gold === undefined) {
          prev2 = prev1;
          prev1 = predicted;
          continue;
        }
        const goldIndex = LABELS.indexOf(gold);
        seen++;
        if (predicted !== gold) {
          errors++;
          for (const f of features) {
            update(f, goldIndex, 1);
            update(f, best, -1);
          }
        }
        clock++;
      }
      prev2 = prev1;
      prev1 = predicted;
    }
  }
  console.log(`epoch ${epoch + 1}: token error rate ${((100 * errors) / seen).toFixed(2)}%`);
}

const averaged: Record<string, number[]> = {};
const averagedMap = new Map<string, number[]>();
for (const [f, w] of weights) {
  const total = totals.get(f) as Float64Array;
  const stamp = stamps.get(f) as Float64Array;
  const avg = Array.from(
    w,
    (value, k) => Math.round((((total[k] ?? 0) + (clock - (stamp[k] ?? 0)) * value) / clock) * 1000) / 1000,
  );
  if (avg.some((v) => Math.abs(v) >= 0.002)) {
    averaged[f] = avg;
    averagedMap.set(f, avg);
  }
}
// Typical margin of the averaged model on correctly labelled entity tokens: a score of ~0.88.
const margins: number[] = [];
for (const ex of examples.slice(0, 4000)) {
  let prev1: Label = 'O';
  let prev2: Label = 'O';
  for (let i = 0; i < ex.tokens.length; i++) {
    let predicted: Label = 'O';
    if (ex.tokens[i]?.kind !== 'punct') {
      const s = new Array<number>(K).fill(0);
      for (const f of featuresAt(ex.tokens, ex.infos, i, prev1, prev2, knowsWord)) {
        const w = averagedMap.get(f);
        if (w) for (let k = 0; k < K; k++) s[k] = (s[k] ?? 0) + (w[k] ?? 0);
      }
      let best = 0;
      for (let k = 1; k < K; k++) if ((s[k] ?? 0) > (s[best] ?? 0)) best = k;
      predicted = LABELS[best] ?? 'O';
      if (predicted !== 'O' && predicted === ex.gold[i]) {
        const sorted = [...s].sort((a, b) => b - a);
        margins.push((sorted[0] ?? 0) - (sorted[1] ?? 0));
      }
    }
    prev2 = prev1;
    prev1 = predicted;
  }
}
margins.sort((a, b) => a - b);
const model = {
  labels: [...LABELS],
  marginScale: Math.max(0.01, margins[Math.floor(margins.length / 2)] ?? 1),
  vocabulary: [...vocabulary].sort(),
  weights: averaged,
};
const out = dataPath('guard', 'pii', 'ner-model.json');
writeFileSync(out, JSON.stringify(model) + '\n');
console.log(
  `${out}: ${averagedMap.size} features (of ${weights.size}), marginScale ${model.marginScale.toFixed(3)}`,
);
