import { describe, expect, it } from 'vitest';
import { determineEuAiAct, determineRegulations, isGenerative } from '../../src/assess/regulations.js';
import { determineScope, responsibilityAt } from '../../src/assess/scope.js';
import { loadCatalog } from '../../src/catalog/index.js';
import { manifestOf } from './helpers.js';

const model = (extra: Record<string, unknown> = {}) => ({
  id: 'm',
  provider: 'amazon-bedrock',
  modelId: 'anthropic.claude-3-haiku',
  ...extra,
});

describe('scope', () => {
  it.each([
    ['consumer-app', 1],
    ['enterprise-app', 2],
    ['pre-trained-model', 3],
    ['fine-tuned-model', 4],
    ['self-trained-model', 5],
  ] as const)('answer %s is scope %i', (answer, scope) => {
    const customization = scope === 4 ? 'fine-tuned' : scope === 5 ? 'self-trained' : 'none';
    const d = determineScope(manifestOf({ scope: { answer }, models: [model({ customization })] }));
    expect(d.scope).toBe(scope);
    expect(d.reason).toContain(answer);
    expect(d.warning).toBeUndefined();
  });

  it.each([1, 2, 3] as const)('a declared scope %i with uncustomised models stands', (scope) => {
    expect(determineScope(manifestOf({ scope, models: [model()] })).scope).toBe(scope);
  });

  it('derives scope 5 from a self-trained model, 4 from a fine-tuned one, 3 from provided models', () => {
    expect(determineScope(manifestOf({ models: [model({ customization: 'self-trained' })] })).scope).toBe(5);
    expect(
      determineScope(manifestOf({ models: [model({ customization: 'continued-pretraining' })] })).scope,
    ).toBe(4);
    const provided = determineScope(manifestOf({ models: [model()] }));
    expect(provided.scope).toBe(3);
    expect(provided.reason).toMatch(/derived/);
  });

  it('warns when the declared scope contradicts a customised model, and the derived scope wins', () => {
    const d = determineScope(manifestOf({ scope: 1, models: [model({ customization: 'fine-tuned' })] }));
    expect(d.scope).toBe(4);
    expect(d.warning).toMatch(/contradicts/);
    expect(d.warning).toMatch(/fine-tuned/);
  });

  it('warns when scope 5 is declared but no model is customised', () => {
    const d = determineScope(manifestOf({ scope: { answer: 'self-trained-model' }, models: [model()] }));
    expect(d.scope).toBe(3);
    expect(d.warning).toBeDefined();
  });

  it('assumes scope 3 with a warning when nothing is declared', () => {
    const d = determineScope(manifestOf({}));
    expect(d).toMatchObject({ scope: 3 });
    expect(d.warning).toBeDefined();
  });

  it('takes the responsibility split from the scoping matrix data', () => {
    const catalog = loadCatalog();
    expect(responsibilityAt(catalog, 1)['model']).toBe('aws');
    expect(responsibilityAt(catalog, 5)['model']).toBe('customer');
    expect(responsibilityAt(catalog, 4)['training-data']).toBe('customer');
  });
});

describe('regulations', () => {
  const ids = (input: Record<string, unknown>) => determineRegulations(manifestOf(input)).map((r) => r.id);

  it('finds none for a plain internal system', () => {
    expect(ids({ datasets: [{ id: 'd', classification: ['internal'] }] })).toEqual([]);
  });

  it('HIPAA from PHI data or a covered entity, naming the field', () => {
    const phi = determineRegulations(manifestOf({ datasets: [{ id: 'notes', classification: ['phi'] }] }));
    expect(phi).toEqual([{ id: 'HIPAA', triggers: ['datasets[0].classification: phi (notes)'] }]);
    expect(ids({ useCase: { coveredEntityOrBusinessAssociate: true } })).toEqual(['HIPAA']);
  });

  it('GDPR from EU residents or an EU/EEA jurisdiction, and the EU AI Act only for EU ones', () => {
    expect(ids({ dataSubjects: { euResidents: true } })).toEqual(['GDPR', 'EU-AI-Act']);
    expect(ids({ dataSubjects: { jurisdictions: ['fr'] } })).toEqual(['GDPR', 'EU-AI-Act']);
    expect(ids({ dataSubjects: { jurisdictions: ['NO'] } })).toEqual(['GDPR']);
    expect(ids({ dataSubjects: { jurisdictions: ['US'] } })).toEqual([]);
  });

  it('lists the PII datasets of EU subjects as GDPR triggers', () => {
    const [gdpr] = determineRegulations(
      manifestOf({ dataSubjects: { euResidents: true }, datasets: [{ id: 'crm', classification: ['pii'] }] }),
    );
    expect(gdpr!.triggers).toContain('datasets[0].classification: pii (crm)');
  });

  it('PCI DSS from payment card data or processing', () => {
    expect(ids({ datasets: [{ id: 'p', classification: ['payment-card'] }] })).toEqual(['PCI-DSS']);
    expect(ids({ useCase: { processesPaymentCards: true } })).toEqual(['PCI-DSS']);
  });

  it('the EU AI Act when placed on the EU market', () => {
    const regs = determineRegulations(manifestOf({ useCase: { placedOnEuMarket: true } }));
    expect(regs).toEqual([{ id: 'EU-AI-Act', triggers: ['useCase.placedOnEuMarket: true'] }]);
  });
});

describe('EU AI Act tier', () => {
  const tier = (useCase: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const m = manifestOf({ useCase, dataSubjects: { euResidents: true }, ...extra });
    return determineEuAiAct(m, determineRegulations(m));
  };

  it('prohibited for an Art. 5 practice, even in a high-risk domain', () => {
    const d = tier({ domain: 'employment', prohibitedPractices: ['social-scoring'] });
    expect(d.tier).toBe('prohibited');
    expect(d.reason).toMatch(/Art\. 5.*social-scoring/);
  });

  it.each([
    'employment',
    'credit',
    'insurance',
    'education',
    'biometrics',
    'critical-infrastructure',
    'law-enforcement',
    'migration',
    'justice',
    'democratic-processes',
  ])('high risk for the Annex III area %s', (domain) => {
    const d = tier({ domain });
    expect(d.tier).toBe('high');
    expect(d.reason).toMatch(/Annex III/);
  });

  it('high risk for an Annex I product', () => {
    expect(tier({ domain: 'medical', annexIProduct: true }).tier).toBe('high');
  });

  it('limited for chat or synthetic content, minimal otherwise', () => {
    expect(tier({ interactsWithPeople: true }).tier).toBe('limited');
    expect(tier({ generatesSyntheticContent: true }).tier).toBe('limited');
    expect(tier({ domain: 'medical' }).tier).toBe('minimal');
  });

  it('says when the Act does not apply', () => {
    const m = manifestOf({ useCase: { domain: 'credit' } });
    const d = determineEuAiAct(m, determineRegulations(m));
    expect(d.tier).toBe('high');
    expect(d.reason).toMatch(/does not apply/);
  });

  it('flags general-purpose AI models: declared, or hosted LLMs but not embeddings', () => {
    const gpai = (models: unknown[]) => tier({}, { models }).gpai;
    expect(gpai([model()])).toBe(true);
    expect(gpai([model({ modelId: 'amazon.titan-embed-text-v2:0' })])).toBe(false);
    expect(gpai([model({ generalPurpose: false })])).toBe(false);
    expect(gpai([{ id: 'x', provider: 'sagemaker', modelId: 'xgb', generalPurpose: true }])).toBe(true);
    expect(gpai([{ id: 'x', provider: 'sagemaker', modelId: 'xgb' }])).toBe(false);
  });

  it('a generative system is declared or follows from the models and use', () => {
    expect(isGenerative(manifestOf({ models: [{ id: 'x', provider: 'sagemaker', modelId: 'xgb' }] }))).toBe(
      false,
    );
    expect(isGenerative(manifestOf({ models: [model()] }))).toBe(true);
    expect(isGenerative(manifestOf({ models: [model()], useCase: { generativeAI: false } }))).toBe(false);
  });
});
