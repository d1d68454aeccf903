import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { assess } from '../../src/assess/assess.js';
import type { AssessmentReport } from '../../src/assess/types.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const NOW = new Date('2026-11-22T00:00:00Z');
const PHASES = ['none', 'foundational', 'scaling', 'industrialized'];
const reports: Record<string, AssessmentReport> = {};

beforeAll(async () => {
  for (const name of [
    'bedrock-rag-chatbot/insecure',
    'bedrock-rag-chatbot/hardened',
    'sagemaker-pipeline/insecure',
    'sagemaker-pipeline/hardened',
    'credit-scoring',
  ])
    reports[name] = await assess(join(EXAMPLES, name), { now: NOW });
}, 120_000);

const status = (name: string, id: string) => reports[name]!.controls.find((c) => c.id === id)?.status;

describe('assessing the bundled examples end to end', () => {
  it('produces the JSON contract', () => {
    const r = reports['bedrock-rag-chatbot/hardened']!;
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    for (const key of [
      'system',
      'determinations',
      'phaseReached',
      'layers',
      'didLayers',
      'frameworks',
      'controls',
      'remediation',
    ])
      expect(json).toHaveProperty(key);
    expect(r.system).toMatchObject({ name: 'support-chatbot', scope: 3 });
    expect(r.system.scopeReason).toMatch(/pre-trained-model/);
    expect(r.determinations.regulations.map((x) => x.id)).toEqual(['GDPR', 'EU-AI-Act']);
    expect(r.determinations.euAiActTier).toBe('limited');
    expect(r.determinations.gpai).toBe(true);
    for (const f of Object.values(r.frameworks)) expect(f.met).toBeLessThanOrEqual(f.covered);
    for (const c of r.controls) expect(c.reason.length).toBeGreaterThan(0);
    expect(r.errors).toEqual([]);
  });

  it('hardened variants reach a higher phase than insecure ones', () => {
    for (const w of ['bedrock-rag-chatbot', 'sagemaker-pipeline']) {
      const insecure = reports[`${w}/insecure`]!;
      const hardened = reports[`${w}/hardened`]!;
      expect(PHASES.indexOf(hardened.phaseReached), w).toBeGreaterThan(PHASES.indexOf(insecure.phaseReached));
      const open = (r: AssessmentReport) =>
        r.remediation.filter((x) => x.phase === 'foundational' && x.status === 'not-met').length;
      expect(open(hardened)).toBeLessThan(open(insecure));
      const met = (r: AssessmentReport) =>
        r.controls.filter((c) => c.status === 'met' || c.status === 'attested').length;
      expect(met(hardened)).toBeGreaterThan(met(insecure));
    }
  });

  it("lists the insecure chatbot's guardrail and encryption controls as not met, with findings to fix", () => {
    const name = 'bedrock-rag-chatbot/insecure';
    for (const id of [
      'guardrail-attached-to-invocations',
      'guardrail-prompt-attack-filter',
      'guardrail-pii-filter',
      'knowledge-base-cmk-encryption',
      'data-bucket-tls-only',
    ])
      expect(status(name, id), id).toBe('not-met');
    const fix = reports[name]!.remediation.find((r) => r.control === 'guardrail-attached-to-invocations')!;
    expect(fix.phase).toBe('foundational');
    expect(fix.findings.length).toBeGreaterThan(0);
    expect(fix.findings[0]!.file).toMatch(/examples\/bedrock-rag-chatbot\/insecure\//);
    // The insecure chatbot has no guard policy: runtime-only protections are not met either.
    expect(status(name, 'output-handling-safe-rendering')).toBe('not-met');
  });

  it('the hardened chatbot meets its runtime controls through the guard policy', () => {
    const name = 'bedrock-rag-chatbot/hardened';
    for (const id of [
      'output-handling-safe-rendering',
      'system-prompt-leakage-protected',
      'indirect-prompt-injection-screening',
      'guardrail-pii-filter',
    ])
      expect(status(name, id), id).toBe('met');
    expect(status(name, 'ai-incident-response-plan')).toBe('attested');
  });

  it('flags governance gaps of the insecure SageMaker pipeline from its manifest and model card', () => {
    const name = 'sagemaker-pipeline/insecure';
    for (const id of ['data-residency-enforced', 'model-card-with-risk-rating', 'data-roles-assigned'])
      expect(status(name, id), id).toBe('not-met');
    const card = reports[name]!.controls.find((c) => c.id === 'model-card-with-risk-rating')!;
    expect(card.reason).toMatch(/risk_rating/);
  });

  it('the credit-scoring example is high risk with the high-risk-only controls and an expired attestation', () => {
    const r = reports['credit-scoring']!;
    expect(r.system.scope).toBe(5);
    expect(PHASES.indexOf(r.phaseReached)).toBeGreaterThan(
      PHASES.indexOf(reports['sagemaker-pipeline/insecure']!.phaseReached),
    );
    expect(r.determinations.euAiActTier).toBe('high');
    expect(r.determinations.euAiActReason).toMatch(/Annex III point 5\(b\)/);
    expect(status('credit-scoring', 'human-oversight-defined')).toBe('met');
    expect(status('credit-scoring', 'post-market-monitoring-plan')).not.toBe('not-applicable');
    expect(status('credit-scoring', 'high-risk-ai-conformity-assessed')).toBe('unknown');
    expect(r.warnings.join('\n')).toMatch(/high-risk-ai-conformity-assessed .* expired/);
    // Not generative: guardrail controls do not apply.
    expect(status('credit-scoring', 'guardrail-prompt-attack-filter')).toBe('not-applicable');
    const chatbot = reports['bedrock-rag-chatbot/hardened']!;
    const applicable = (x: AssessmentReport) =>
      x.controls.filter((c) => c.status !== 'not-applicable').length;
    expect(status('bedrock-rag-chatbot/hardened', 'human-oversight-defined')).toBe('not-applicable');
    expect(applicable(r)).toBeGreaterThan(0);
    expect(applicable(chatbot)).toBeGreaterThan(0);
  });
});
