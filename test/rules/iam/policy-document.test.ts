import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/resources/graph.js';
import { isUnknown } from '../../../src/resources/types.js';
import {
  appliesToAllResources,
  grantsAction,
  hasPublicPrincipal,
  iamPatternMatches,
  patternCoversWholeService,
  readPolicyDocument,
  type PolicyStatement,
} from '../../../src/rules/iam/policy-document.js';

const graph = buildGraph([]);

/** Reference semantics for IAM wildcards, built as an anchored regular expression over escaped text. */
function referenceMatch(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is').test(value);
}

const actionChars = fc.constantFrom('a', 'b', 'B', ':', '*', '?', '-');

function statementOf(value: unknown): PolicyStatement {
  const statements = readPolicyDocument(value, graph);
  if (statements === undefined || isUnknown(statements) || !statements[0])
    throw new Error('expected one statement');
  return statements[0];
}

describe('IAM pattern matching', () => {
  it('agrees with a regular-expression reference on random patterns', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: actionChars, maxLength: 12 }),
        fc.string({ unit: actionChars, maxLength: 12 }),
        (pattern, value) => {
          expect(iamPatternMatches(pattern, value)).toBe(referenceMatch(pattern, value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('stays fast on patterns made to backtrack', () => {
    const pattern = `${'*a'.repeat(2000)}b`;
    const value = 'a'.repeat(4000);
    expect(iamPatternMatches(pattern, value)).toBe(false);
  });

  it('tells service-wide wildcards from narrower ones', () => {
    expect(patternCoversWholeService('bedrock:*', 'bedrock')).toBe(true);
    expect(patternCoversWholeService('Bedrock:**', 'bedrock')).toBe(true);
    expect(patternCoversWholeService('bed*', 'bedrock')).toBe(true);
    expect(patternCoversWholeService('bedrock:Invoke*', 'bedrock')).toBe(false);
    expect(patternCoversWholeService('bedrock:*Model', 'bedrock')).toBe(false);
    expect(patternCoversWholeService('sagemaker:*', 'bedrock')).toBe(false);
    expect(patternCoversWholeService('s3:*', 's3')).toBe(true);
  });
});

describe('readPolicyDocument', () => {
  it('never throws on arbitrary JSON, as an object or as a string', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        readPolicyDocument(value, graph);
        readPolicyDocument(JSON.stringify(value), graph);
        readPolicyDocument({ Statement: value }, graph);
      }),
      { numRuns: 500 },
    );
  });

  it('reports text that is not JSON as unknown rather than guessing', () => {
    const result = readPolicyDocument('{"Statement": [', graph);
    expect(isUnknown(result)).toBe(true);
  });

  it('normalizes single values and lists alike', () => {
    const single = statementOf({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });
    const list = statementOf({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }] });
    expect(single.actions).toEqual(list.actions);
    expect(appliesToAllResources(single)).toBe(true);
  });

  it('treats NotAction as granting what it does not name', () => {
    const s = statementOf({ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } });
    expect(grantsAction(s, 'bedrock:InvokeModel')).toBe(true);
    expect(grantsAction(s, 'iam:PassRole')).toBe(false);
  });

  it('recognizes the public principal in its written forms', () => {
    expect(hasPublicPrincipal(statementOf({ Statement: { Effect: 'Allow', Principal: '*' } }))).toBe(true);
    expect(
      hasPublicPrincipal(
        statementOf({ Statement: { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', '*'] } } }),
      ),
    ).toBe(true);
    expect(
      hasPublicPrincipal(
        statementOf({ Statement: { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } } }),
      ),
    ).toBe(false);
  });
});
