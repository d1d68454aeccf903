import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { manifestJsonSchemaText } from '../../src/assess/json-schema.js';
import { loadManifest } from '../../src/assess/load.js';
import { InputError } from '../../src/util/errors.js';

function dirWith(manifest: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-manifest-'));
  writeFileSync(join(dir, 'aigis.yaml'), manifest);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const HEAD = 'name: s\nowner: o@example.com\n';

describe('loadManifest', () => {
  it('names the line and field of an enum typo and suggests the closest value', () => {
    const dir = dirWith(`${HEAD}useCase:\n  domain: credt\n`);
    const err = errorOf(() => loadManifest(dir));
    expect(err.message).toMatch(
      /aigis\.yaml:4: useCase\.domain: 'credt' is not valid; .*did you mean 'credit'/,
    );
    expect(err.line).toBe(4);
    expect(err.field).toBe('useCase.domain');
    expect(err.exitCode).toBe(2);
  });

  it('suggests the closest field for an unknown key', () => {
    const dir = dirWith(
      `${HEAD}models:\n  - id: m\n    provider: p\n    modelId: x\n    versionPined: true\n`,
    );
    const err = errorOf(() => loadManifest(dir));
    expect(err.message).toMatch(
      /:7: models\[0\]\.versionPined: unknown field .*did you mean 'versionPinned'/,
    );
  });

  it('reports a missing required field', () => {
    const err = errorOf(() => loadManifest(dirWith('name: s\n')));
    expect(err.field).toBe('owner');
  });

  it('reports referenced files that do not exist, at their line', () => {
    const dir = dirWith(`${HEAD}paths:\n  infrastructure: [infra]\n  guardPolicy: guard.yaml\n`, {
      'infra/main.tf': '',
    });
    const err = errorOf(() => loadManifest(dir));
    expect(err.message).toMatch(/aigis\.yaml:5: paths\.guardPolicy: 'guard\.yaml' does not exist/);
    const card = dirWith(
      `${HEAD}models:\n  - id: m\n    provider: p\n    modelId: x\n    modelCard: cards/m.json\n`,
    );
    expect(errorOf(() => loadManifest(card)).field).toBe('models[0].modelCard');
  });

  it('reports training datasets that are not declared, with a suggestion', () => {
    const dir = dirWith(
      `${HEAD}models:\n  - id: m\n    provider: p\n    modelId: x\n    trainingDatasets: [aplications]\ndatasets:\n  - id: applications\n    classification: [pii]\n`,
    );
    expect(errorOf(() => loadManifest(dir)).message).toMatch(
      /trainingDatasets\[0\]: no dataset with id 'aplications'.*did you mean 'applications'/,
    );
  });

  it('says when a folder has no aigis.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-empty-'));
    const err = errorOf(() => loadManifest(dir));
    expect(err.message).toContain(`${join(dir, 'aigis.yaml')}: not found (nor aigis.yml or aigis.json)`);
    expect(err.message).toMatch(/--manifest FILE/);
  });

  it('rejects an attestation of an unknown control at its line', async () => {
    const dir = dirWith(
      `${HEAD}attestations:\n  - control: ai-policy-establish\n    by: ciso\n    date: 2026-01-01\n`,
    );
    await expect(assess(dir)).rejects.toThrow(
      /aigis\.yaml:4: attestations\[0\]\.control: unknown control 'ai-policy-establish' \(did you mean 'ai-policy-established'\?\)/,
    );
  });

  it('warns when the declared scope contradicts the models, and uses the derived scope', async () => {
    const dir = dirWith(
      `${HEAD}scope: 1\nmodels:\n  - id: m\n    provider: sagemaker\n    modelId: x\n    customization: fine-tuned\n`,
    );
    const report = await assess(dir);
    expect(report.system.scope).toBe(4);
    expect(report.warnings.join('\n')).toMatch(/contradicts the models/);
  });
});

describe('JSON Schema', () => {
  it('schemas/aigis-manifest.schema.json is current (npm run schemas)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../schemas/aigis-manifest.schema.json'), 'utf8')).toBe(
      manifestJsonSchemaText(),
    );
  });
});

describe('infrastructure that cannot be parsed', () => {
  it('is listed in errors, and the rest of the assessment still runs', async () => {
    const dir = dirWith(`${HEAD}scope: 3\npaths:\n  infrastructure: [infra]\n`, {
      'infra/template.yaml':
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n',
    });
    const report = await assess(dir);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/template\.yaml/);
    expect(report.controls.length).toBeGreaterThan(0);
  });
});

describe('field formats', () => {
  it('rejects a region that is not an AWS region code, at its line', () => {
    const err = errorOf(() =>
      loadManifest(
        dirWith(`${HEAD}datasets:\n  - id: d\n    classification: [pii]\n    residency: [Frankfurt]\n`),
      ),
    );
    expect(err.message).toMatch(
      /aigis\.yaml:6: datasets\[0\]\.residency\[0\]: an AWS region such as eu-west-1/,
    );
  });

  it('rejects a jurisdiction that is not a country code', () => {
    const err = errorOf(() => loadManifest(dirWith(`${HEAD}dataSubjects:\n  jurisdictions: [Germany]\n`)));
    expect(err.field).toBe('dataSubjects.jurisdictions[0]');
  });
});

describe('the README manifest example', () => {
  it('is a valid manifest', async () => {
    const { manifestSchema } = await import('../../src/assess/manifest.js');
    const { readmeSection } = await import('../helpers/readme.js');
    const doc = readmeSection('Assess an AI workload');
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const { parse } = await import('yaml');
    expect(manifestSchema.safeParse(parse(yamlBlock)).success).toBe(true);
  });
});

describe('attestation control suggestions', () => {
  it('suggests the control with the same words in another order', async () => {
    const dir = dirWith(
      `${HEAD}attestations:\n  - control: incident-response-plan-for-ai\n    by: ciso\n    date: 2026-01-01\n`,
    );
    await expect(assess(dir)).rejects.toThrow(/did you mean 'ai-incident-response-plan'/);
  });
});
