import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asffTarget } from '../../src/cli/commands/assess.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/main.ts');

const NO_AWS_ENV = { AWS_ACCOUNT_ID: '', AWS_REGION: '', AWS_DEFAULT_REGION: '' };

async function aigisWithEnv(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...NO_AWS_ENV, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const aigis = (...args: string[]): ReturnType<typeof aigisWithEnv> => aigisWithEnv({}, ...args);

describe('aigis assess', () => {
  it('prints the summary and exits 0 by default', async () => {
    const r = await aigis('assess', 'examples/bedrock-rag-chatbot/insecure');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/phase reached\s+none/);
    expect(r.stdout).toMatch(/Fix first \(to reach foundational\)/);
  }, 60_000);

  it('exits 1 when the phase reached is below --fail-on, 0 when it is not', async () => {
    expect(
      (await aigis('assess', 'examples/bedrock-rag-chatbot/insecure', '--fail-on', 'foundational')).code,
    ).toBe(1);
    expect(
      (
        await aigis(
          'assess',
          'examples/sagemaker-pipeline/hardened',
          '--fail-on',
          'foundational',
          '--as-of',
          '2026-11-22',
        )
      ).code,
    ).toBe(0);
    // Two years on, the model card review and the attestations have lapsed.
    expect(
      (
        await aigis(
          'assess',
          'examples/sagemaker-pipeline/hardened',
          '--fail-on',
          'foundational',
          '--as-of',
          '2028-11-22',
        )
      ).code,
    ).toBe(1);
  }, 60_000);

  it('writes JSON into --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aigis-assess-'));
    const r = await aigis('assess', 'examples/credit-scoring', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'consumer-credit-scoring.json'), 'utf8')) as {
      determinations: { euAiActTier: string };
    };
    expect(report.determinations.euAiActTier).toBe('high');
  }, 60_000);

  it('exits 2 on a bad flag, naming the problem', async () => {
    const date = await aigis('assess', 'examples/credit-scoring', '--as-of', '22/11/2026');
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--as-of: '22\/11\/2026' is not valid; expected a date YYYY-MM-DD/);
    const bad = await aigis('assess', 'examples/credit-scoring', '--fail-on', 'hihg');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean 'high'/);
  }, 60_000);

  it('exits 2 on a folder without aigis.yaml, naming the expected file and showing the examples', async () => {
    const missing = await aigis('assess', 'src');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^aigis: src\/aigis\.yaml: not found \(nor aigis\.yml or aigis\.json\)/);
    expect(missing.stderr).toMatch(/or pass --manifest FILE/);
    expect(missing.stderr).toMatch(/Examples:\n {2}aigis assess examples\/bedrock-rag-chatbot\/hardened\n/);
    expect(missing.stderr).toMatch(/aigis assess --help/);
  }, 60_000);

  it('--format html without --out prints the page alone to stdout, for redirecting to a file', async () => {
    const r = await aigis('assess', 'examples/credit-scoring', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout.trimEnd()).toMatch(/<\/html>$/);
    // The one HTML report is the reports module's page (its Content-Security-Policy), not an assess-only fallback.
    expect(r.stdout).toContain(`content="default-src 'none';`);
    // The terminal summary is not mixed into the page.
    expect(r.stdout).not.toMatch(/aigis assess: consumer-credit-scoring/);
    expect(r.stdout).not.toMatch(/report written to/);
  }, 60_000);
});

describe('aigis assess --format asff: account and region', () => {
  it('writes the account and region of the flags into ProductArn, AwsAccountId and Resources', async () => {
    const r = await aigisWithEnv(
      { AWS_ACCOUNT_ID: '999999999999', AWS_REGION: 'us-west-2' },
      'assess',
      'examples/credit-scoring',
      '--format',
      'asff',
      '--aws-account-id',
      '123456789012',
      '--aws-region',
      'eu-central-1',
    );
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout) as Array<{
      ProductArn: string;
      AwsAccountId: string;
      Resources: Array<{ Region?: string }>;
    }>;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.ProductArn).toBe('arn:aws:securityhub:eu-central-1:123456789012:product/123456789012/default');
      expect(f.AwsAccountId).toBe('123456789012');
      expect(f.Resources.every((res) => res.Region === 'eu-central-1')).toBe(true);
    }
  }, 60_000);

  it('reads AWS_ACCOUNT_ID and AWS_DEFAULT_REGION when the flags are absent', async () => {
    const r = await aigisWithEnv(
      { AWS_ACCOUNT_ID: '210987654321', AWS_DEFAULT_REGION: 'ap-southeast-2' },
      'assess',
      'examples/credit-scoring',
      '--format',
      'asff',
    );
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout) as Array<{ ProductArn: string }>;
    expect(findings[0]!.ProductArn).toBe(
      'arn:aws:securityhub:ap-southeast-2:210987654321:product/210987654321/default',
    );
  }, 60_000);

  it('exits 2 naming the flag or variable when an account id or region is malformed', async () => {
    const flag = await aigis(
      'assess',
      'examples/credit-scoring',
      '--format',
      'asff',
      '--aws-account-id',
      '12345',
    );
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--aws-account-id: '12345' is not valid; expected a 12-digit AWS account id/);
    const region = await aigis(
      'assess',
      'examples/credit-scoring',
      '--format',
      'asff',
      '--aws-region',
      'Europe',
    );
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/--aws-region: 'Europe' is not valid; expected an AWS region code/);
    const env = await aigisWithEnv(
      { AWS_REGION: 'eu_west_1' },
      'assess',
      'examples/credit-scoring',
      '--format',
      'asff',
    );
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/environment variable AWS_REGION: 'eu_west_1' is not valid/);
  }, 60_000);

  it('resolves flags over AWS_REGION over AWS_DEFAULT_REGION, and checks the environment only when it is used', () => {
    expect(asffTarget({}, {})).toEqual({});
    expect(asffTarget({}, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).toEqual({
      region: 'eu-west-1',
    });
    expect(asffTarget({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' })).toEqual({
      region: 'us-west-2',
    });
    expect(asffTarget({ awsRegion: 'eu-north-1' }, { AWS_REGION: 'not a region' })).toEqual({
      region: 'eu-north-1',
    });
    expect(asffTarget({ awsAccountId: '123456789012' }, { AWS_ACCOUNT_ID: 'x' })).toEqual({
      accountId: '123456789012',
    });
    expect(() => asffTarget({}, { AWS_ACCOUNT_ID: '1234567890123' })).toThrow(
      /AWS_ACCOUNT_ID: '1234567890123' is not valid/,
    );
    expect(() => asffTarget({}, { AWS_DEFAULT_REGION: 'us-east' })).toThrow(/AWS_DEFAULT_REGION/);
  });
});
