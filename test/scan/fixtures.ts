import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fail, pass, unknown, type ResourceRule, type Rule } from '../../src/rules/types.js';

/** Writes a small tree of files into a fresh temp directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aigis-scan-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const base = {
  kind: 'resource' as const,
  rationale: 'Test rule.',
  remediation: { text: 'Fix it.', cloudformation: 'VersioningConfiguration:\n  Status: Enabled' },
  controls: ['DP-01'],
};

/** Versioning: fails without, unknown when the value cannot be known. Checkov twin CKV_AWS_21. */
export const versioningRule: ResourceRule = {
  ...base,
  id: 'test_bucket_versioning',
  title: 'S3 buckets keep object versions',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  equivalents: { checkov: ['CKV_AWS_21'], prowler: [], securityhub: [], cdknag: ['AwsSolutions-S99'] },
  evaluate(resource) {
    const v = resource.properties['VersioningConfiguration'] ?? resource.properties['versioning'];
    if (v === undefined) return fail('versioning is not enabled');
    if (typeof v !== 'object' || v === null || !('Status' in v)) return unknown('versioning cannot be read');
    return (v as { Status: unknown }).Status === 'Enabled'
      ? pass('versioning enabled')
      : fail('versioning suspended');
  },
};

export const lowRule: ResourceRule = {
  ...base,
  id: 'test_bucket_tagged',
  title: 'S3 buckets are tagged',
  severity: 'low',
  resourceTypes: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate: (resource) =>
    (resource.properties['Tags'] ?? resource.properties['tags']) ? pass('tagged') : fail('no tags'),
};

export const testRules: Rule[] = [versioningRule, lowRule];
