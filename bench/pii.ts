/**
 * PII detection quality and speed: token-level micro-F1 per entity on (a) Presidio's generated
 * data (all rows, and the rows from templates the classifier was not trained on) and (b) a set
 * generated from held-out templates with names from locales missing in the gazetteer; then
 * throughput on ~2 MB of mixed text. openredaction runs on the same data, side by side.
 *
 * Run: npx tsx bench/pii.ts [--quick | --speed]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenRedaction } from 'openredaction';
import { detectPii, PII_ENTITY_NAMES } from '../src/guard/pii/index.js';
import { tokenize } from '../src/guard/pii/ner/tokenize.js';
import {
  generate,
  HELDOUT_TEMPLATES,
  sharedDataDir,
  type LabelledSpan,
  type LabelledText,
} from '../scripts/build-pii-synth.js';

const quick = process.argv.includes('--quick');
/** Throughput only (seconds instead of minutes). */
const speedOnly = process.argv.includes('--speed');

/** Presidio type → Bedrock name; types missing here are not Bedrock types and are left out of scoring. */
const PRESIDIO_TO_BEDROCK: Record<string, string> = {
  PERSON: 'NAME',
  ADDRESS: 'ADDRESS',
  LOCATION: 'ADDRESS',
  CREDIT_CARD: 'CREDIT_DEBIT_CARD_NUMBER',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  US_SSN: 'US_SOCIAL_SECURITY_NUMBER',
  IBAN_CODE: 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  IP_ADDRESS: 'IP_ADDRESS',
  US_DRIVER_LICENSE: 'DRIVER_ID',
  DOMAIN_NAME: 'URL',
};
const IGNORED = new Set(['DATE_TIME', 'TITLE', 'PREFIX', 'ORGANIZATION']);

const STRUCTURED = [
  'EMAIL',
  'PHONE',
  'CREDIT_DEBIT_CARD_NUMBER',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'US_SOCIAL_SECURITY_NUMBER',
  'IP_ADDRESS',
];

interface EvalText extends LabelledText {
  /** Spans whose tokens are not scored (types outside Bedrock's list). */
  ignored: LabelledSpan[];
}

/** Code-point offsets → UTF-16 offsets. */
function codePointToUtf16(text: string): (cp: number) => number {
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (cp) => map[cp] ?? unit;
}

function loadPresidio(file: string, onlyOddTemplates: boolean): EvalText[] {
  const rows = readFileSync(join(sharedDataDir(), 'data', 'pii', file), 'utf8')
    .split('\n')
    .filter(Boolean);
  const out: EvalText[] = [];
  for (const line of rows) {
    const row = JSON.parse(line) as {
      text: string;
      template_id: number;
      spans: Array<{ start: number; end: number; type: string }>;
    };
    if (onlyOddTemplates && row.template_id % 2 === 0) continue;
    const conv = codePointToUtf16(row.text);
    const spans: LabelledSpan[] = [];
    const ignored: LabelledSpan[] = [];
    for (const s of row.spans) {
      const entity = PRESIDIO_TO_BEDROCK[s.type];
      const span = { start: conv(s.start), end: conv(s.end), entity: entity ?? s.type };
      if (entity) spans.push(span);
      else if (IGNORED.has(s.type)) ignored.push(span);
    }
    out.push({ text: row.text, spans, ignored });
  }
  return out;
}

type Counts = Map<string, { tp: number; fp: number; fn: number }>;
type Predictor = (text: string) => Promise<LabelledSpan[]>;

function labelAt(spans: readonly LabelledSpan[], start: number): string | undefined {
  for (const s of spans) if (start >= s.start && start < s.end) return s.entity;
  return undefined;
}

async function evaluate(data: readonly EvalText[], predict: Predictor): Promise<Counts> {
  const entities = new Set(data.flatMap((d) => d.spans.map((s) => s.entity)));
  const counts: Counts = new Map([...entities].map((e) => [e, { tp: 0, fp: 0, fn: 0 }]));
  for (const item of data) {
    const predicted = (await predict(item.text)).filter((p) => entities.has(p.entity));
    for (const token of tokenize(item.text)) {
      if (token.kind === 'punct' || labelAt(item.ignored, token.start)) continue;
      const gold = labelAt(item.spans, token.start);
      // A token counts as predicted when a predicted span covers any part of it.
      const pred = predicted.find((p) => p.start < token.end && token.start < p.end)?.entity;
      if (gold && pred === gold) (counts.get(gold) as { tp: number }).tp++;
      else {
        if (gold) (counts.get(gold) as { fn: number }).fn++;
        if (pred) (counts.get(pred) as { fp: number }).fp++;
      }
    }
  }
  return counts;
}

function f1(
  counts: Counts,
  entities: readonly string[],
): { p: number; r: number; f: number; support: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of entities) {
    const c = counts.get(e);
    if (!c) continue;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r), support: tp + fn };
}

const aigis: Predictor = async (text) =>
  detectPii(text).map((m) => ({ start: m.start, end: m.end, entity: m.entity }));

/** openredaction type names → Bedrock names (by family); unmapped types are ignored. */
function mapOpenRedaction(type: string): string | undefined {
  const t = type.toUpperCase();
  if (t.startsWith('EMAIL')) return 'EMAIL';
  if (t.startsWith('PHONE') || t.includes('MOBILE') || t.includes('TELEPHONE')) return 'PHONE';
  if (t.includes('CREDIT_CARD') || t.includes('DEBIT_CARD') || t === 'CARD_NUMBER')
    return 'CREDIT_DEBIT_CARD_NUMBER';
  if (t.startsWith('IBAN')) return 'INTERNATIONAL_BANK_ACCOUNT_NUMBER';
  if (t === 'SSN' || t.startsWith('US_SSN')) return 'US_SOCIAL_SECURITY_NUMBER';
  if (t.startsWith('IPV4') || t.startsWith('IPV6') || t.startsWith('IP_ADDRESS')) return 'IP_ADDRESS';
  if (t === 'NAME' || t.startsWith('PERSON') || t.endsWith('_NAME') || t === 'FULL_NAME') return 'NAME';
  if (
    t.startsWith('ADDRESS') ||
    t.startsWith('ZIP') ||
    t.startsWith('POSTCODE') ||
    t.includes('POSTAL') ||
    t === 'CITY' ||
    t === 'COUNTRY' ||
    t.startsWith('LOCATION')
  )
    return 'ADDRESS';
  if (t === 'URL' || t.startsWith('URL') || t.startsWith('DOMAIN')) return 'URL';
  if (t.includes('DRIVER') || t.includes('DRIVING')) return 'DRIVER_ID';
  return undefined;
}

const shield = new OpenRedaction();
const openRedaction: Predictor = async (text) => {
  const result = await shield.detect(text);
  const out: LabelledSpan[] = [];
  for (const d of result.detections as Array<{ type: string; position: [number, number] }>) {
    const entity = mapOpenRedaction(d.type);
    if (entity) out.push({ start: d.position[0], end: d.position[1], entity });
  }
  return out;
};

function pct(x: number): string {
  return x.toFixed(3);
}

async function report(name: string, data: EvalText[]): Promise<void> {
  const ours = await evaluate(data, aigis);
  const theirs = await evaluate(data, openRedaction);
  const entities = [...ours.keys()].sort();
  console.log(`\n### ${name} (${data.length} texts)\n`);
  console.log('| entity | support (tokens) | aigis P | aigis R | aigis F1 | openredaction F1 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const e of entities) {
    const a = f1(ours, [e]);
    const b = f1(theirs, [e]);
    console.log(`| ${e} | ${a.support} | ${pct(a.p)} | ${pct(a.r)} | ${pct(a.f)} | ${pct(b.f)} |`);
  }
  const structured = STRUCTURED.filter((e) => ours.has(e));
  const sa = f1(ours, structured);
  const sb = f1(theirs, structured);
  const aa = f1(ours, entities);
  const ab = f1(theirs, entities);
  console.log(
    `| **micro, structured** (${structured.length} types) | ${sa.support} | ${pct(sa.p)} | ${pct(sa.r)} | **${pct(sa.f)}** | **${pct(sb.f)}** |`,
  );
  console.log(
    `| **micro, all incl. NAME/ADDRESS** | ${aa.support} | ${pct(aa.p)} | ${pct(aa.r)} | **${pct(aa.f)}** | **${pct(ab.f)}** |`,
  );
}

function benignTexts(): string[] {
  const out: string[] = [];
  for (const file of [
    'train_gpteacher.jsonl',
    'train_self_instruct.jsonl',
    'train_awesome_chatgpt_prompts.jsonl',
    'gsm8k_questions_dev.jsonl',
  ]) {
    for (const line of readFileSync(join(sharedDataDir(), 'data', 'benign', file), 'utf8').split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string') out.push(row.text);
    }
  }
  return out;
}

function build(texts: readonly string[], size: number): string {
  let big = '';
  for (let i = 0; big.length < size; i++) big += (texts[i % texts.length] ?? '') + '\n\n';
  return big;
}

async function throughput(piiTexts: readonly string[]): Promise<void> {
  const benign = benignTexts();
  // Prompts, code and chat with one PII-bearing text in ten; and PII-dense text alone.
  const mixed: string[] = [];
  benign.forEach((t, i) => {
    mixed.push(t);
    if (i % 9 === 0) mixed.push(piiTexts[i % piiTexts.length] ?? '');
  });
  const corpora: Array<[string, string]> = [
    ['prompts, code and chat (10% of texts carry PII)', build(mixed, 2_000_000)],
    ['PII-dense (Presidio and held-out texts only)', build(piiTexts, 2_000_000)],
  ];
  console.log(
    '\n### Throughput (CPU time of one call, best of 5 after two warm-up calls on the same text; the machine is shared, so CPU time rather than wall time)\n',
  );
  console.log(
    '| text | size | aigis, all 31 types MB/s | aigis, without NAME/ADDRESS MB/s | openredaction MB/s (first 200 KB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const structuredOnly = new Set(PII_ENTITY_NAMES.filter((e) => e !== 'NAME' && e !== 'ADDRESS'));
  detectPii(corpora[0]?.[1].slice(0, 100_000) ?? '');
  const cpuMs = (fn: () => unknown): number => {
    let best = Infinity;
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      const before = process.cpuUsage();
      fn();
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  for (const [name, big] of corpora) {
    const mb = Buffer.byteLength(big) / 1e6;
    // Steady state of a long-running guard: JIT-compiled code and the token-info cache warm.
    for (let i = 0; i < 2; i++) detectPii(big);
    const all = cpuMs(() => detectPii(big));
    const structured = cpuMs(() => detectPii(big, { entities: structuredOnly }));
    const sample = big.slice(0, 200_000);
    const before = process.cpuUsage();
    await shield.detect(sample);
    const used = process.cpuUsage(before);
    const orSeconds = (used.user + used.system) / 1e6;
    console.log(
      `| ${name} | ${mb.toFixed(2)} MB | ${(mb / (all / 1000)).toFixed(1)} | ${(mb / (structured / 1000)).toFixed(1)} | ${(Buffer.byteLength(sample) / 1e6 / orSeconds).toFixed(2)} |`,
    );
  }
}

/** Spans reported on benign prompts never used in training (persona prompts, some non-English). */
async function falsePositives(): Promise<void> {
  const texts = readFileSync(
    join(sharedDataDir(), 'data', 'benign', 'train_awesome_chatgpt_prompts.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const ours = new Map<string, number>();
  const theirs = new Map<string, number>();
  for (const text of texts) {
    for (const m of await aigis(text)) ours.set(m.entity, (ours.get(m.entity) ?? 0) + 1);
    for (const m of await openRedaction(text)) theirs.set(m.entity, (theirs.get(m.entity) ?? 0) + 1);
  }
  const entities = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  console.log(
    `\n### Spans reported on ${texts.length} benign prompts (awesome-chatgpt-prompts, CC0; no PII expected except famous names and places)\n`,
  );
  console.log('| entity | aigis | openredaction |');
  console.log('| --- | ---: | ---: |');
  for (const e of entities) console.log(`| ${e} | ${ours.get(e) ?? 0} | ${theirs.get(e) ?? 0} |`);
}

async function main(): Promise<void> {
  if (speedOnly) {
    const large = loadPresidio('presidio_generated_large.jsonl', false);
    const heldOut = generate(HELDOUT_TEMPLATES, { count: 1500, seed: 2024, unseenNames: true });
    await throughput([...large, ...heldOut].map((d) => d.text));
    return;
  }
  const small = loadPresidio('presidio_generated_small.jsonl', false);
  const large = loadPresidio('presidio_generated_large.jsonl', false);
  const largeHeldOut = loadPresidio('presidio_generated_large.jsonl', true);
  const heldOut: EvalText[] = generate(HELDOUT_TEMPLATES, {
    count: quick ? 300 : 1500,
    seed: 2024,
    unseenNames: true,
  }).map((s) => ({ ...s, ignored: [] }));
  console.log('Token-level micro-F1 (a token is right when its predicted entity equals the gold entity).');
  await report('(a) presidio_generated_small.jsonl', small);
  await report('(a) presidio_generated_large.jsonl, all rows', large);
  await report(
    '(a) presidio_generated_large.jsonl, rows from templates not used in training (odd template ids)',
    largeHeldOut,
  );
  await report('(b) own held-out templates, half the names from locales absent from the gazetteer', heldOut);
  await falsePositives();
  await throughput([...large, ...heldOut].map((d) => d.text));
}

await main();
