import { describe, expect, it } from 'vitest';
import { toAssessText } from '../../src/assess/text.js';
import type { AssessmentReport } from '../../src/assess/types.js';

const cell = (met: number, applicable: number) => ({ met, applicable });
const phases = (a: number, b: number, c: number) => ({
  foundational: cell(a, 4),
  scaling: cell(b, 4),
  industrialized: cell(c, 4),
});

function report(name: string): AssessmentReport {
  return {
    version: '0.0.0',
    generatedAt: '2026-11-22T00:00:00.000Z',
    system: { name, owner: 'o@example.com', scope: 3, scopeReason: 'declared scope: 3', responsibility: {} },
    determinations: {
      regulations: [{ id: 'GDPR', triggers: ['dataSubjects.euResidents: true'] }],
      euAiActTier: 'limited',
      euAiActReason: 'Art. 50',
      gpai: true,
    },
    phaseReached: 'foundational',
    layers: {
      infrastructure: phases(4, 3, 0),
      'identity-data': phases(4, 4, 1),
      'ai-application': phases(4, 2, 2),
    },
    didLayers: {
      '1': cell(1, 2),
      '2': cell(0, 0),
      '3': cell(2, 2),
      '4': cell(0, 1),
      '5': cell(0, 0),
      '6': cell(0, 0),
      '7': cell(3, 4),
    },
    frameworks: { soc2: { covered: 10, met: 7, total: 53 } },
    owasp: {},
    sections: {
      security: { ...cell(3, 5), controls: [] },
      compliance: { ...cell(3, 4), controls: [] },
      identity: { ...cell(0, 1), controls: [] },
    },
    controls: [
      { id: 'a', status: 'met', reason: 'r', evidence: [] },
      { id: 'b', status: 'not-met', reason: 'r', evidence: [] },
    ],
    remediation: [
      {
        control: 'b',
        title: 'B <title>',
        status: 'not-met',
        severity: 'high',
        phase: 'scaling',
        remediation: 'fix it',
        findings: [{ ruleId: 'rule_x', address: 'res', file: 't.yaml', line: 9 }],
      },
    ],
    warnings: ['aigis.yaml: something to know'],
    errors: [],
    inputs: [],
  };
}

describe('terminal summary', () => {
  const text = toAssessText(report('chatbot'), { color: false });

  it('shows the determinations, the phase and the layer x phase heat map', () => {
    expect(text).toMatch(/phase reached\s+foundational/);
    expect(text).toMatch(/EU AI Act\s+limited risk, builds on a general-purpose AI model/);
    expect(text).toMatch(/Infrastructure\s+4\/4\s+3\/4\s+0\/4/);
    expect(text).toMatch(/soc2\s+7 \/\s+10 \/\s+53/);
  });

  it('lists what to fix for the next phase with its findings, and the warnings', () => {
    expect(text).toMatch(/Fix first \(to reach scaling\): 1 control/);
    expect(text).toMatch(/HIGH\s+b/);
    expect(text).toContain('rule_x res t.yaml:9');
    expect(text).toContain('warning: aigis.yaml: something to know');
  });

  it('colours only when asked', () => {
    expect(/\x1b\[/.test(text)).toBe(false);
  });
});
