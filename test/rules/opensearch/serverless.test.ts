import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opensearchServerlessAccessPolicyNoWildcards } from '../../../src/rules/opensearch/opensearch_serverless_access_policy_no_wildcards.js';
import { opensearchServerlessCollectionCmk } from '../../../src/rules/opensearch/opensearch_serverless_collection_cmk.js';
import { opensearchServerlessCollectionNotPublic } from '../../../src/rules/opensearch/opensearch_serverless_collection_not_public.js';
import { globMatch } from '../../../src/rules/opensearch/policies.js';
import { cfn, runRuleCases } from '../sagemaker/cases.js';

const C = 'AWS::OpenSearchServerless::Collection.Collection';
const TF_C = 'aws_opensearchserverless_collection.c';
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const withPolicies = (
  policies: Array<{ type: 'encryption' | 'network'; policy: unknown }>,
  name = 'kb-vectors',
) =>
  cfn({
    Collection: {
      Type: 'AWS::OpenSearchServerless::Collection',
      Properties: { Name: name, Type: 'VECTORSEARCH' },
    },
    ...Object.fromEntries(
      policies.map((p, i) => [
        `Policy${i}`,
        {
          Type: 'AWS::OpenSearchServerless::SecurityPolicy',
          Properties: { Name: `p${i}`, Type: p.type, Policy: JSON.stringify(p.policy) },
        },
      ]),
    ),
  });
const rules = (...resources: string[]) => [{ ResourceType: 'collection', Resource: resources }];
const tfCollection = (policies: string) => `
variable "collection" {
  default = "kb-vectors"
}
resource "aws_kms_key" "k" {}
resource "aws_opensearchserverless_collection" "c" {
  name = var.collection
  type = "VECTORSEARCH"
}
${policies}`;
const tfPolicy = (name: string, type: string, body: string) =>
  `resource "aws_opensearchserverless_security_policy" "${name}" {\n name = "${name}"\n type = "${type}"\n policy = jsonencode(${body})\n}`;

runRuleCases(opensearchServerlessCollectionCmk, [
  {
    name: 'prefix pattern with CMK',
    format: 'cloudformation',
    source: withPolicies([
      {
        type: 'encryption',
        policy: {
          Rules: rules('collection/kb-*'),
          AWSOwnedKey: false,
          KmsARN: 'arn:aws:kms:us-east-1:1:key/k',
        },
      },
    ]),
    expected: { [C]: 'pass' },
  },
  {
    name: 'AWS owned key',
    format: 'cloudformation',
    source: withPolicies([
      { type: 'encryption', policy: { Rules: rules('collection/kb-vectors'), AWSOwnedKey: true } },
    ]),
    expected: { [C]: 'fail' },
  },
  {
    name: 'policy for another collection only',
    format: 'cloudformation',
    source: withPolicies([
      { type: 'encryption', policy: { Rules: rules('collection/logs-*'), AWSOwnedKey: true } },
    ]),
    expected: { [C]: 'unknown' },
  },
  { name: 'no collection', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'CMK through a variable name',
    format: 'terraform',
    source: tfCollection(
      tfPolicy(
        'enc',
        'encryption',
        '{ Rules = [{ ResourceType = "collection", Resource = ["collection/${var.collection}"] }], AWSOwnedKey = false, KmsARN = aws_kms_key.k.arn }',
      ),
    ),
    expected: { [TF_C]: 'pass' },
  },
  {
    name: 'AWS owned key',
    format: 'terraform',
    source: tfCollection(
      tfPolicy(
        'enc',
        'encryption',
        '{ Rules = [{ ResourceType = "collection", Resource = ["collection/*"] }], AWSOwnedKey = true }',
      ),
    ),
    expected: { [TF_C]: 'fail' },
  },
  { name: 'no collection', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(opensearchServerlessCollectionNotPublic, [
  {
    name: 'VPC endpoint only',
    format: 'cloudformation',
    source: withPolicies([
      {
        type: 'network',
        policy: [{ Rules: rules('collection/kb-vectors'), AllowFromPublic: false, SourceVPCEs: ['vpce-1'] }],
      },
    ]),
    expected: { [C]: 'pass' },
  },
  {
    name: 'public for the collection in a second entry',
    format: 'cloudformation',
    source: withPolicies([
      {
        type: 'network',
        policy: [
          {
            Rules: [{ ResourceType: 'dashboard', Resource: ['collection/kb-vectors'] }],
            AllowFromPublic: true,
          },
          { Rules: rules('collection/kb*'), AllowFromPublic: true },
        ],
      },
    ]),
    expected: { [C]: 'fail' },
  },
  {
    name: 'no network policy in the scan',
    format: 'cloudformation',
    source: withPolicies([]),
    expected: { [C]: 'unknown' },
  },
  { name: 'no collection', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'private',
    format: 'terraform',
    source: tfCollection(
      tfPolicy(
        'net',
        'network',
        '[{ Rules = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }], AllowFromPublic = false, SourceServices = ["bedrock.amazonaws.com"] }]',
      ),
    ),
    expected: { [TF_C]: 'pass' },
  },
  {
    name: 'public',
    format: 'terraform',
    source: tfCollection(
      tfPolicy(
        'net',
        'network',
        '[{ Rules = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }], AllowFromPublic = true }]',
      ),
    ),
    expected: { [TF_C]: 'fail' },
  },
  { name: 'no collection', format: 'terraform', source: noneTf, expected: {} },
]);

const AP = 'AWS::OpenSearchServerless::AccessPolicy.Access';
const accessPolicy = (policy: unknown, type = 'data') =>
  cfn({
    Access: {
      Type: 'AWS::OpenSearchServerless::AccessPolicy',
      Properties: { Name: 'a', Type: type, Policy: JSON.stringify(policy) },
    },
  });
const entry = (principal: string[], permission: string[]) => [
  {
    Rules: [{ ResourceType: 'index', Resource: ['index/kb-vectors/*'], Permission: permission }],
    Principal: principal,
  },
];
const tfAccess = (body: string) =>
  `resource "aws_opensearchserverless_access_policy" "a" {\n name = "a"\n type = "data"\n policy = jsonencode(${body})\n}`;
runRuleCases(opensearchServerlessAccessPolicyNoWildcards, [
  {
    name: 'named role, listed permissions',
    format: 'cloudformation',
    source: accessPolicy(entry(['arn:aws:iam::1:role/kb'], ['aoss:ReadDocument', 'aoss:WriteDocument'])),
    expected: { [AP]: 'pass' },
  },
  {
    name: 'wildcard principal',
    format: 'cloudformation',
    source: accessPolicy(entry(['*'], ['aoss:ReadDocument'])),
    expected: { [AP]: 'fail' },
    messageIncludes: 'principal "*"',
  },
  {
    name: 'aoss:*',
    format: 'cloudformation',
    source: accessPolicy(entry(['arn:aws:iam::1:role/kb'], ['aoss:*'])),
    expected: { [AP]: 'fail' },
  },
  { name: 'no access policy', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'named role',
    format: 'terraform',
    source: tfAccess(
      '[{ Rules = [{ ResourceType = "index", Resource = ["index/kb/*"], Permission = ["aoss:ReadDocument"] }], Principal = ["arn:aws:iam::1:role/kb"] }]',
    ),
    expected: { 'aws_opensearchserverless_access_policy.a': 'pass' },
  },
  {
    name: 'aoss:* on collections',
    format: 'terraform',
    source: tfAccess(
      '[{ Rules = [{ ResourceType = "collection", Resource = ["collection/kb"], Permission = ["aoss:*"] }], Principal = ["arn:aws:iam::1:role/kb"] }]',
    ),
    expected: { 'aws_opensearchserverless_access_policy.a': 'fail' },
  },
  { name: 'no access policy', format: 'terraform', source: noneTf, expected: {} },
]);

describe('globMatch', () => {
  it('agrees with an anchored regular expression on patterns with * only', () => {
    const alphabet = fc.constantFrom('a', 'b', '-', '/', '*');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '-', '/'), maxLength: 16 }),
        (pattern, text) => {
          const regex = new RegExp(`^${pattern.replace(/[-/]/g, '\\$&').replace(/\*/g, '.*')}$`, 's');
          expect(globMatch(pattern, text)).toBe(regex.test(text));
        },
      ),
    );
  });

  it('rejects inputs beyond its size limit instead of scanning them', () => {
    expect(globMatch('*'.repeat(600), 'a')).toBe(false);
    expect(globMatch('collection/*', `collection/${'a'.repeat(100)}`)).toBe(true);
  });
});
