import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { governanceChecks } from '../../src/assess/governance/index.js';
import type { ModelCardFacts } from '../../src/assess/model-cards.js';
import { runtimeEvidence } from '../../src/assess/runtime.js';
import { loadCatalog } from '../../src/catalog/index.js';
import { loadPolicy } from '../../src/guard/policy/index.js';
import { contextOf, manifestOf } from './helpers.js';

const check = (control: string) => {
  const found = governanceChecks.find((g) => g.control === control);
  if (!found) throw new Error(`no governance check for ${control}`);
  return found;
};
const statuses = (control: string, ctx: ReturnType<typeof contextOf>) =>
  check(control)
    .evaluate(ctx)
    .map((e) => e.status);

const llm = {
  id: 'llm',
  provider: 'amazon-bedrock',
  modelId: 'anthropic.claude-3-haiku',
  version: '1',
  versionPinned: true,
};
const card = (extra: Partial<ModelCardFacts> = {}): ModelCardFacts => ({
  file: '/virtual/card.json',
  description: 'd',
  intendedUses: 'u',
  riskRating: 'Low',
  evaluationCount: 1,
  lastReviewed: '2026-10-01',
  ...extra,
});

describe('governance checks', () => {
  it('every check names a catalog control', () => {
    const catalog = loadCatalog();
    for (const g of governanceChecks) expect(catalog.control(g.control), g.control).toBeDefined();
  });

  it('model cards: missing, incomplete, unrated and stale cards fail; a complete current one passes', () => {
    const m = manifestOf({ models: [llm], review: { cadence: '6m' } });
    const withCard = (c?: ModelCardFacts) => contextOf(m, { cards: new Map(c ? [['llm', c]] : []) });
    expect(statuses('model-card-with-risk-rating', withCard())).toEqual(['fail']);
    expect(statuses('model-card-with-risk-rating', withCard(card()))).toEqual(['pass']);
    expect(statuses('model-card-with-risk-rating', withCard(card({ riskRating: 'Unknown' })))).toEqual([
      'fail',
    ]);
    expect(statuses('model-card-with-risk-rating', withCard(card({ evaluationCount: 0 })))).toEqual(['fail']);
    const stale = check('model-card-with-risk-rating').evaluate(
      withCard(card({ lastReviewed: '2025-01-01' })),
    )[0]!;
    expect(stale.status).toBe('fail');
    expect(stale.message).toMatch(/older than the review cadence 6m/);
    expect(stale.file).toBe('/virtual/card.json');
  });

  it('datasets: residency outside the allowed regions, missing roles and retention fail', () => {
    const ctx = contextOf(
      manifestOf({
        datasets: [
          {
            id: 'ok',
            classification: ['pii'],
            residency: ['eu-west-1'],
            allowedRegions: ['eu-west-1'],
            retention: '1y',
            owner: 'a',
            steward: 'b',
            custodian: 'c',
          },
          { id: 'bad', classification: ['pii'], residency: ['us-east-1'], allowedRegions: ['eu-west-1'] },
        ],
      }),
    );
    expect(statuses('data-residency-enforced', ctx)).toEqual(['pass', 'fail']);
    expect(statuses('data-roles-assigned', ctx)).toEqual(['pass', 'fail']);
    expect(statuses('data-retention-and-disposal', ctx)).toEqual(['pass', 'fail']);
    expect(check('data-residency-enforced').evaluate(ctx)[1]!.message).toMatch(
      /us-east-1, outside the allowed regions eu-west-1/,
    );
  });

  it('training data needs lineage, hashes, quality checks and PII discovery; other data is not judged', () => {
    const m = manifestOf({
      models: [
        {
          id: 'x',
          provider: 'sagemaker',
          modelId: 'x',
          customization: 'self-trained',
          trainingDatasets: ['t'],
        },
      ],
      datasets: [
        { id: 't', classification: ['pii'], lineage: 'ol://t', sha256: 'a'.repeat(64), qualityChecks: true },
        { id: 'logs', classification: ['internal'] },
      ],
    });
    const ctx = contextOf(m);
    expect(statuses('data-lineage-recorded', ctx)).toEqual(['pass']);
    expect(statuses('dataset-versioning-enabled', ctx)).toEqual(['pass']);
    expect(statuses('pii-discovery-before-training', ctx)).toEqual(['fail']);
    expect(statuses('model-provenance-verified', ctx)).toEqual(['fail']);
  });

  it('third-party models must be pinned and have a deprecation plan', () => {
    const ctx = contextOf(manifestOf({ models: [{ ...llm, versionPinned: false }] }));
    expect(statuses('foundation-model-version-pinned', ctx)).toEqual(['fail']);
    expect(statuses('model-deprecation-plan', ctx)).toEqual(['fail']);
  });

  it('human oversight needs reviewers who can override; risky actions need gating', () => {
    expect(statuses('human-oversight-defined', contextOf(manifestOf({})))).toEqual(['fail']);
    expect(
      statuses('human-oversight-defined', contextOf(manifestOf({ humanOversight: { reviewers: ['a'] } }))),
    ).toEqual(['fail']);
    expect(
      statuses(
        'human-oversight-defined',
        contextOf(manifestOf({ humanOversight: { reviewers: ['a'], canOverride: true } })),
      ),
    ).toEqual(['pass']);
    expect(
      statuses(
        'human-approval-for-risky-actions',
        contextOf(manifestOf({ humanOversight: { gatedActions: ['refund'] } })),
      ),
    ).toEqual(['pass']);
  });

  it('the system review must lie within the cadence', () => {
    const at = (lastReviewed: string) => contextOf(manifestOf({ review: { cadence: '30d', lastReviewed } }));
    expect(statuses('ai-compliance-assessed-regularly', at('2026-11-01'))).toEqual(['pass']);
    expect(statuses('ai-compliance-assessed-regularly', at('2026-09-01'))).toEqual(['fail']);
  });
});

describe('runtime evidence from the guard policy', () => {
  const ctx = contextOf(manifestOf({ models: [llm] }));
  const status = (control: string, policy = loadPolicy('default')) =>
    runtimeEvidence(control, { ...ctx, policy })[0]?.status;

  it('maps output handling, canaries and secrets to their policy fields', () => {
    const strict = loadPolicy('strict');
    expect(status('output-handling-safe-rendering', strict)).toBe('pass');
    expect(status('output-handling-safe-rendering', loadPolicy({}))).toBe('fail');
    expect(status('system-prompt-leakage-protected', strict)).toBe('pass');
    expect(status('system-prompt-leakage-protected', loadPolicy({}))).toBe('fail');
    expect(status('no-secrets-in-ai-code-and-config', loadPolicy({ secrets: { action: 'BLOCK' } }))).toBe(
      'pass',
    );
    expect(status('no-secrets-in-ai-code-and-config', loadPolicy({ secrets: { action: 'NONE' } }))).toBe(
      'fail',
    );
    expect(status('guardrail-denied-topics', loadPolicy({}))).toBe('fail');
  });

  it('has nothing to say about controls the guard does not implement', () => {
    expect(runtimeEvidence('guardrail-content-filters', { ...ctx, policy: loadPolicy('strict') })).toEqual(
      [],
    );
  });
});

describe('workload PII reaches the scan', () => {
  it('a guardrail that misses a PII type the datasets hold fails its rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-pii-'));
    const template = join(
      import.meta.dirname,
      '../../examples/bedrock-rag-chatbot/hardened/cloudformation/template.yaml',
    );
    writeFileSync(
      join(dir, 'aigis.yaml'),
      `name: s\nowner: o\nscope: 3\nmodels:\n  - { id: m, provider: amazon-bedrock, modelId: anthropic.claude-3-haiku }\n` +
        `datasets:\n  - { id: d, classification: [pii], piiEntities: [US_PASSPORT_NUMBER] }\npaths:\n  infrastructure: ['${template}']\n`,
    );
    const report = await assess(dir);
    const pii = report.controls.find((c) => c.id === 'guardrail-pii-filter')!;
    expect(pii.status).toBe('not-met');
    expect(
      pii.evidence.some(
        (e) => e.kind === 'scan' && e.status === 'fail' && e.message.includes('US_PASSPORT_NUMBER'),
      ),
    ).toBe(true);
  });
});
