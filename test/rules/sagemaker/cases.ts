/**
 * Table-driven rule tests shared by the AI-workload rule suites: each case loads CloudFormation or
 * Terraform text through the real loaders and states the status expected for every resource the rule
 * reports on (an empty map: the rule reports nothing).
 */
import { describe, expect, it } from 'vitest';
import type { Rule, RuleContext, RuleStatus } from '../../../src/rules/types.js';
import { evaluateRuleOn, type IacTextFormat } from '../../helpers/evaluate.js';

export interface RuleCase {
  name: string;
  format: IacTextFormat;
  source: string;
  expected: Record<string, RuleStatus>;
  workload?: RuleContext['workload'];
  /** Text every message (or the one message) must contain, besides the resource address. */
  messageIncludes?: string;
}

/** A CloudFormation template (JSON) from a map of logical id to resource. */
export function cfn(
  resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources });
}

export const ref = (id: string): { Ref: string } => ({ Ref: id });
export const getAtt = (id: string, attr: string): { 'Fn::GetAtt': [string, string] } => ({
  'Fn::GetAtt': [id, attr],
});

export function runRuleCases(rule: Rule, cases: RuleCase[]): void {
  describe(rule.id, () => {
    for (const c of cases) {
      it(`${c.format}: ${c.name}`, async () => {
        const outcomes = await evaluateRuleOn(rule, c.source, c.format, undefined, c.workload);
        expect(Object.fromEntries(outcomes.map((o) => [o.address, o.status]))).toEqual(c.expected);
        for (const o of outcomes) {
          expect(o.message).toContain(o.address);
          if (c.messageIncludes) expect(o.message).toContain(c.messageIncludes);
        }
      });
    }
    it('has pass, fail and not-applicable cases in every format it supports', () => {
      for (const format of ['cloudformation', 'terraform'] as const) {
        if (rule.resourceTypes[format].length === 0) continue;
        const statuses = cases.filter((c) => c.format === format).map((c) => Object.values(c.expected));
        expect(
          statuses.some((s) => s.includes('pass')),
          `${format} pass case`,
        ).toBe(true);
        expect(
          statuses.some((s) => s.includes('fail')),
          `${format} fail case`,
        ).toBe(true);
        expect(
          statuses.some((s) => s.length === 0 || s.includes('not_applicable')),
          `${format} not-applicable case`,
        ).toBe(true);
      }
    });
  });
}
