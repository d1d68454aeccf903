import { describe, expect, it } from 'vitest';
import { fail, pass, type ResourceRule } from '../../src/rules/types.js';
import { evaluateRuleOn } from '../helpers/evaluate.js';

const versioningRule: ResourceRule = {
  kind: 'resource',
  id: 'test_bucket_versioning',
  title: 'Buckets keep versions',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  rationale: 'test',
  remediation: { text: 'enable versioning' },
  controls: [],
  equivalents: { checkov: ['CKV_AWS_21'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const status = (resource.properties['VersioningConfiguration'] as { Status?: string } | undefined)
      ?.Status;
    return status === 'Enabled' ? pass('versioning enabled') : fail('versioning not enabled');
  },
};

describe('evaluateRuleOn', () => {
  it('runs a resource rule on the resources of its types only', async () => {
    const template = `Resources:
  Good:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
  Bad:
    Type: AWS::S3::Bucket
  Topic:
    Type: AWS::SNS::Topic
`;
    expect(await evaluateRuleOn(versioningRule, template, 'cloudformation')).toEqual([
      { address: 'AWS::S3::Bucket.Good', status: 'pass', message: 'versioning enabled' },
      { address: 'AWS::S3::Bucket.Bad', status: 'fail', message: 'versioning not enabled' },
    ]);
  });

  it('surfaces rule errors instead of hiding them', async () => {
    const throwing: ResourceRule = {
      ...versioningRule,
      evaluate: () => {
        throw new Error('boom');
      },
    };
    await expect(
      evaluateRuleOn(throwing, 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n', 'cloudformation'),
    ).rejects.toThrow('boom');
  });
});
