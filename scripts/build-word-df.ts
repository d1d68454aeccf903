/**
 * Builds the background document frequencies the denied-topic matcher uses to tell common words
 * ("good", "time") from distinctive ones ("election", "diabetes"): stems of 7,399 benign prompts
 * from the shared data (MIT / Apache-2.0 / CC0 sources, listed in the output), counted once per
 * prompt, kept when they occur in at least 2 prompts. Only counts are shipped, no text.
 *
 *   npx tsx scripts/build-word-df.ts [/work/shared/data/benign]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { contentStems } from '../src/guard/topics.js';

const SOURCES = [
  ['gsm8k_questions_dev.jsonl', 'openai/grade-school-math @ 3101c7d (MIT)'],
  ['train_awesome_chatgpt_prompts.jsonl', 'f/awesome-chatgpt-prompts @ 327231f (CC0-1.0)'],
  ['train_fuzzyai_benign.jsonl', 'cyberark/FuzzyAI @ a81260f (Apache-2.0)'],
  ['train_gpteacher.jsonl', 'teknium1/GPTeacher @ 4810751 (MIT)'],
  ['train_purplellama_system_prompts.jsonl', 'meta-llama/PurpleLlama @ 4be64c3 (MIT)'],
  ['train_self_instruct.jsonl', 'yizhongw/self-instruct @ 0b26cca (Apache-2.0)'],
] as const;

const row = z.object({ text: z.string() });
const dir = process.argv[2] ?? '/work/shared/data/benign';
const df = new Map<string, number>();
let documents = 0;
for (const [file] of SOURCES) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = row.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: text: ${parsed.error.issues[0]?.message}`);
    documents++;
    for (const s of new Set(contentStems(parsed.data.text))) df.set(s, (df.get(s) ?? 0) + 1);
  });
}
const kept = Object.fromEntries(
  [...df].filter(([s, n]) => n >= 2 && s.length <= 30).sort((a, b) => b[1] - a[1]),
);
const out = { sources: SOURCES.map(([f, s]) => `${f}: ${s}`), documents, df: kept };
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'data',
  'guard',
  'words',
  'english-stem-df.json',
);
writeFileSync(target, JSON.stringify(out) + '\n');
console.log(`${documents} documents, ${Object.keys(kept).length} stems -> ${target}`);
