import { describe, expect, it } from 'vitest';
import { applicability } from '../../src/assess/conditions.js';
import { controlStatus } from '../../src/assess/status.js';
import type { Control } from '../../src/catalog/index.js';
import type { ScanResult } from '../../src/scan/index.js';
import { loadPolicy } from '../../src/guard/policy/index.js';
import { contextOf, manifestOf } from './helpers.js';

const llm = { id: 'llm', provider: 'amazon-bedrock', modelId: 'anthropic.claude-3-haiku' };
const selfTrained = {
  id: 'xgb',
  provider: 'sagemaker',
  modelId: 'xgb',
  customization: 'self-trained',
  trainingDatasets: ['apps'],
};

function applicableIds(input: Record<string, unknown>): string[] {
  const ctx = contextOf(manifestOf(input));
  return ctx.catalog.controls.filter((c) => applicability(c, ctx).applies).map((c) => c.id);
}

describe('applicability', () => {
  const scope1 = applicableIds({ scope: { answer: 'consumer-app' }, models: [llm] });
  const scope5HighRisk = applicableIds({
    scope: { answer: 'self-trained-model' },
    models: [selfTrained],
    datasets: [{ id: 'apps', classification: ['pii'] }],
    dataSubjects: { euResidents: true },
    useCase: { domain: 'credit' },
  });

  it('gives a scope 1 system few controls and a scope 5 high-risk system many', () => {
    expect(scope1.length).toBeGreaterThan(0);
    expect(scope1.length).toBeLessThan(25);
    expect(scope5HighRisk.length).toBeGreaterThan(3 * scope1.length);
  });

  it('applies training-data controls only at scopes 4-5', () => {
    for (const id of [
      'data-lineage-recorded',
      'training-data-cmk-encryption',
      'pii-discovery-before-training',
    ]) {
      expect(scope1).not.toContain(id);
      expect(scope5HighRisk).toContain(id);
    }
  });

  it('applies high-risk-only controls only to EU AI Act high-risk systems', () => {
    const minimal = applicableIds({
      scope: { answer: 'self-trained-model' },
      models: [selfTrained],
      datasets: [{ id: 'apps', classification: ['internal'] }],
      dataSubjects: { euResidents: true },
    });
    for (const id of [
      'human-oversight-defined',
      'post-market-monitoring-plan',
      'high-risk-ai-conformity-assessed',
    ]) {
      expect(scope5HighRisk).toContain(id);
      expect(minimal).not.toContain(id);
    }
  });

  it('applies GDPR controls only under GDPR', () => {
    const us = applicableIds({ scope: 3, models: [llm], dataSubjects: { jurisdictions: ['US'] } });
    const eu = applicableIds({ scope: 3, models: [llm], dataSubjects: { jurisdictions: ['DE'] } });
    expect(us).not.toContain('records-of-processing-updated');
    expect(eu).toContain('records-of-processing-updated');
  });

  it('gives the reason a control does not apply', () => {
    const ctx = contextOf(manifestOf({ scope: 3, models: [llm] }));
    const byScope = applicability(ctx.catalog.requireControl('training-data-cmk-encryption'), ctx);
    expect(byScope).toEqual({ applies: false, reason: 'applies at scopes 4, 5; this system is scope 3' });
    const agent = applicability(ctx.catalog.requireControl('agent-tool-allowlist'), ctx);
    expect(agent.applies).toBe(false);
    expect(agent.reason).toMatch(/no agent/);
  });
});

function result(status: ScanResult['status'], ruleId = 'rule_a'): ScanResult {
  return {
    ruleId,
    title: ruleId,
    severity: 'high',
    status,
    message: `${ruleId} ${status}`,
    resource: { address: 'r', type: 'AWS::S3::Bucket', name: 'r', file: 't.yaml', line: 3 },
    controls: [],
    equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  };
}

describe('control status', () => {
  const ctx = contextOf(manifestOf({ scope: 3, models: [llm], useCase: { interactsWithPeople: true } }));
  const control = (id: string): Control => ctx.catalog.requireControl(id);
  const status = (id: string, results: ScanResult[], extra: Partial<typeof ctx> = {}) =>
    controlStatus({ control: control(id), ctx: { ...ctx, ...extra }, results, rules: [], governance: [] });

  it('an iac control is met when every mapped result passes, not-met when one fails, unknown when unknown', () => {
    expect(status('data-bucket-tls-only', [result('pass'), result('pass')]).status).toBe('met');
    const failed = status('data-bucket-tls-only', [result('pass'), result('fail', 'rule_b')]);
    expect(failed.status).toBe('not-met');
    expect(failed.reason).toContain('rule_b fail');
    expect(status('data-bucket-tls-only', [result('unknown')]).status).toBe('unknown');
    expect(status('data-bucket-tls-only', [result('suppressed')]).status).toBe('unknown');
  });

  it('a runtime control without a guard policy is not met; with one it follows the policy', () => {
    expect(status('guardrail-prompt-attack-filter', []).status).toBe('not-met');
    const strict = loadPolicy('strict');
    expect(status('guardrail-prompt-attack-filter', [], { policy: strict }).status).toBe('met');
    const weak = loadPolicy({
      contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'LOW' }] },
    });
    expect(status('guardrail-prompt-attack-filter', [], { policy: weak }).status).toBe('not-met');
  });

  it('a Bedrock guardrail in the template is an alternative to the guard policy', () => {
    expect(status('guardrail-prompt-attack-filter', [result('pass')]).status).toBe('met');
    expect(
      status('guardrail-prompt-attack-filter', [result('fail')], { policy: loadPolicy('strict') }).status,
    ).toBe('met');
  });

  it('the PII filter must cover the PII types the workload holds', () => {
    const withPii = contextOf(
      manifestOf({
        scope: 3,
        models: [llm],
        datasets: [{ id: 'd', classification: ['pii'], piiEntities: ['EMAIL', 'US_PASSPORT_NUMBER'] }],
      }),
    );
    const policy = loadPolicy({
      sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE' }] },
    });
    const r = controlStatus({
      control: control('guardrail-pii-filter'),
      ctx: { ...withPii, policy },
      results: [],
      rules: [],
      governance: [],
    });
    expect(r.status).toBe('not-met');
    expect(r.reason).toContain('US_PASSPORT_NUMBER');
  });

  it('attestations: valid ones attest, expired ones count as missing, failures stay not-met', () => {
    const attest = (expires: string) =>
      contextOf(
        manifestOf({
          scope: 3,
          models: [llm],
          attestations: [{ control: 'ai-policy-established', by: 'ciso', date: '2026-01-01', expires }],
        }),
      );
    const valid = controlStatus({
      control: control('ai-policy-established'),
      ctx: attest('2027-01-01'),
      results: [],
      rules: [],
      governance: [],
    });
    expect(valid.status).toBe('attested');
    const expired = controlStatus({
      control: control('ai-policy-established'),
      ctx: attest('2026-06-01'),
      results: [],
      rules: [],
      governance: [],
    });
    expect(expired.status).toBe('unknown');
    expect(expired.evidence.some((e) => e.message.includes('expired'))).toBe(true);
    const failing = contextOf(
      manifestOf({
        scope: 3,
        models: [llm],
        attestations: [{ control: 'data-bucket-tls-only', by: 'x', date: '2026-01-01' }],
      }),
    );
    expect(
      controlStatus({
        control: control('data-bucket-tls-only'),
        ctx: failing,
        results: [result('fail')],
        rules: [],
        governance: [],
      }).status,
    ).toBe('not-met');
  });

  it('a control whose rules saw no resource is not applicable; one without rules or evidence is unknown', () => {
    const scanned = { ...ctx, scan: { results: [] } as never };
    const rule = { id: 'api_rule' } as never;
    const r = controlStatus({
      control: control('ai-api-authorizer-required'),
      ctx: scanned,
      results: [],
      rules: [rule],
      governance: [],
    });
    expect(r.status).toBe('not-applicable');
    expect(r.reason).toContain('api_rule');
    expect(status('ai-policy-established', []).status).toBe('unknown');
  });
});
