import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { InputError } from '../../src/util/errors.js';

let stdout = '';
beforeEach(() => {
  stdout = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<void> {
  await buildProgram().parseAsync(['node', 'aigis', 'modelcard', ...args]);
}

const dir = mkdtempSync(join(tmpdir(), 'aigis-cli-mc-'));

const COMPLETE = `---
model_overview:
  model_name: support-bot
  model_owner: ml-platform
  model_description: Answers support questions.
intended_uses:
  risk_rating: Low
  explanations_for_risk_rating: No decisions about people.
training_details:
  training_job_details:
    training_datasets: [provider-managed]
evaluation_details:
  - name: golden-set
    datasets: [s3://eval/golden]
    metric_groups:
      - name: quality
        metric_data:
          - { name: faithfulness, type: number, value: 0.93 }
additional_information:
  ethical_considerations: Refuses medical advice.
  custom_details:
    last_reviewed: "${new Date().toISOString().slice(0, 10)}"
---
# support-bot

## Intended uses

Customer support answers.

## Caveats and recommendations

English only.
`;

describe('aigis modelcard', () => {
  it('init writes a Markdown template that validate reports as incomplete (exit 1)', async () => {
    const out = join(dir, 'init.md');
    await run('init', '--model', 'credit-scorer', '--out', out);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\nmodel_overview:\n {2}model_id: credit-scorer/);
    await run('validate', out);
    expect(process.exitCode).toBe(1);
    expect(stdout).toMatch(/init\.md:\d+: intended_uses\.risk_rating: error: risk rating is Unknown/);
    expect(stdout).toContain(`${out}: incomplete`);
  });

  it('init refuses to overwrite without --force', async () => {
    const out = join(dir, 'exists.json');
    writeFileSync(out, '{}');
    await expect(run('init', '--out', out)).rejects.toThrow(InputError);
    await run('init', '--out', out, '--force');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('model_overview.model_id', 'my-model');
  });

  it('validate exits 0 on a complete card and 2 on an invalid one, naming file:line:field', async () => {
    const good = join(dir, 'good.md');
    writeFileSync(good, COMPLETE);
    await run('validate', good);
    expect(process.exitCode).toBe(0);
    expect(stdout).toContain(`${good}: complete`);

    const bad = join(dir, 'bad.md');
    writeFileSync(bad, COMPLETE.replace('risk_rating: Low', 'risk_rating: Lowish'));
    stdout = '';
    await run('validate', good, bad);
    expect(process.exitCode).toBe(2);
    expect(stdout).toContain(`${bad}:7: intended_uses.risk_rating`);
  });

  it('validate takes a folder of cards', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.md'), COMPLETE);
    writeFileSync(join(folder, 'notes.txt'), 'not a card');
    await run('validate', folder);
    expect(stdout).toBe(`${join(folder, 'a.md')}: complete\n`);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(run('validate', empty)).rejects.toThrow(/no model cards/);
  });

  it('validate --output json lists findings per file', async () => {
    const file = join(dir, 'json.md');
    writeFileSync(file, COMPLETE.replace('  model_owner: ml-platform\n', ''));
    await run('validate', file, '--output', 'json');
    const parsed = JSON.parse(stdout) as Array<{ complete: boolean; findings: Array<{ check: string }> }>;
    expect(parsed[0]!.complete).toBe(false);
    expect(parsed[0]!.findings.map((f) => f.check)).toEqual(['owner']);
    expect(process.exitCode).toBe(1);
  });

  it('validate --manifest asks a card of a model fine-tuned by its owner for training datasets', async () => {
    const system = join(dir, 'system');
    mkdirSync(join(system, 'model-cards'), { recursive: true });
    // Training datasets replaced by a pointer to the provider, as a foundation model's card may do.
    const card = COMPLETE.replace(
      'training_details:\n  training_job_details:\n    training_datasets: [provider-managed]\n',
      'training_details:\n  training_observations: Trained by the provider; see its model card.\n',
    );
    writeFileSync(join(system, 'model-cards', 'support-bot.md'), card);
    const manifest = (customization: string): string =>
      `name: support\nowner: support@example.com\nscope: 3\nmodels:\n  - { id: support-bot, provider: amazon-bedrock, modelId: amazon.nova-pro-v1:0, customization: ${customization} }\n`;
    writeFileSync(join(system, 'aigis.yaml'), manifest('none'));
    await run('validate', join(system, 'model-cards'), '--manifest', system);
    expect(stdout).toContain('support-bot.md: complete');
    expect(process.exitCode).toBe(0);
    stdout = '';
    writeFileSync(join(system, 'aigis.yaml'), manifest('fine-tuned'));
    await run('validate', join(system, 'model-cards'), '--manifest', system);
    expect(stdout).toMatch(
      /support-bot\.md(:\d+)?: training_details\.training_job_details\.training_datasets: error: .*fine-tuned according to the manifest/,
    );
    expect(process.exitCode).toBe(1);
  });

  it('export round-trips Markdown → SageMaker JSON → Markdown and adds governance details', async () => {
    const md = join(dir, 'rt.md');
    writeFileSync(md, COMPLETE);
    const json = join(dir, 'rt.json');
    await run(
      'export',
      md,
      '--format',
      'sagemaker',
      '--out',
      json,
      '--scope',
      '2',
      '--eu-ai-act-tier',
      'limited',
    );
    const content = JSON.parse(readFileSync(json, 'utf8')) as {
      additional_information: { custom_details: Record<string, string> };
    };
    expect(content.additional_information.custom_details).toMatchObject({
      scoping_matrix_scope: '2',
      eu_ai_act_tier: 'limited',
    });
    const back = join(dir, 'rt2.md');
    await run('export', json, '--format', 'markdown', '--out', back);
    await run('export', back, '--format', 'sagemaker');
    expect(JSON.parse(stdout)).toEqual(content);
  });

  it('export --manifest takes scope, EU AI Act tier and frameworks from aigis.yaml', async () => {
    const md = join(dir, 'manifest.md');
    writeFileSync(md, COMPLETE);
    const example = join(import.meta.dirname, '..', '..', 'examples', 'credit-scoring');
    await run('export', md, '--format', 'sagemaker', '--manifest', example, '--scope', '4');
    const details = (
      JSON.parse(stdout) as { additional_information: { custom_details: Record<string, string> } }
    ).additional_information.custom_details;
    expect(details['eu_ai_act_tier']).toBe('high');
    expect(details['scoping_matrix_scope']).toBe('4');
    expect(details['framework_mappings']?.split(',')).toContain('eu-ai-act');
  });

  it('rejects a bad --format and --scope as usage errors', async () => {
    const md = join(dir, 'flags.md');
    writeFileSync(md, COMPLETE);
    await expect(run('export', md, '--format', 'pdf')).rejects.toThrow(/expected one of sagemaker, markdown/);
    await expect(run('export', md, '--format', 'sagemaker', '--scope', '9')).rejects.toThrow(
      /scope from 1 to 5/,
    );
  });
});

describe('aigis modelcard exit codes (real process)', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'modelcard', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('exits 0 complete, 1 incomplete, 2 invalid with file:line: field on stderr or stdout', () => {
    const good = join(dir, 'proc-good.md');
    writeFileSync(good, COMPLETE);
    const incomplete = join(dir, 'proc-incomplete.md');
    writeFileSync(incomplete, COMPLETE.replace('  risk_rating: Low\n', ''));
    const invalid = join(dir, 'proc-invalid.json');
    writeFileSync(invalid, '{\n  "intended_uses": { "risk_rating": "Lo" }\n}\n');
    expect(cli('validate', good).status).toBe(0);
    const one = cli('validate', incomplete);
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('intended_uses.risk_rating: error: has no risk rating');
    const two = cli('validate', invalid);
    expect(two.status).toBe(2);
    expect(two.stdout).toContain(`${invalid}:2: intended_uses.risk_rating`);
    expect(cli('export', good).status).toBe(2);
  });
});
