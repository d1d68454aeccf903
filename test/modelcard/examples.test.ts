import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customizationLookup, governanceFromManifest } from '../../src/cli/commands/modelcard.js';
import {
  exportModelCard,
  GOVERNANCE_DETAIL_KEYS,
  isComplete,
  parseModelCardContent,
  readModelCard,
  validateModelCard,
} from '../../src/modelcard/index.js';

const ROOT = join(import.meta.dirname, '../..');
// The examples' cards were last reviewed in October 2026; pin the date so the review cadence does not expire them.
const NOW = new Date('2026-11-22T00:00:00Z');

const cardsIn = (example: string): string[] => {
  const dir = join(ROOT, 'examples', example, 'model-cards');
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml|md)$/.test(f))
    .map((f) => join(dir, f));
};

const errorsOf = (file: string): string[] =>
  validateModelCard(readModelCard(file), { now: NOW })
    .filter((f) => f.level === 'error')
    .map((f) => `${f.field}: ${f.message}`);

describe('model cards of the examples', () => {
  const complete = ['bedrock-rag-chatbot/hardened', 'sagemaker-pipeline/hardened', 'credit-scoring'].flatMap(
    cardsIn,
  );
  const incomplete = ['sagemaker-pipeline/insecure'].flatMap(cardsIn);

  it('finds the cards', () => {
    expect(complete.length).toBeGreaterThanOrEqual(4);
    expect(incomplete.length).toBeGreaterThanOrEqual(1);
  });

  it.each(complete.map((f) => [f.slice(ROOT.length + 1), f]))('%s validates as complete', (_name, file) => {
    expect(errorsOf(file)).toEqual([]);
  });

  it.each(incomplete.map((f) => [f.slice(ROOT.length + 1), f]))('%s does not validate', (_name, file) => {
    expect(isComplete(validateModelCard(readModelCard(file), { now: NOW }))).toBe(false);
  });

  it("accepts a provider's foundation model whose card says where its training is documented, not an empty one", () => {
    const llm = readModelCard(
      join(ROOT, 'examples/bedrock-rag-chatbot/hardened/model-cards/support-llm.json'),
    );
    const withoutObservations = {
      ...llm,
      content: {
        ...llm.content,
        training_details: { ...llm.content.training_details, training_observations: ' ' },
      },
    };
    expect(validateModelCard(withoutObservations, { now: NOW }).map((f) => f.check)).toContain(
      'training-datasets',
    );
  });

  it('credit-scoring: exporting with the manifest governance keeps one key per detail (no duplicate scope)', () => {
    const file = join(ROOT, 'examples/credit-scoring/model-cards/credit-risk-xgboost.json');
    const before = readModelCard(file).content.additional_information?.custom_details ?? {};
    const governance = governanceFromManifest(join(ROOT, 'examples/credit-scoring'));
    const exported = parseModelCardContent(
      exportModelCard(readModelCard(file), 'sagemaker', { governance }),
    ).content;
    const after = exported.additional_information?.custom_details ?? {};
    // Whatever the card already said is what the export writes, under the same names.
    for (const [key, value] of Object.entries(before)) expect(after[key], key).toBe(value);
    expect(Object.keys(after).sort()).toEqual(
      [
        ...new Set([
          ...Object.keys(before),
          GOVERNANCE_DETAIL_KEYS.scope,
          GOVERNANCE_DETAIL_KEYS.euAiActTier,
          GOVERNANCE_DETAIL_KEYS.frameworks,
        ]),
      ].sort(),
    );
    expect(after).not.toHaveProperty('scope');
  });

  it('with the manifest, a model trained by its owner must list its datasets; observations alone do not do', () => {
    const file = join(ROOT, 'examples/credit-scoring/model-cards/credit-risk-xgboost.json');
    const card = readModelCard(file);
    const customization = customizationLookup(join(ROOT, 'examples/credit-scoring'))(file, card);
    expect(customization).toBe('self-trained');
    const onlyObservations = {
      ...card,
      content: {
        ...card.content,
        training_details: {
          training_observations: 'Trained in-house on the loan book; see the pipeline run.',
        },
      },
    };
    expect(isComplete(validateModelCard(onlyObservations, { now: NOW }))).toBe(true);
    const findings = validateModelCard(onlyObservations, { now: NOW, customization });
    expect(findings.find((f) => f.check === 'training-datasets')?.message).toMatch(
      /self-trained according to the manifest/,
    );
    expect(isComplete(validateModelCard(card, { now: NOW, customization }))).toBe(true);
  });

  it('matches the Bedrock cards to models used unchanged, which may point to the provider instead', () => {
    const dir = join(ROOT, 'examples/bedrock-rag-chatbot/hardened');
    const lookup = customizationLookup(dir);
    for (const file of cardsIn('bedrock-rag-chatbot/hardened')) {
      const card = readModelCard(file);
      expect(lookup(file, card), file).toBe('none');
      expect(errorsOf(file)).toEqual([]);
      expect(isComplete(validateModelCard(card, { now: NOW, customization: 'none' }))).toBe(true);
      expect(isComplete(validateModelCard(card, { now: NOW, customization: 'fine-tuned' }))).toBe(false);
    }
  });
});
