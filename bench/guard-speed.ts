/**
 * Speed of the runtime guard: `npx tsx bench/guard-speed.ts` (add `--quick` for fewer rounds).
 *
 * Prints Markdown tables: check() latency on a 2 KB prompt with the default policy, detector
 * throughput on 1 MB of mixed text, start-up in a fresh process, and each detector's time on
 * adversarial inputs (to find any that is not linear).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuard } from '../src/guard/guard.js';
import { loadInjectionDetector } from '../src/guard/injection/index.js';
import { findInvisibleText } from '../src/guard/normalize.js';
import { detectUnsafeOutput } from '../src/guard/output/index.js';
import { detectPii } from '../src/guard/pii/index.js';
import { detectSecrets } from '../src/guard/secrets/index.js';
import { compileTopics } from '../src/guard/topics.js';
import { compileWordFilter } from '../src/guard/words.js';
import { packageRoot } from '../src/util/paths.js';

const quick = process.argv.includes('--quick');
const loadAtStart = loadavg();
const MB = 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Deterministic pseudo-random numbers so every run measures the same text. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SENTENCES = [
  'Please summarize the attached quarterly report and list the three biggest risks.',
  'Our customer Maria Lopez asked whether the invoice 2024-118 can be paid in two instalments.',
  'Reach the support desk at help@example.com or +1 415 555 0134 between 9 and 5.',
  'The deployment uses an S3 bucket, a Lambda function and a Bedrock knowledge base.',
  'Translate the following paragraph into German, keeping the tone formal.',
  'function add(a, b) { return a + b; } // returns the sum of two numbers',
  'Can you explain the difference between a Roth IRA and a traditional IRA?',
  'Meeting notes: ship the beta on Friday, fix the login bug, update the README.',
  'The server at 10.0.12.7 returned HTTP 503 twice during the night.',
  'Write a short poem about autumn leaves falling on a quiet street.',
];

function mixedText(chars: number, seed: number): string {
  const next = rng(seed);
  let out = '';
  while (out.length < chars) out += `${SENTENCES[Math.floor(next() * SENTENCES.length)]!} `;
  return out.slice(0, chars);
}

function table(title: string, header: string[], rows: Array<Array<string | number>>): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

// ---- check() on a 2 KB prompt ----
const guard = createGuard('default');
const prompt = mixedText(2048, 1);
const rounds = quick ? 500 : 5000;
for (let i = 0; i < 300; i++) guard.check({ text: prompt, direction: i % 2 ? 'input' : 'output' });
const latency: Record<'input' | 'output', number[]> = { input: [], output: [] };
// CPU time of the process during each call: unlike wall time it does not count the time the
// scheduler gave the core to other jobs (it does count V8's helper threads, so it is not lower
// than the work done).
const cpu: Record<'input' | 'output', number[]> = { input: [], output: [] };
for (let i = 0; i < rounds; i++) {
  for (const direction of ['input', 'output'] as const) {
    const before = process.cpuUsage();
    latency[direction].push(time(() => guard.check({ text: prompt, direction })));
    const used = process.cpuUsage(before);
    cpu[direction].push((used.user + used.system) / 1000);
  }
}
table(
  `check() on a 2 KB prompt, default policy (${rounds} runs, one core)`,
  ['direction', 'wall p50 ms', 'wall p99 ms', 'CPU p50 ms', 'CPU p99 ms', 'target'],
  (['input', 'output'] as const).map((d) => {
    const wall = [...latency[d]].sort((a, b) => a - b);
    const own = [...cpu[d]].sort((a, b) => a - b);
    return [
      d,
      fmt(percentile(wall, 50)),
      fmt(percentile(wall, 99)),
      fmt(percentile(own, 50)),
      fmt(percentile(own, 99)),
      'p50 ≤ 1, p99 ≤ 5',
    ];
  }),
);

// ---- throughput on 1 MB ----
const big = mixedText(MB, 2);
const bigGuard = createGuard({ ...guard.policy, maxInputChars: 1_000_000 });
const bigText = big.slice(0, 1_000_000);
const throughputRows: Array<Array<string | number>> = [];
for (const [name, fn] of [
  ['PII (detectPii, all 31 types)', () => detectPii(big)],
  ['secrets (detectSecrets)', () => detectSecrets(big)],
  [
    'check() output, default policy (1,000,000 chars)',
    () => bigGuard.check({ text: bigText, direction: 'output' }),
  ],
  [
    'check() input, default policy (1,000,000 chars)',
    () => bigGuard.check({ text: bigText, direction: 'input' }),
  ],
] as const) {
  fn();
  const runs = quick ? 2 : 5;
  const times = Array.from({ length: runs }, () => time(fn)).sort((a, b) => a - b);
  const ms = times[Math.floor(runs / 2)]!;
  // The 20 MB/s target is for the PII and secret scanners; a whole check() also runs every other detector.
  const target = name.startsWith('check()') ? '–' : '≥ 20';
  throughputRows.push([name, fmt(ms), (big.length / MB / (ms / 1000)).toFixed(1), target]);
}
// A streamed answer arrives a token at a time: 100,000 characters in 4-character chunks.
const answer = big.slice(0, 100_000);
const streamOnce = (): void => {
  const stream = guard.stream('output');
  for (let i = 0; i < answer.length; i += 4) if (stream.push(answer.slice(i, i + 4)).done) return;
  stream.end();
};
streamOnce();
const streamMs = [0, 1, 2].map(() => time(streamOnce)).sort((a, b) => a - b)[1]!;
throughputRows.push([
  'stream() output, 100,000 chars in 4-char chunks',
  fmt(streamMs),
  (answer.length / MB / (streamMs / 1000)).toFixed(1),
  '–',
]);
table('Throughput on 1 MB of mixed text (median)', ['detector', 'ms', 'MB/s', 'target MB/s'], throughputRows);

// ---- start-up in a fresh process ----
const root = packageRoot();
// Start-up is measured on JavaScript, as users run it: the guard module compiled by tsc into the
// git-ignored tmp/ (under the package, so it finds package.json, data/ and node_modules). dist/ is
// not used: it may be stale. tsx would add its own transpiling time.
const outDir = join(root, 'tmp', 'bench-guard-js');
const tscRun = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    join(root, 'src', 'guard', 'index.ts'),
    ...['--outDir', outDir, '--rootDir', root, '--module', 'nodenext', '--moduleResolution', 'nodenext'],
    ...[
      '--target',
      'es2022',
      '--skipLibCheck',
      '--esModuleInterop',
      '--resolveJsonModule',
      '--types',
      'node',
    ],
  ],
  { cwd: root, encoding: 'utf8' },
);
const guardEntry = join(outDir, 'src', 'guard', 'index.js');
const entryLabel = 'src/guard compiled by tsc';
if (!existsSync(guardEntry))
  console.error(`tsc did not build ${guardEntry}:\n${tscRun.stdout}${tscRun.stderr}`);
const startupScript = `
const t0 = performance.now();
const m = await import(${JSON.stringify(guardEntry)});
const t1 = performance.now();
const g = m.createGuard();
const t2 = performance.now();
g.check({ text: 'hello', direction: 'input' });
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstCheckMs: t3 - t2 }));
`;
// An .mjs file so that top-level await works in the fresh process.
const startupFile = join(mkdtempSync(join(tmpdir(), 'aigis-bench-')), 'startup.mjs');
writeFileSync(startupFile, startupScript);
const startupRuns = quick ? 2 : 5;
const startups: Array<{ importMs: number; createMs: number; firstCheckMs: number; processMs: number }> = [];
for (let i = 0; i < startupRuns; i++) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [startupFile], {
    cwd: root,
    encoding: 'utf8',
  });
  const processMs = performance.now() - t0;
  if (child.status !== 0) {
    console.error(child.stderr);
    break;
  }
  startups.push({
    ...(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as (typeof startups)[number]),
    processMs,
  });
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (startups.length > 0)
  table(
    `Start-up in a fresh process (${entryLabel}; median of ${startups.length})`,
    [
      'import guard module ms',
      'createGuard() incl. classifier ms',
      'first check ms',
      'import + create ms',
      'target',
    ],
    [
      [
        fmt(med(startups.map((s) => s.importMs))),
        fmt(med(startups.map((s) => s.createMs))),
        fmt(med(startups.map((s) => s.firstCheckMs))),
        fmt(med(startups.map((s) => s.importMs + s.createMs))),
        '≤ 300',
      ],
    ],
  );

// ---- adversarial inputs, per detector ----
const next = rng(3);
const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const adversarial: Array<[string, string]> = [
  ['1 MB of one character (a)', 'a'.repeat(MB)],
  ['1 MB of one digit (7)', '7'.repeat(MB)],
  ['deep brackets ((((...))))', '('.repeat(MB / 2) + ')'.repeat(MB / 2)],
  [
    '1 MB, no spaces (random alnum)',
    Array.from({ length: MB }, () => alnum[Math.floor(next() * alnum.length)]).join(''),
  ],
  ['near-miss e-mails (a@a@a@...)', 'a@'.repeat(MB / 2)],
  ['near-miss cards (4111 1111 1111 111 ...)', '4111 1111 1111 111 '.repeat(Math.floor(MB / 19))],
  ['near-miss keys (AKIA / ghp_ stubs)', 'AKIA1234 ghp_abc password= '.repeat(Math.floor(MB / 27))],
  ['near-miss URLs (http://a.b/http://...)', 'http://a.b/'.repeat(Math.floor(MB / 11))],
  ['zero-width every other char', 'a\u200b'.repeat(MB / 2)],
];
const words = compileWordFilter({ words: ['project zephyr', 'internal only'], managedProfanity: true });
const topics = compileTopics([
  { name: 'Investment advice', definition: 'Recommendations about which stocks or funds to buy or sell.' },
]);
const injection = loadInjectionDetector();
const detectors: Array<[string, (t: string) => unknown]> = [
  ['pii', (t) => detectPii(t)],
  ['secrets', (t) => detectSecrets(t)],
  ['injection', (t) => injection.score(t)],
  ['invisible', (t) => findInvisibleText(t)],
  ['words', (t) => words.find(t)],
  ['topics', (t) => topics.match(t)],
  ['output links', (t) => detectUnsafeOutput(t, { allowedDomains: ['example.com'] })],
  ['check() output', (t) => bigGuard.check({ text: t.slice(0, 1_000_000), direction: 'output' })],
];
const advRows: Array<Array<string | number>> = [];
for (const [label, text] of adversarial) {
  const row: Array<string | number> = [label];
  for (const [, fn] of detectors) {
    try {
      row.push(fmt(time(() => fn(text))));
    } catch (err) {
      row.push(`error: ${(err as Error).message.slice(0, 40)}`);
    }
  }
  advRows.push(row);
}
table(
  'Adversarial inputs, 1 MB each: ms per detector (one run)',
  ['input', ...detectors.map(([n]) => n)],
  advRows,
);
console.log(
  `\n${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), 1-minute load average ${loadAtStart[0]!.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (other jobs share the cores when it is above ~1)`,
);
console.log(
  `\nnode ${process.version}, ${process.platform}/${process.arch}; run: npx tsx bench/guard-speed.ts${quick ? ' --quick' : ''}`,
);
