import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/main.ts');

async function aigis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aigis assess', () => {
  it('prints the summary and exits 0 by default', async () => {
    const r = await aigis('assess', 'examples/bedrock-rag-chatbot/insecure');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/phase reached\s+none/);
    expect(r.stdout).toMatch(/Fix first \(to reach foundational\)/);
  }, 60_000);

  it('exits 1 when the phase reached is below --fail-on, 0 when it is not', async () => {
    expect((await aigis('assess', 'examples/bedrock-rag-chatbot/insecure', '--fail-on', 'foundational')).code).toBe(1);
    expect((await aigis('assess', 'examples/sagemaker-pipeline/hardened', '--fail-on', 'foundational', '--as-of', '2026-11-22')).code).toBe(0);
    // Two years on, the model card review and the attestations have lapsed.
    expect((await aigis('assess', 'examples/sagemaker-pipeline/hardened', '--fail-on', 'foundational', '--as-of', '2028-11-22')).code).toBe(1);
  }, 60_000);

  it('writes JSON into --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aigis-assess-'));
    const r = await aigis('assess', 'examples/credit-scoring', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'consumer-credit-scoring.json'), 'utf8')) as { determinations: { euAiActTier: string } };
    expect(report.determinations.euAiActTier).toBe('high');
  }, 60_000);

  it('exits 2 on a bad flag or a missing manifest, naming the problem', async () => {
    const date = await aigis('assess', 'examples/credit-scoring', '--as-of', '22/11/2026');
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--as-of: '22\/11\/2026' is not valid; expected a date YYYY-MM-DD/);
    const bad = await aigis('assess', 'examples/credit-scoring', '--fail-on', 'hihg');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean 'high'/);
    const missing = await aigis('assess', 'src');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no aigis\.yaml/);
  }, 60_000);
});
