import { describe, expect, it } from 'vitest';
import { loadTerraformPlan } from '../../../src/iac/terraform-plan.js';
import { buildGraph } from '../../../src/resources/graph.js';
import { ec2SecurityGroupNoPublicIngress } from '../../../src/rules/ec2/ec2_security_group_no_public_ingress.js';
import { iamPolicyNoAdministratorAccess } from '../../../src/rules/iam/iam_policy_no_administrator_access.js';
import { kmsKeyRotationEnabled } from '../../../src/rules/kms/kms_key_rotation_enabled.js';
import { s3BucketEncryptedWithCmk } from '../../../src/rules/s3/s3_bucket_encrypted_with_cmk.js';
import { s3BucketVersioningEnabled } from '../../../src/rules/s3/s3_bucket_versioning_enabled.js';
import type { Rule } from '../../../src/rules/types.js';
import { evaluateRule } from '../../../src/scan/evaluate.js';

/**
 * `terraform show -json` plans hold planned values (nested blocks as arrays, attributes known only
 * after apply absent and flagged in after_unknown) and the configuration's references. The foundation
 * rules read them through the same Terraform paths as .tf files.
 */
const resource = (type: string, name: string, values: Record<string, unknown>) => ({
  address: `${type}.${name}`,
  mode: 'managed',
  type,
  name,
  values,
});
const change = (type: string, name: string, afterUnknown: Record<string, unknown>) => ({
  address: `${type}.${name}`,
  type,
  name,
  change: { actions: ['create'], after_unknown: afterUnknown },
});

const plan = JSON.stringify(
  {
    format_version: '1.2',
    terraform_version: '1.7.0',
    planned_values: {
      root_module: {
        resources: [
          resource('aws_kms_key', 'data', {
            enable_key_rotation: true,
            customer_master_key_spec: 'SYMMETRIC_DEFAULT',
          }),
          resource('aws_kms_key', 'logs', {
            enable_key_rotation: false,
            customer_master_key_spec: 'SYMMETRIC_DEFAULT',
          }),
          resource('aws_s3_bucket', 'data', { bucket: 'acme-training', force_destroy: false }),
          resource('aws_s3_bucket_server_side_encryption_configuration', 'data', {
            bucket: 'acme-training',
            rule: [
              {
                apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }],
                bucket_key_enabled: true,
              },
            ],
          }),
          resource('aws_s3_bucket_versioning', 'data', {
            bucket: 'acme-training',
            versioning_configuration: [{ status: 'Suspended', mfa_delete: null }],
          }),
          resource('aws_security_group', 'model', {
            name: 'model',
            ingress: [
              {
                from_port: 443,
                to_port: 443,
                protocol: 'tcp',
                cidr_blocks: ['0.0.0.0/0'],
                ipv6_cidr_blocks: [],
                security_groups: [],
                self: false,
              },
              {
                from_port: 8080,
                to_port: 8080,
                protocol: 'tcp',
                cidr_blocks: ['0.0.0.0/0'],
                ipv6_cidr_blocks: [],
                security_groups: [],
                self: false,
              },
            ],
          }),
          resource('aws_iam_policy', 'admin', {
            name: 'admin',
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
            }),
          }),
        ],
      },
    },
    resource_changes: [
      change('aws_s3_bucket_server_side_encryption_configuration', 'data', {
        rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }],
      }),
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket_server_side_encryption_configuration.data',
            type: 'aws_s3_bucket_server_side_encryption_configuration',
            name: 'data',
            expressions: {
              bucket: { references: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
              rule: [
                {
                  apply_server_side_encryption_by_default: [
                    { kms_master_key_id: { references: ['aws_kms_key.data.arn', 'aws_kms_key.data'] } },
                  ],
                },
              ],
            },
          },
        ],
      },
    },
  },
  null,
  2,
);

function statuses(rule: Rule): Record<string, string> {
  const result = loadTerraformPlan(plan, 'plan.json');
  const graph = buildGraph(result.resources);
  return Object.fromEntries(
    evaluateRule(rule, graph, { graph }, { rethrow: true }).map((e) => [e.resource.address, e.status]),
  );
}

describe('foundation rules on a Terraform plan', () => {
  it('reads rotation flags', () => {
    expect(statuses(kmsKeyRotationEnabled)).toEqual({
      'aws_kms_key.data': 'pass',
      'aws_kms_key.logs': 'fail',
    });
  });

  it('joins split settings by literal bucket name and follows a key known only after apply through its reference', () => {
    const encryption = statuses(s3BucketEncryptedWithCmk);
    expect(encryption['aws_s3_bucket.data']).toBe('pass');
    expect(statuses(s3BucketVersioningEnabled)['aws_s3_bucket.data']).toBe('fail');
  });

  it('reads ingress blocks as lists and policies as JSON strings', () => {
    expect(statuses(ec2SecurityGroupNoPublicIngress)).toEqual({ 'aws_security_group.model': 'fail' });
    expect(statuses(iamPolicyNoAdministratorAccess)).toEqual({ 'aws_iam_policy.admin': 'fail' });
  });
});
