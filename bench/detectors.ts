/**
 * Latency of the secrets, word, topic, output and canary detectors on 2 KB prompts, and how
 * often they fire on benign prompts (false-positive rate on the shared benign data, read at run
 * time, never copied).
 *
 *   npx tsx bench/detectors.ts [--benign /work/shared/data/benign]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createCanary, detectUnsafeOutput, findCanaries } from '../src/guard/output/index.js';
import { detectSecrets } from '../src/guard/secrets/index.js';
import { compileTopics } from '../src/guard/topics.js';
import { compileWordFilter } from '../src/guard/words.js';
import { TOPICS } from './topics.js';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--benign');
const benignDir = dirArg >= 0 ? args[dirArg + 1]! : '/work/shared/data/benign';

function loadTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const texts: string[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string') texts.push(row.text);
    }
  }
  return texts;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function main(): void {
  const texts = loadTexts(benignDir);
  if (texts.length === 0) {
    console.log(`no benign texts found in ${benignDir}`);
    return;
  }
  // 2 KB prompts: consecutive benign texts glued together.
  const prompts: string[] = [];
  let current = '';
  for (const t of texts) {
    current += `${t}\n\n`;
    if (current.length >= 2048) {
      prompts.push(current.slice(0, 2048));
      current = '';
    }
  }
  const profanity = compileWordFilter({
    words: ['Acme Corp', 'project nightingale'],
    managedProfanity: true,
  });
  const topics = compileTopics(TOPICS);
  const canary = createCanary();
  const detectors: Array<[string, (t: string) => unknown]> = [
    ['detectSecrets', (t) => detectSecrets(t)],
    ['word filter (managed + 2 custom)', (t) => profanity.find(t)],
    ['denied topics (4)', (t) => topics.match(t)],
    ['detectUnsafeOutput', (t) => detectUnsafeOutput(t, { allowedDomains: ['example.com'] })],
    ['findCanaries (1)', (t) => findCanaries(t, [canary])],
  ];
  console.log(
    `## Latency on ${prompts.length} benign 2 KB prompts (one core, steady state after one pass over the same prompts; load average ${loadavg()[0]!.toFixed(1)})\n`,
  );
  console.log(
    'Wall time also counts time other processes held the core; CPU time is this process only (1 µs resolution).\n',
  );
  console.log(
    '| detector | wall p50 ms | wall p99 ms | CPU p50 ms | CPU p99 ms |\n| --- | --- | --- | --- | --- |',
  );
  for (const [name, run] of detectors) {
    for (const p of prompts) run(p); // steady state: regexes compiled, DFA states built
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const p of prompts) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      run(p);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(3);
    console.log(
      `| ${name} | ${f(percentile(wall, 0.5))} | ${f(percentile(wall, 0.99))} | ${f(percentile(cpu, 0.5))} | ${f(percentile(cpu, 0.99))} |`,
    );
  }

  console.log(`\n## Firing on ${texts.length} benign prompts (${benignDir})\n`);
  const fired = (run: (t: string) => unknown[]): { n: number; examples: string[] } => {
    let n = 0;
    const examples: string[] = [];
    for (const t of texts) {
      const r = run(t);
      if (r.length > 0) {
        n++;
        if (examples.length < 8) examples.push(JSON.stringify(r[0]).slice(0, 120));
      }
    }
    return { n, examples };
  };
  const rows: Array<[string, (t: string) => unknown[]]> = [
    ['secrets', (t) => detectSecrets(t)],
    ['managed profanity', (t) => profanity.find(t)],
    ['denied topics (4)', (t) => topics.match(t)],
    [
      'unsafe output (score >= 0.5)',
      (t) => detectUnsafeOutput(t, { allowedDomains: [] }).filter((f) => f.score >= 0.5),
    ],
  ];
  console.log('| detector | prompts flagged | rate |\n| --- | --- | --- |');
  const details: string[] = [];
  for (const [name, run] of rows) {
    const r = fired(run);
    console.log(`| ${name} | ${r.n} | ${((100 * r.n) / texts.length).toFixed(2)} % |`);
    details.push(`${name}: ${r.examples.join(' ; ')}`);
  }
  console.log('\nfirst findings per detector (to review by hand):');
  for (const d of details) console.log(`  ${d}`);
}

main();
