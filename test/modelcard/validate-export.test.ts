import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  exportModelCard,
  isComplete,
  modelCardContentSchema,
  modelCardTemplate,
  parseModelCardContent,
  parseReviewCadence,
  validateModelCard,
  type ModelCard,
  type ModelCardContent,
} from '../../src/modelcard/index.js';
import { readModelCard } from '../../src/modelcard/read.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = new Date('2026-06-01T00:00:00Z');

const COMPLETE: ModelCardContent = {
  model_overview: {
    model_id: 'credit-scorer',
    model_name: 'credit-scorer',
    model_description: 'Scores consumer loan applications.',
    model_owner: 'risk-ml@example.com',
  },
  intended_uses: {
    intended_uses: 'Pre-screening of loan applications reviewed by an underwriter.',
    risk_rating: 'High',
    explanations_for_risk_rating: 'Creditworthiness of natural persons (EU AI Act Annex III 5(b)).',
  },
  training_details: { training_job_details: { training_datasets: ['s3://data/train/2025'] } },
  evaluation_details: [
    {
      name: 'holdout-2025',
      datasets: ['s3://data/holdout/2025'],
      evaluation_observation: 'AUC stable across age bands.',
      metric_groups: [{ name: 'quality', metric_data: [{ name: 'auc', type: 'number', value: 0.91 }] }],
    },
  ],
  additional_information: {
    ethical_considerations: 'Disparate impact monitored monthly.',
    caveats_and_recommendations: 'Not for mortgages.',
    custom_details: { last_reviewed: '2026-03-01' },
  },
};

const card = (content: ModelCardContent): ModelCard => ({ content });
const checks = (content: ModelCardContent, opts = {}): string[] =>
  validateModelCard(card(content), { now: NOW, ...opts })
    .filter((f) => f.level === 'error')
    .map((f) => f.check);

describe('validateModelCard', () => {
  it('finds nothing wrong with a complete card', () => {
    const findings = validateModelCard(card(COMPLETE), { now: NOW });
    expect(findings).toEqual([]);
    expect(isComplete(findings)).toBe(true);
  });

  it('flags an Unknown risk rating, a missing owner and missing evaluation metrics', () => {
    const c = structuredClone(COMPLETE);
    c.intended_uses!.risk_rating = 'Unknown';
    delete c.model_overview!.model_owner;
    c.evaluation_details![0]!.metric_groups = [];
    expect(checks(c)).toEqual(['owner', 'risk-rating', 'evaluation-metrics']);
  });

  it("accepts training observations instead of datasets for a provider's foundation model", () => {
    const c = structuredClone(COMPLETE);
    delete c.training_details;
    expect(checks(c)).toEqual(['training-datasets']);
    c.training_details = { training_observations: 'Trained by the provider; see its model card.' };
    expect(checks(c)).toEqual([]);
  });

  it('flags a review older than the cadence, and accepts it under a longer cadence', () => {
    expect(checks(COMPLETE, { reviewCadence: '30d' })).toEqual(['last-reviewed']);
    expect(checks(COMPLETE, { reviewCadence: '6m' })).toEqual([]);
    const c = structuredClone(COMPLETE);
    c.additional_information!.custom_details = { last_reviewed: 'last spring' };
    expect(checks(c)).toEqual(['last-reviewed']);
  });

  it('flags every TODO of the template, so an unfilled template is never complete', () => {
    const findings = validateModelCard(modelCardTemplate('m', NOW), { now: NOW });
    expect(isComplete(findings)).toBe(false);
    expect(findings.filter((f) => f.check === 'placeholder').map((f) => f.field)).toContain(
      'model_overview.model_owner',
    );
    expect(findings.map((f) => f.check)).toContain('risk-rating');
  });

  it('names the file line of a finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-mc-'));
    const file = join(dir, 'c.json');
    const c = structuredClone(COMPLETE);
    c.intended_uses!.risk_rating = 'Unknown';
    const text = JSON.stringify(c, null, 2);
    writeFileSync(file, text);
    const finding = validateModelCard(readModelCard(file), { now: NOW }).find(
      (f) => f.check === 'risk-rating',
    );
    expect(finding?.line).toBe(text.split('\n').findIndex((l) => l.includes('"risk_rating"')) + 1);
  });

  it('parses review cadences', () => {
    expect(parseReviewCadence('90d')).toBe(90);
    expect(parseReviewCadence('2w')).toBe(14);
    expect(parseReviewCadence('1y')).toBe(365);
    expect(parseReviewCadence(45)).toBe(45);
    expect(() => parseReviewCadence('soon')).toThrow(/review cadence/);
    expect(() => parseReviewCadence(0)).toThrow(/review cadence/);
  });
});

function roundTrip(content: ModelCardContent, via: 'markdown' | 'sagemaker'): ModelCardContent {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-rt-'));
  const file = join(dir, via === 'markdown' ? 'card.md' : 'card.json');
  writeFileSync(file, exportModelCard(card(content), via));
  return readModelCard(file).content;
}

describe('exportModelCard', () => {
  it('round-trips through Markdown and SageMaker JSON', () => {
    expect(roundTrip(COMPLETE, 'markdown')).toEqual(COMPLETE);
    expect(roundTrip(COMPLETE, 'sagemaker')).toEqual(COMPLETE);
    expect(roundTrip(roundTrip(COMPLETE, 'markdown'), 'sagemaker')).toEqual(COMPLETE);
    expect(roundTrip(modelCardTemplate('m', NOW).content, 'markdown')).toEqual(
      modelCardTemplate('m', NOW).content,
    );
  });

  it('puts long text in the body, the rest in front matter', () => {
    const md = exportModelCard(card(COMPLETE), 'markdown');
    expect(md).toMatch(/^---\n/);
    expect(md).toContain('\n# credit-scorer\n');
    expect(md).toContain(
      '## Intended uses\n\nPre-screening of loan applications reviewed by an underwriter.\n',
    );
    expect(md).toContain('## Evaluation: holdout-2025\n\nAUC stable across age bands.\n');
    expect(md).not.toContain('intended_uses: Pre-screening');
  });

  it('writes scope, EU AI Act tier and frameworks into custom_details', () => {
    const json = exportModelCard(card(COMPLETE), 'sagemaker', {
      governance: { scope: 3, euAiActTier: 'high', frameworks: ['nist-ai-rmf', 'iso-42001'] },
    });
    const out = parseModelCardContent(json).content;
    expect(out.additional_information?.custom_details).toEqual({
      last_reviewed: '2026-03-01',
      scoping_matrix_scope: '3',
      eu_ai_act_tier: 'high',
      framework_mappings: 'nist-ai-rmf,iso-42001',
    });
  });

  const textArb = fc.string({ maxLength: 120 });
  it('round-trips arbitrary free text through Markdown (property)', () => {
    fc.assert(
      fc.property(textArb, textArb, textArb, (description, uses, caveats) => {
        const content = modelCardContentSchema.parse({
          model_overview: { model_name: 'x', model_description: description },
          intended_uses: { intended_uses: uses },
          additional_information: { caveats_and_recommendations: caveats },
        });
        expect(roundTrip(content, 'markdown')).toEqual(content);
      }),
      { numRuns: 60 },
    );
  });
});
