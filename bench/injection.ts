/**
 * Prompt-injection / jailbreak detection bench: aigis against llm_guardrail and vard on data the
 * aigis model was not trained on.
 *
 *   npx tsx bench/injection.ts            # held-out bench (trains a model without the held-out sources)
 *   npx tsx bench/injection.ts --shipped  # also score the shipped model on aigis's own test sets
 *
 * Held out: whole shared sources (HELD_OUT_*) plus aigis's hand-written test sets
 * (data/guard/injection/test/, never used for training). Thresholds of the bench model are chosen
 * by the same source-grouped procedure as the shipped model, on its own training data only.
 */
import { parseArgs } from 'node:util';
import vard from '@andersmyrmel/vard';
// @ts-expect-error llm_guardrail ships no type declarations; its shape is asserted below.
import * as llmGuardrailModule from 'llm_guardrail';
import {
  loadOwnTestSet,
  loadTrainingCorpus,
  readJsonl,
  sharedDataDir,
} from '../src/guard/injection/corpus.js';
import { createDetector } from '../src/guard/injection/detector.js';
import { loadInjectionDetector, injectionThreshold } from '../src/guard/injection/index.js';
import { thresholdOf } from '../src/guard/injection/model.js';
import { trainInjectionModel, type Sample } from '../src/guard/injection/train.js';

interface GuardrailVerdict {
  detected: boolean;
}
const llmGuardrail = llmGuardrailModule as {
  checkInjection(text: string): Promise<GuardrailVerdict>;
  checkJailbreak(text: string): Promise<GuardrailVerdict>;
};

/** Whole shared sources left out of training for the bench. */
const HELD_OUT_ATTACK = 'train_pyrit_jailbreaks';
const HELD_OUT_BENIGN = 'train_self_instruct';

interface Tool {
  name: string;
  /** true when the tool flags the text as an attack */
  flag(sample: Sample): Promise<boolean> | boolean;
}

interface Row {
  tool: string;
  recall: number;
  fpr: number;
  msPerText: number;
}

async function measure(tool: Tool, attacks: readonly Sample[], benign: readonly Sample[]): Promise<Row> {
  let caught = 0;
  let flagged = 0;
  const started = performance.now();
  for (const s of attacks) if (await tool.flag(s)) caught++;
  for (const s of benign) if (await tool.flag(s)) flagged++;
  const ms = performance.now() - started;
  return {
    tool: tool.name,
    recall: caught / attacks.length,
    fpr: flagged / benign.length,
    msPerText: ms / (attacks.length + benign.length),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function printTable(title: string, rows: readonly Row[], nAttacks: number, nBenign: number): void {
  console.log(`\n${title} (${nAttacks} attacks, ${nBenign} benign)\n`);
  console.log('| tool | attacks caught (recall) | benign flagged (FPR) | ms/text |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.tool} | ${pct(r.recall)} | ${pct(r.fpr)} | ${r.msPerText.toFixed(2)} |`);
}

function baselines(): Tool[] {
  const vardDetector = vard.moderate().maxLength(10_000_000);
  return [
    {
      name: 'llm_guardrail 2.1 (injection or jailbreak model)',
      flag: async ({ text }) =>
        (await llmGuardrail.checkInjection(text)).detected ||
        (await llmGuardrail.checkJailbreak(text)).detected,
    },
    { name: '@andersmyrmel/vard 1.2 (moderate)', flag: ({ text }) => !vardDetector.safeParse(text).safe },
  ];
}

/** Start-up (first load of the shipped weights) and per-call latency on a 2 KB prompt. */
function latency(): void {
  const started = performance.now();
  const detector = loadInjectionDetector();
  const loadMs = performance.now() - started;
  const prompt =
    'Please review the attached quarterly report and summarise the main risks for the board, with one sentence per region. '
      .repeat(18)
      .slice(0, 2048);
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const t0 = performance.now();
    detector.score(prompt);
    if (i >= 100) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number): string =>
    (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(3);
  console.log('\nShipped detector latency (one core)\n');
  console.log('| start-up (load weights) | p50 score, 2 KB prompt | p99 score, 2 KB prompt |');
  console.log('| ---: | ---: | ---: |');
  console.log(`| ${loadMs.toFixed(0)} ms | ${q(0.5)} ms | ${q(0.99)} ms |`);
}

/**
 * Each public source scored by the fold model that never saw its source group (the training's
 * out-of-source predictions): how the classifier does on a style of attack or prompt it has not met.
 */
function printOutOfSource(
  corpus: readonly Sample[],
  outOfFold: readonly number[],
  high: number,
  contextHigh: number | undefined,
): void {
  const bySource = new Map<string, { label: number; n: number; flagged: number; context: boolean }>();
  corpus.forEach((s, i) => {
    if (s.source.startsWith('synthetic_')) return;
    const context = s.direction === 'context';
    const threshold = context ? (contextHigh ?? high) : high;
    const key = `${s.source}\u0000${String(s.label)}\u0000${String(context)}`;
    const row = bySource.get(key) ?? { label: s.label, n: 0, flagged: 0, context };
    row.n++;
    if ((outOfFold[i] ?? 0) >= threshold) row.flagged++;
    bySource.set(key, row);
  });
  console.log(
    '\nOut-of-source: each training source scored by a fold model trained without its source group (HIGH)\n',
  );
  console.log('| source | texts | label | direction | flagged |');
  console.log('| --- | ---: | --- | --- | ---: |');
  for (const [source, r] of [...bySource].sort((a, b) => b[1].label - a[1].label || a[0].localeCompare(b[0])))
    console.log(
      `| ${source.split('\u0000')[0] ?? ''} | ${String(r.n)} | ${r.label ? 'attack' : 'benign'} | ${r.context ? 'context' : 'input'} | ${pct(r.flagged / r.n)} |`,
    );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shipped: { type: 'boolean', default: false } } });
  latency();
  const dir = sharedDataDir();
  const heldAttacks: Sample[] = readJsonl(`${dir}/prompt-injection/${HELD_OUT_ATTACK}.jsonl`).map((r) => ({
    text: r.text,
    label: 1,
    source: HELD_OUT_ATTACK,
  }));
  const heldBenign: Sample[] = readJsonl(`${dir}/benign/${HELD_OUT_BENIGN}.jsonl`).map((r) => ({
    text: r.text,
    label: 0,
    source: HELD_OUT_BENIGN,
  }));
  // Set 1 was written before training; set 2 after the first author's last tuning round; set 3
  // before the second round of training data; sets 4 and 5 (mixes in the proportions of public
  // benchmarks) by authors who had not seen the training data or the model. Set 4 was scored
  // during development; set 5 only by the final configuration. None is ever trained on.
  const ownSets = [
    { name: 'set 1', attacks: loadOwnTestSet('attacks'), benign: loadOwnTestSet('hard_negatives') },
    { name: 'set 2', attacks: loadOwnTestSet('attacks_2'), benign: loadOwnTestSet('hard_negatives_2') },
    { name: 'set 3', attacks: loadOwnTestSet('attacks_3'), benign: loadOwnTestSet('hard_negatives_3') },
    { name: 'set 4', attacks: loadOwnTestSet('attacks_4'), benign: loadOwnTestSet('benign_4') },
    { name: 'set 5', attacks: loadOwnTestSet('attacks_5'), benign: loadOwnTestSet('benign_5') },
  ];
  const ownAttacks = ownSets.flatMap((x) => x.attacks);
  const ownBenign = ownSets.flatMap((x) => x.benign);

  const started = performance.now();
  const corpus = loadTrainingCorpus({ exclude: new Set([HELD_OUT_ATTACK, HELD_OUT_BENIGN]) });
  const { model } = trainInjectionModel(corpus);
  console.log(
    `bench model: trained on ${corpus.length} texts without ${HELD_OUT_ATTACK} and ${HELD_OUT_BENIGN} in ${((performance.now() - started) / 1000).toFixed(1)} s; HIGH threshold ${model.meta.thresholds.HIGH.toFixed(3)}`,
  );
  // The pessimistic view: every source scored by a model that never saw its source group, with
  // thresholds chosen the same way on those predictions.
  const grouped = trainInjectionModel(corpus, { calibrationFolds: 'source' });
  printOutOfSource(
    corpus,
    grouped.outOfFold,
    grouped.model.meta.thresholds.HIGH,
    grouped.model.meta.contextThresholds?.HIGH,
  );
  const detector = createDetector(model);
  // Documents and tool results are scored as the guard scores the `context` direction.
  const flagAt =
    (strength: 'HIGH' | 'MEDIUM', meta: typeof model.meta, scorer: typeof detector) =>
    (s: Sample): boolean =>
      scorer.score(s.text, { segments: s.direction === 'context' }).score >=
      thresholdOf(meta, strength, s.direction);
  const aigisHigh: Tool = {
    name: 'aigis (held-out model, HIGH)',
    flag: flagAt('HIGH', model.meta, detector),
  };
  const aigisMedium: Tool = {
    name: 'aigis (held-out model, MEDIUM)',
    flag: flagAt('MEDIUM', model.meta, detector),
  };
  const tools = [aigisHigh, aigisMedium, ...baselines()];

  const attacks = [...heldAttacks, ...ownAttacks];
  const benign = [...heldBenign, ...ownBenign];
  const rows: Row[] = [];
  for (const tool of tools) rows.push(await measure(tool, attacks, benign));
  printTable(
    `Held-out: ${HELD_OUT_ATTACK} + aigis hand-written attacks vs ${HELD_OUT_BENIGN} + aigis hand-written hard negatives`,
    rows,
    attacks.length,
    benign.length,
  );

  const partRows: Row[] = [];
  for (const tool of [aigisHigh, ...baselines()]) {
    partRows.push({
      ...(await measure(tool, ownAttacks, ownBenign)),
      tool: `${tool.name} — hand-written only`,
    });
    partRows.push({
      ...(await measure(tool, heldAttacks, heldBenign)),
      tool: `${tool.name} — held-out sources only`,
    });
  }
  for (const set of ownSets)
    partRows.push({
      ...(await measure(aigisHigh, set.attacks, set.benign)),
      tool: `${aigisHigh.name} — hand-written ${set.name} (${String(set.attacks.length)} / ${String(set.benign.length)})`,
    });
  printTable('Breakdown', partRows, attacks.length, benign.length);

  if (values.shipped) {
    const shipped = loadInjectionDetector();
    const shippedTool: Tool = {
      name: 'aigis shipped model (HIGH) on hand-written sets',
      flag: (s) =>
        shipped.score(s.text, { segments: s.direction === 'context' }).score >=
        injectionThreshold('HIGH', s.direction ?? 'input'),
    };
    const shippedRows = [await measure(shippedTool, ownAttacks, ownBenign)];
    for (const set of ownSets)
      shippedRows.push({
        ...(await measure(shippedTool, set.attacks, set.benign)),
        tool: `aigis shipped model (HIGH), ${set.name}`,
      });
    printTable(
      'Shipped model (trained on all shared sources; hand-written test sets are never trained on)',
      shippedRows,
      ownAttacks.length,
      ownBenign.length,
    );
  }
}

await main();
