/**
 * Assessment of the bundled examples: phase reached, control statuses and wall time per example
 * (the first run includes loading the catalog and rules; each example is assessed 3 times, median shown).
 *
 *   npx tsx bench/assess.ts
 */
import { join } from 'node:path';
import { assess } from '../src/assess/index.js';
import { packageRoot } from '../src/util/paths.js';

const EXAMPLES = [
  'bedrock-rag-chatbot/insecure',
  'bedrock-rag-chatbot/hardened',
  'sagemaker-pipeline/insecure',
  'sagemaker-pipeline/hardened',
  'credit-scoring',
];
const RUNS = 3;

const rows: string[] = [
  '| example | scope | EU AI Act | phase reached | met | attested | not met | unknown | not applicable | median ms |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const example of EXAMPLES) {
  const times: number[] = [];
  let report;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    report = await assess(join(packageRoot(), 'examples', example));
    times.push(performance.now() - start);
  }
  const r = report!;
  const n = (s: string) => r.controls.filter((c) => c.status === s).length;
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  rows.push(
    `| ${example} | ${r.system.scope} | ${r.determinations.euAiActTier} | ${r.phaseReached} | ${n('met')} | ${n('attested')} | ${n('not-met')} | ${n('unknown')} | ${n('not-applicable')} | ${median.toFixed(0)} |`,
  );
}
console.log(rows.join('\n'));
