import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/resources/graph.js';
import { ResourceRef, Unknown, type Resource, type SourceFormat } from '../../src/resources/types.js';
import { foundationRules } from '../../src/rules/packs/foundation.js';
import type { RuleContext } from '../../src/rules/types.js';

/**
 * Rules meet whatever shapes templates hold: strings where objects are expected, lists of numbers,
 * unresolved values, references to nothing. Every foundation rule must return an outcome (never throw)
 * for random property bags on each resource type it declares.
 */
const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('*', '0.0.0.0/0', 'aws:kms', 'Enabled', 'true', 'NONE', 'alias/aws/s3', 'arn:aws:iam::aws:policy/AdministratorAccess'),
  fc.integer({ min: -2, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(new Unknown('fuzz')),
  fc.constant(new ResourceRef('aws_kms_key.k', 'arn')),
  fc.constant(new ResourceRef('AWS::IAM::Role.Missing')),
);
const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'Statement', 'Effect', 'Action', 'Resource', 'Principal', 'Condition', 'PolicyDocument', 'policy', 'statement',
    'ingress', 'SecurityGroupIngress', 'CidrIp', 'cidr_blocks', 'from_port', 'FromPort', 'ToPort', 'IpProtocol', 'protocol',
    'BucketEncryption', 'ServerSideEncryptionConfiguration', 'rule', 'KmsKeyId', 'kms_key_id', 'Enabled', 'enabled', 'Status',
    'VpcConfig', 'SubnetIds', 'SecurityGroupIds', 'MethodSettings', 'settings', 'Features', 'Name', 'name', 'Rules',
    'AdvancedEventSelectors', 'FieldSelectors', 'Field', 'Equals', 'EventPattern', 'source', 'Targets', 'bucket', 'Bucket',
    'AssumeRolePolicyDocument', 'assume_role_policy', 'Policies', 'ManagedPolicyArns', 'policy_arn', 'Environment', 'Variables',
    'LoadBalancerAttributes', 'Key', 'Value', 'Protocol', 'DefaultActions', 'Type', 'ResourceArn', 'resource_arn', 'Role', 'role',
    'EncryptionConfiguration', 'S3Encryptions', 'SecurityConfiguration', 'StreamEncryption', 'EncryptionType', 'AccessControl', 'acl',
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;

function resourcesFor(type: string, source: SourceFormat, properties: Record<string, unknown>): Resource[] {
  const cfn = source === 'cloudformation';
  const address = cfn ? `${type}.Fuzz` : `${type}.fuzz`;
  const key: Resource = { address: cfn ? 'AWS::KMS::Key.K' : 'aws_kms_key.k', type: cfn ? 'AWS::KMS::Key' : 'aws_kms_key', name: 'k', source, file: 'f', line: 1, properties: {}, suppressions: [] };
  return [{ address, type, name: 'fuzz', source, file: 'f', line: 2, properties, suppressions: [] }, key];
}

describe('foundation rules on arbitrary property shapes', () => {
  for (const rule of foundationRules) {
    it(`${rule.id} never throws`, () => {
      const cases = [
        ...rule.resourceTypes.cloudformation.map((t) => ({ type: t, source: 'cloudformation' as const })),
        ...rule.resourceTypes.terraform.map((t) => ({ type: t, source: 'terraform' as const })),
      ];
      fc.assert(
        fc.property(fc.constantFrom(...cases), fc.dictionary(key, value, { maxKeys: 5 }), value, ({ type, source }, extra, nested) => {
          const properties: Record<string, unknown> = { ...extra, Properties: nested, Statement: nested, ingress: nested, rule: nested };
          const graph = buildGraph(resourcesFor(type, source, properties));
          const ctx: RuleContext = { graph };
          const outcomes =
            rule.kind === 'graph' ? rule.evaluateGraph(ctx) : graph.byType(type).map((r) => ({ resource: r, ...rule.evaluate(r, ctx) }));
          for (const o of outcomes) {
            expect(['pass', 'fail', 'unknown', 'not_applicable']).toContain(o.status);
            expect(o.message).toContain(o.resource.address);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
