import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdkTemplateFiles, loadCdkAssembly } from '../../src/iac/cdk.js';
import { loadTerraformPlan } from '../../src/iac/terraform-plan.js';
import { isUnknown, ResourceRef } from '../../src/resources/types.js';

const PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_kms_key.k',
          mode: 'managed',
          type: 'aws_kms_key',
          name: 'k',
          values: { enable_key_rotation: true, description: null },
        },
        {
          address: 'aws_sagemaker_notebook_instance.nb[0]',
          mode: 'managed',
          type: 'aws_sagemaker_notebook_instance',
          name: 'nb',
          index: 0,
          values: { root_access: 'Disabled', direct_internet_access: 'Disabled' },
        },
        {
          address: 'data.aws_caller_identity.me',
          mode: 'data',
          type: 'aws_caller_identity',
          name: 'me',
          values: {},
        },
      ],
      child_modules: [
        {
          address: 'module.store',
          resources: [
            {
              address: 'module.store.aws_s3_bucket.b',
              mode: 'managed',
              type: 'aws_s3_bucket',
              name: 'b',
              values: { bucket: 'x' },
            },
          ],
        },
      ],
    },
  },
  resource_changes: [
    {
      address: 'aws_sagemaker_notebook_instance.nb[0]',
      change: { after_unknown: { kms_key_id: true, role_arn: true } },
    },
  ],
  configuration: {
    root_module: {
      resources: [
        {
          address: 'aws_sagemaker_notebook_instance.nb',
          expressions: {
            kms_key_id: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] },
            role_arn: { references: ['var.role'] },
          },
        },
      ],
    },
  },
};

describe('Terraform plan JSON', () => {
  const text = JSON.stringify(PLAN, null, 2);
  const { resources, recognized } = loadTerraformPlan(text, 'plan.json');

  it('reads managed resources from root and child modules, not data sources', () => {
    expect(recognized).toBe(true);
    expect(resources.map((r) => r.address)).toEqual([
      'aws_kms_key.k',
      'aws_sagemaker_notebook_instance.nb[0]',
      'module.store.aws_s3_bucket.b',
    ]);
    expect(resources[2]!.module).toBe('module.store');
    expect(resources.every((r) => r.source === 'terraform-plan')).toBe(true);
  });

  it('drops nulls, keeps values, and locates the address line', () => {
    expect(resources[0]!.properties).toEqual({ enable_key_rotation: true });
    expect(resources[1]!.line).toBe(
      text.split('\n').findIndex((l) => l.includes('"aws_sagemaker_notebook_instance.nb[0]"')) + 1,
    );
  });

  it('turns values known after apply into references where configuration names a resource, else Unknown', () => {
    const nb = resources[1]!.properties;
    expect(nb['kms_key_id']).toEqual(new ResourceRef('aws_kms_key.k', 'arn'));
    expect(isUnknown(nb['role_arn'])).toBe(true);
  });

  it('does not recognize other JSON', () => {
    expect(loadTerraformPlan('{"Resources":{}}', 'x.json').recognized).toBe(false);
  });
});

describe('CDK cloud assembly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-cdk-'));
  mkdirSync(join(dir, 'assembly-Prod'));
  const template = {
    Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'stack-wide' }] } },
    Resources: {
      DataBucketE3889A50: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
            ],
          },
        },
        Metadata: {
          'aws:cdk:path': 'App/Data/Resource',
          cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S10', reason: 'TLS via policy' }] },
        },
      },
    },
  };
  writeFileSync(join(dir, 'App.template.json'), JSON.stringify(template, null, 1));
  writeFileSync(
    join(dir, 'assembly-Prod', 'Prod-App.template.json'),
    JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }),
  );
  writeFileSync(
    join(dir, 'assembly-Prod', 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        'Prod-App': {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Prod-App.template.json' },
        },
      },
    }),
  );
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } },
        'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      },
    }),
  );

  it('loads every stack template, nested assemblies included', () => {
    expect(cdkTemplateFiles(join(dir, 'manifest.json')).map((f) => f.slice(dir.length + 1))).toEqual([
      'App.template.json',
      join('assembly-Prod', 'Prod-App.template.json'),
    ]);
    const result = loadCdkAssembly(join(dir, 'manifest.json'));
    expect(result.resources.map((r) => r.address)).toEqual([
      'AWS::S3::Bucket.DataBucketE3889A50',
      'AWS::SQS::Queue.Q',
    ]);
    expect(result.resources.every((r) => r.source === 'cdk')).toBe(true);
  });

  it('applies cdk-nag stack and resource suppressions', () => {
    const bucket = loadCdkAssembly(join(dir, 'manifest.json')).resources[0]!;
    expect(bucket.suppressions).toEqual([
      { ruleId: 'AwsSolutions-S1', reason: 'stack-wide', origin: 'cdk-nag' },
      { ruleId: 'AwsSolutions-S10', reason: 'TLS via policy', origin: 'cdk-nag' },
    ]);
  });
});

describe('Terraform state JSON', () => {
  it('reads values.root_module like a plan', () => {
    const state = JSON.stringify({
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            {
              address: 'aws_kms_key.k',
              mode: 'managed',
              type: 'aws_kms_key',
              name: 'k',
              values: { enable_key_rotation: false },
            },
          ],
        },
      },
    });
    const result = loadTerraformPlan(state, 'state.json');
    expect(result.resources.map((r) => [r.address, r.properties['enable_key_rotation']])).toEqual([
      ['aws_kms_key.k', false],
    ]);
  });
});
