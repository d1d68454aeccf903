/**
 * What the shipped policies decide on labelled prompts: `npx tsx bench/guard-decisions.ts`.
 *
 * For each labelled file in /work/shared/data (or AIGIS_DATA_DIR) it prints how often each policy
 * blocks, anonymizes or allows a prompt (direction input), and which detection types fire, so the
 * cost of a policy in false blocks on benign traffic is visible next to its catch rate on attacks.
 * The injection classifier was trained on most of these files: its rates here are optimistic; the
 * point of this bench is the policy pipeline (which detectors fire, how actions combine).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGuard } from '../src/guard/guard.js';

const dataDir = process.env.AIGIS_DATA_DIR ?? '/work/shared/data';
const MAX_ROWS = Number(process.env.AIGIS_BENCH_ROWS ?? 400);

interface Row {
  text: string;
  label: number;
}

function readRows(file: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const value = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof value.text === 'string' && typeof value.label === 'number')
      rows.push({ text: value.text, label: value.label });
  }
  // an even spread over the file rather than its first rows
  if (rows.length <= MAX_ROWS) return rows;
  const step = rows.length / MAX_ROWS;
  return Array.from({ length: MAX_ROWS }, (_, i) => rows[Math.floor(i * step)]!);
}

if (!existsSync(dataDir)) {
  console.error(`no labelled data at ${dataDir} (set AIGIS_DATA_DIR)`);
  process.exit(2);
}

const files = ['benign', 'prompt-injection']
  .flatMap((sub) =>
    existsSync(join(dataDir, sub))
      ? readdirSync(join(dataDir, sub))
          .filter((f) => f.endsWith('.jsonl'))
          .map((f) => join(sub, f))
      : [],
  )
  .sort();
const policies = ['default', 'strict', 'monitor'] as const;
const guards = policies.map((p) => [p, createGuard(p)] as const);

console.log(`\n### Decisions on labelled prompts (direction input, up to ${MAX_ROWS} rows per file)\n`);
console.log(
  '| file | label | rows | ' +
    policies.map((p) => `${p}: block % / anonymize %`).join(' | ') +
    ' | default: detections that fired |',
);
console.log('| --- | --- | --- | ' + policies.map(() => '---').join(' | ') + ' | --- |');
for (const file of files) {
  const rows = readRows(join(dataDir, file));
  if (rows.length === 0) continue;
  const label = rows.every((r) => r.label === 0)
    ? 'benign'
    : rows.every((r) => r.label === 1)
      ? 'attack'
      : 'mixed';
  const cells: string[] = [];
  const fired = new Map<string, number>();
  for (const [name, guard] of guards) {
    let blocked = 0;
    let anonymized = 0;
    for (const row of rows) {
      const r = guard.check({ text: row.text, direction: 'input' });
      if (r.action === 'block') blocked++;
      if (r.action === 'anonymize') anonymized++;
      if (name === 'default')
        for (const type of new Set(r.detections.filter((d) => d.action !== 'NONE').map((d) => d.type)))
          fired.set(type, (fired.get(type) ?? 0) + 1);
    }
    cells.push(
      `${((100 * blocked) / rows.length).toFixed(1)} / ${((100 * anonymized) / rows.length).toFixed(1)}`,
    );
  }
  const firedText =
    [...fired]
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n}`)
      .join(', ') || '–';
  console.log(`| ${file} | ${label} | ${rows.length} | ${cells.join(' | ')} | ${firedText} |`);
}
console.log(
  `\nrun: npx tsx bench/guard-decisions.ts (AIGIS_DATA_DIR=${dataDir}, AIGIS_BENCH_ROWS=${MAX_ROWS})`,
);
