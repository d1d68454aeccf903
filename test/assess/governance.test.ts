import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import { governanceChecks } from '../../src/assess/governance/index.js';
import { modelCardFacts, type ModelCardFacts } from '../../src/assess/model-cards.js';
import { buildProgram } from '../../src/cli/program.js';
import type { ModelCardContent, ModelCardFinding } from '../../src/modelcard/index.js';
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
/** A card `aigis modelcard validate` finds complete, reviewed 2026-10-01; `change` edits its content. */
const card = (change: (c: ModelCardContent) => void = () => {}): ModelCardFacts => {
  const content: ModelCardContent = {
    model_overview: { model_id: 'llm', model_description: 'd', model_owner: 'ml@example.com' },
    intended_uses: { intended_uses: 'u', risk_rating: 'Low', explanations_for_risk_rating: 'e' },
    training_details: { training_observations: 'Trained by the provider; see its service card.' },
    evaluation_details: [
      {
        name: 'golden',
        datasets: ['s3://eval/golden'],
        metric_groups: [{ name: 'quality', metric_data: [{ name: 'f1', type: 'number', value: 0.9 }] }],
      },
    ],
    additional_information: {
      caveats_and_recommendations: 'c',
      ethical_considerations: 'x',
      custom_details: { last_reviewed: '2026-10-01' },
    },
  };
  change(content);
  return modelCardFacts({ content }, '/virtual/card.json');
};

describe('governance checks', () => {
  it('every check names a catalog control', () => {
    const catalog = loadCatalog();
    for (const g of governanceChecks) expect(catalog.control(g.control), g.control).toBeDefined();
  });

  it('model cards: missing, incomplete, unrated and stale cards fail; a complete current one passes', () => {
    const m = manifestOf({ models: [llm], review: { cadence: '6m' } });
    const withCard = (c?: ModelCardFacts) => contextOf(m, { cards: new Map(c ? [['llm', c]] : []) });
    const evidence = (c?: ModelCardFacts) => check('model-card-with-risk-rating').evaluate(withCard(c))[0]!;
    expect(evidence().status).toBe('fail');
    expect(evidence().message).toMatch(/has no model card/);
    expect(evidence(card()).status).toBe('pass');
    const unrated = evidence(card((c) => (c.intended_uses!.risk_rating = 'Unknown')));
    expect(unrated.status).toBe('fail');
    expect(unrated.field).toBe('intended_uses.risk_rating');
    expect(unrated.message).toMatch(/intended_uses\.risk_rating: risk rating is Unknown/);
    expect(evidence(card((c) => delete c.evaluation_details)).message).toMatch(
      /evaluation_details: has no evaluation results/,
    );
    const stale = evidence(
      card((c) => (c.additional_information!.custom_details!['last_reviewed'] = '2025-01-01')),
    );
    expect(stale.status).toBe('fail');
    expect(stale.message).toMatch(
      /last_reviewed: last reviewed \d+ days ago \(2025-01-01\), over the 180-day/,
    );
    expect(stale.file).toBe('/virtual/card.json');
  });

  it('model cards: every error-level finding of the validator is named; warnings alone pass', () => {
    const m = manifestOf({ models: [llm] });
    const ctx = (c: ModelCardFacts) => contextOf(m, { cards: new Map([['llm', c]]) });
    const incomplete = check('model-card-with-risk-rating').evaluate(
      ctx(
        card((c) => {
          delete c.model_overview!.model_owner;
          delete c.additional_information!.caveats_and_recommendations;
        }),
      ),
    )[0]!;
    expect(incomplete.field).toBe('model_overview.model_owner');
    expect(incomplete.message).toMatch(/model_overview\.model_owner: names no owner/);
    expect(incomplete.message).toMatch(
      /additional_information\.caveats_and_recommendations: states no limitations/,
    );
    // Missing ethical considerations and risk explanation are warnings in the validator, so not a failure here.
    const warned = card((c) => {
      delete c.additional_information!.ethical_considerations;
      delete c.intended_uses!.explanations_for_risk_rating;
    });
    expect(statuses('model-card-with-risk-rating', ctx(warned))).toEqual(['pass']);
  });

  it('model cards: a model the manifest declares fine-tuned must list its training datasets', () => {
    const tuned = manifestOf({ models: [{ ...llm, customization: 'fine-tuned' }] });
    const e = check('model-card-with-risk-rating').evaluate(
      contextOf(tuned, { cards: new Map([['llm', card()]]) }),
    )[0]!;
    expect(e.status).toBe('fail');
    expect(e.message).toMatch(/training_datasets: lists no training datasets, and the model is fine-tuned/);
    const self = manifestOf({ models: [{ ...llm, provider: 'self' }] });
    expect(
      statuses('model-card-with-risk-rating', contextOf(self, { cards: new Map([['llm', card()]]) })),
    ).toEqual(['fail']);
  });

  it('model cards: a review.cadence the validator cannot measure fails on that manifest field', () => {
    const ctx = contextOf(manifestOf({ models: [llm], review: { cadence: '0d' } }), {
      cards: new Map([['llm', card()]]),
    });
    const e = check('model-card-with-risk-rating').evaluate(ctx)[0]!;
    expect(e.status).toBe('fail');
    expect(e.field).toBe('review.cadence');
  });

  it('model cards: a card `aigis modelcard validate` rejects fails assess on the same field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-card-'));
    const content = card((c) => (c.model_overview!.model_description = 'TODO: describe the model')).card
      .content;
    writeFileSync(join(dir, 'llm.json'), JSON.stringify(content, null, 2));
    writeFileSync(
      join(dir, 'aigis.yaml'),
      'name: s\nowner: o@example.com\nmodels:\n  - id: llm\n    provider: amazon-bedrock\n    modelId: x\n    modelCard: llm.json\n',
    );
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await buildProgram().parseAsync([
        'node',
        'aigis',
        'modelcard',
        'validate',
        join(dir, 'llm.json'),
        '--output',
        'json',
        '--manifest',
        dir,
      ]);
    } finally {
      write.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const [validated] = JSON.parse(out) as Array<{ complete: boolean; findings: ModelCardFinding[] }>;
    const rejected = validated!.findings.filter((f) => f.level === 'error');
    expect(rejected.map((f) => f.field)).toEqual(['model_overview.model_description']);

    const report = await assess(dir, { now: new Date('2026-11-22T00:00:00Z') });
    const control = report.controls.find((c) => c.id === 'model-card-with-risk-rating')!;
    expect(control.status).toBe('not-met');
    const failing = control.evidence.find((e) => e.status === 'fail')!;
    expect(failing.field).toBe(rejected[0]!.field);
    expect(failing.line).toBe(rejected[0]!.line);
    expect(failing.message).toContain(`${rejected[0]!.field}: ${rejected[0]!.message}`);
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
