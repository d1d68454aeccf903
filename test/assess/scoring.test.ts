import { describe, expect, it } from 'vitest';
import { phaseReached, nextPhase, frameworkScores, sectionOf } from '../../src/assess/scoring.js';
import { failsOn } from '../../src/assess/text.js';
import { remediationList } from '../../src/assess/remediation.js';
import type { Control } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/catalog/index.js';
import type { AssessmentReport, ControlResult, ControlStatus } from '../../src/assess/types.js';

const control = (id: string, phase: Control['phase'], extra: Partial<Control> = {}): Control => ({
  id,
  title: id,
  description: 'd',
  rationale: 'r',
  remediation: `fix ${id}`,
  layer: 'infrastructure',
  phase,
  didLayer: 1,
  scopes: [3],
  responsibility: {},
  owasp: [],
  references: {},
  checks: ['iac'],
  ...extra,
});
const res = (id: string, status: ControlStatus): ControlResult => ({ id, status, reason: '', evidence: [] });

describe('phaseReached', () => {
  const items = (f: ControlStatus, s: ControlStatus, i: ControlStatus) => [
    { control: control('f', 'foundational'), result: res('f', f) },
    { control: control('s', 'scaling'), result: res('s', s) },
    { control: control('i', 'industrialized'), result: res('i', i) },
  ];

  it('is the highest phase met together with every earlier one', () => {
    expect(phaseReached(items('met', 'met', 'met'))).toBe('industrialized');
    expect(phaseReached(items('met', 'attested', 'not-met'))).toBe('scaling');
    expect(phaseReached(items('met', 'unknown', 'met'))).toBe('foundational');
    expect(phaseReached(items('not-met', 'met', 'met'))).toBe('none');
  });

  it('ignores not-applicable controls', () => {
    expect(phaseReached(items('not-applicable', 'met', 'not-applicable'))).toBe('industrialized');
  });

  it('names the next phase to work towards', () => {
    expect(nextPhase('none')).toBe('foundational');
    expect(nextPhase('scaling')).toBe('industrialized');
    expect(nextPhase('industrialized')).toBeUndefined();
  });
});

describe('remediation', () => {
  it('orders by phase, then not-met before unknown, then severity; severity from failing rules', () => {
    const failing: ControlResult = {
      id: 'b',
      status: 'not-met',
      reason: '',
      evidence: [
        {
          kind: 'scan',
          status: 'fail',
          message: 'm',
          ruleId: 'crit_rule',
          resource: { address: 'x', file: 'f', line: 2 },
        },
      ],
    };
    const list = remediationList(
      [
        { control: control('late', 'scaling'), result: res('late', 'not-met') },
        { control: control('a', 'foundational'), result: res('a', 'unknown') },
        { control: control('b', 'foundational'), result: failing },
        { control: control('c', 'foundational'), result: res('c', 'not-met') },
        { control: control('ok', 'foundational'), result: res('ok', 'met') },
      ],
      (id) => (id === 'crit_rule' ? 'critical' : undefined),
    );
    expect(list.map((r) => r.control)).toEqual(['b', 'c', 'a', 'late']);
    expect(list[0]).toMatchObject({
      severity: 'critical',
      findings: [{ ruleId: 'crit_rule', line: 2 }],
      remediation: 'fix b',
    });
    expect(list[1]!.severity).toBe('high');
    expect(list[3]!.severity).toBe('medium');
  });
});

describe('frameworks and sections', () => {
  it('a requirement is met when every applicable control covering it is met; laws only when they apply', () => {
    const catalog = loadCatalog();
    const all = new Map(catalog.controls.map((c) => [c.id, res(c.id, 'met')]));
    const scores = frameworkScores(catalog, all, new Set(['GDPR']));
    expect(scores['gdpr']!.met).toBe(scores['gdpr']!.covered);
    expect(scores['hipaa-security']).toBeUndefined();
    expect(scores['nist-800-53-r5']).toBeDefined();
    const one = catalog.coverage('gdpr').requirements.find((r) => r.controls.length > 0)!;
    const broken = one.controls[0]!.id;
    all.set(broken, res(broken, 'not-met'));
    const touched = catalog
      .coverage('gdpr')
      .requirements.filter((r) => r.controls.some((c) => c.id === broken)).length;
    expect(touched).toBeGreaterThan(0);
    expect(frameworkScores(catalog, all, new Set(['GDPR']))['gdpr']!.met).toBe(scores['gdpr']!.met - touched);
  });

  it('splits sections by defense-in-depth layer', () => {
    expect(sectionOf(control('x', 'foundational', { didLayer: 2 }))).toBe('identity');
    expect(sectionOf(control('x', 'foundational', { didLayer: 7 }))).toBe('compliance');
    expect(sectionOf(control('x', 'foundational', { didLayer: 4 }))).toBe('security');
  });
});

describe('--fail-on', () => {
  const report = (
    phase: AssessmentReport['phaseReached'],
    severities: Array<['not-met' | 'unknown', 'low' | 'high']>,
  ) =>
    ({
      phaseReached: phase,
      remediation: severities.map(([status, severity]) => ({ status, severity })),
    }) as unknown as AssessmentReport;

  it('fails below a phase, or on a not-met control at or above a severity', () => {
    expect(failsOn(report('foundational', []), 'scaling')).toBe(true);
    expect(failsOn(report('scaling', []), 'scaling')).toBe(false);
    expect(failsOn(report('none', [['not-met', 'high']]), 'none')).toBe(false);
    expect(failsOn(report('none', [['not-met', 'high']]), 'critical')).toBe(false);
    expect(failsOn(report('none', [['not-met', 'high']]), 'medium')).toBe(true);
    expect(failsOn(report('none', [['unknown', 'high']]), 'low')).toBe(false);
  });
});
