import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeTree } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
// The scans run in temp dirs, so tsx is loaded by path rather than resolved from the cwd.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const RULE = 'sagemaker_notebook_direct_internet_access_disabled';

const cli = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'scan', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });

const NOTEBOOK = (access: string) => `Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::123456789012:role/x
      DirectInternetAccess: ${access}
`;

describe('aigis scan CLI', () => {
  const dir = writeTree({ 'open.yaml': NOTEBOOK('Enabled'), 'closed.yaml': NOTEBOOK('Disabled') });

  it('exits 1 on a failure at or above --fail-on, 0 below it, with JSON listing passes too', () => {
    const high = cli(dir, '.', '--rules', RULE, '--format', 'json');
    expect(high.status).toBe(1);
    const report = JSON.parse(high.stdout) as {
      scanned: string[];
      results: Array<{ status: string; resource: { file: string; line: number } }>;
    };
    expect(report.scanned).toEqual(['closed.yaml', 'open.yaml']);
    expect(report.results.map((r) => `${r.resource.file}:${r.resource.line} ${r.status}`).sort()).toEqual([
      'closed.yaml:2 pass',
      'open.yaml:2 fail',
    ]);
    expect(cli(dir, '.', '--rules', RULE, '--fail-on', 'critical').status).toBe(0);
  });

  it('exits 2 with the closest id for unknown rule ids and bad flag values', () => {
    const typo = cli(dir, '.', '--rules', 'sagemaker_notebook_direct_internet_acess_disabled');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(`did you mean '${RULE}'`);
    const badSeverity = cli(dir, '.', '--fail-on', 'hgih');
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stderr).toContain("did you mean 'high'");
    expect(cli(dir, '.', '--format', 'xml').status).toBe(2);
  });

  it('exits 2 on a parse error but still reports the other files', () => {
    const broken = writeTree({
      'ok.yaml': NOTEBOOK('Enabled'),
      'bad.json': '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {,}}',
    });
    const run = cli(broken, '.', '--rules', RULE, '--format', 'json');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.json:1: /);
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toHaveLength(1);
  });

  it('creates a baseline that makes the next run pass, writing the report with --out', () => {
    const work = writeTree({ 'open.yaml': NOTEBOOK('Enabled') });
    expect(cli(work, '.', '--rules', RULE, '--create-baseline', 'baseline.json').status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(work, 'baseline.json'), 'utf8')) as unknown;
    expect(baseline).toEqual({
      version: 1,
      failures: [{ ruleId: RULE, address: 'AWS::SageMaker::NotebookInstance.Notebook', file: 'open.yaml' }],
    });
    const run = cli(
      work,
      '.',
      '--rules',
      RULE,
      '--baseline',
      'baseline.json',
      '--format',
      'sarif',
      '--out',
      'out.sarif',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(work, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    const badBaseline = writeTree({
      'b.json': '{"version": 2, "failures": []}',
      'open.yaml': NOTEBOOK('Enabled'),
    });
    const bad = cli(badBaseline, '.', '--baseline', 'b.json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/b\.json:1: version/);
  });
});

describe('aigis scan --parameter / --var', () => {
  const dir = writeTree({
    'cfn/nb.yaml': `Parameters:
  Access:
    Type: String
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::123456789012:role/x
      DirectInternetAccess: !Ref Access
`,
    'tf/main.tf': `variable "access" {}
variable "enabled" {
  type = bool
}
resource "aws_sagemaker_notebook_instance" "nb" {
  count                  = var.enabled ? 1 : 0
  name                   = "nb"
  role_arn               = "arn:aws:iam::123456789012:role/x"
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.access
}
`,
  });
  const statuses = (stdout: string): string[] =>
    (JSON.parse(stdout) as { results: Array<{ status: string; resource: { address: string } }> }).results.map(
      (r) => `${r.resource.address} ${r.status}`,
    );

  it('leaves values without defaults unknown, and uses the values given on the command line', () => {
    expect(statuses(cli(dir, '.', '--rules', RULE, '--format', 'json').stdout)).toEqual([
      'AWS::SageMaker::NotebookInstance.Notebook unknown',
      'aws_sagemaker_notebook_instance.nb unknown',
    ]);
    const given = cli(
      dir,
      '.',
      '--rules',
      RULE,
      '--format',
      'json',
      '--parameter',
      'Access=Disabled',
      '--var',
      'access=Enabled',
      '--var',
      'enabled=false',
    );
    // enabled=false is the boolean false: count = 0 drops the Terraform notebook.
    expect(statuses(given.stdout)).toEqual(['AWS::SageMaker::NotebookInstance.Notebook pass']);
    expect(given.status).toBe(0);
  });

  it('rejects a value that is not KEY=VALUE', () => {
    const bad = cli(dir, '.', '--parameter', 'Access');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--parameter: 'Access' is not KEY=VALUE");
  });
});
