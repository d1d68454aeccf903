import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaseline, exitCodeOf, scan } from '../../src/scan/index.js';
import { InputError } from '../../src/util/errors.js';
import { testRules, writeTree } from './fixtures.js';

const TEMPLATE = `Resources:
  Versioned:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
      Tags: [{ Key: a, Value: b }]
  Plain:
    Type: AWS::S3::Bucket
  Skipped:
    Type: AWS::S3::Bucket
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_21
            comment: replicated elsewhere
  Opaque:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !ImportValue shared
  Topic:
    Type: AWS::SNS::Topic
`;

describe('scan engine', () => {
  const dir = writeTree({
    'cfn/app.yaml': TEMPLATE,
    'tf/main.tf': 'resource "aws_s3_bucket" "logs" {\n  tags = { a = "b" }\n}\n',
    'package.json': '{"name":"x"}',
    'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\n',
    'node_modules/dep/template.yaml': TEMPLATE,
  });

  it('lists every evaluated (rule, resource) pair with status, and only IaC files as scanned', async () => {
    const report = await scan([dir], { rules: testRules, root: dir });
    expect(report.scanned).toEqual(['cfn/app.yaml', 'tf/main.tf']);
    const statuses = Object.fromEntries(
      report.results.map((r) => [`${r.ruleId} ${r.resource.address}`, r.status]),
    );
    expect(statuses).toEqual({
      'test_bucket_versioning AWS::S3::Bucket.Versioned': 'pass',
      'test_bucket_versioning AWS::S3::Bucket.Plain': 'fail',
      'test_bucket_versioning AWS::S3::Bucket.Skipped': 'suppressed',
      'test_bucket_versioning AWS::S3::Bucket.Opaque': 'unknown',
      'test_bucket_tagged AWS::S3::Bucket.Versioned': 'pass',
      'test_bucket_tagged AWS::S3::Bucket.Plain': 'fail',
      'test_bucket_tagged AWS::S3::Bucket.Skipped': 'fail',
      'test_bucket_tagged AWS::S3::Bucket.Opaque': 'fail',
      'test_bucket_versioning aws_s3_bucket.logs': 'fail',
      'test_bucket_tagged aws_s3_bucket.logs': 'pass',
    });
    const skipped = report.results.find(
      (r) => r.resource.address === 'AWS::S3::Bucket.Skipped' && r.ruleId === 'test_bucket_versioning',
    )!;
    expect(skipped.suppression).toEqual({
      origin: 'checkov',
      ruleId: 'CKV_AWS_21',
      reason: 'replicated elsewhere',
    });
    expect(skipped.resource).toEqual({
      address: 'AWS::S3::Bucket.Skipped',
      type: 'AWS::S3::Bucket',
      name: 'Skipped',
      file: 'cfn/app.yaml',
      line: 9,
    });
    expect(report.summary).toMatchObject({
      files: 2,
      resources: 6,
      evaluated: 10,
      pass: 3,
      fail: 5,
      unknown: 1,
      suppressed: 1,
      failed: true,
    });
    expect(report.summary.failBySeverity).toEqual({ low: 3, medium: 0, high: 2, critical: 0 });
    expect(exitCodeOf(report)).toBe(1);
  });

  it('applies the severity threshold and rule selection', async () => {
    const critical = await scan([dir], { rules: testRules, failOn: 'critical' });
    expect(critical.summary.failed).toBe(false);
    expect(exitCodeOf(critical)).toBe(0);
    const onlyLow = await scan([dir], { rules: testRules, include: ['test_bucket_tagged'], failOn: 'low' });
    expect(new Set(onlyLow.results.map((r) => r.ruleId))).toEqual(new Set(['test_bucket_tagged']));
    expect(onlyLow.summary.failed).toBe(true);
    const skipped = await scan([dir], { rules: testRules, exclude: ['test_bucket_tagged'] });
    expect(new Set(skipped.results.map((r) => r.ruleId))).toEqual(new Set(['test_bucket_versioning']));
  });

  it('names the closest rule id for unknown ids', async () => {
    await expect(scan([dir], { rules: testRules, include: ['test_bucket_versoning'] })).rejects.toThrow(
      /unknown rule id 'test_bucket_versoning' \(did you mean 'test_bucket_versioning'\?\)/,
    );
    await expect(scan([join(dir, 'missing')], { rules: testRules })).rejects.toBeInstanceOf(InputError);
  });

  it('round-trips a baseline: current failures become suppressed, new ones still fail', async () => {
    const first = await scan([dir], { rules: testRules, root: dir });
    const baseline = createBaseline(first.results);
    expect(baseline.failures).toHaveLength(5);
    const again = await scan([dir], {
      rules: testRules,
      root: dir,
      baseline: JSON.parse(JSON.stringify(baseline)),
    });
    expect(again.summary.fail).toBe(0);
    expect(again.results.filter((r) => r.suppression?.origin === 'baseline')).toHaveLength(5);
    expect(exitCodeOf(again)).toBe(0);
    writeFileSync(join(dir, 'cfn/new.yaml'), 'Resources:\n  Fresh:\n    Type: AWS::S3::Bucket\n');
    const later = await scan([dir], { rules: testRules, root: dir, baseline });
    expect(later.results.filter((r) => r.status === 'fail').map((r) => r.resource.address)).toEqual([
      'AWS::S3::Bucket.Fresh',
      'AWS::S3::Bucket.Fresh',
    ]);
  });

  it('keeps scanning after a parse error and reports it with file and line', async () => {
    const broken = writeTree({
      'bad.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [\n',
      'bad.tf': 'resource "aws_s3_bucket" "x" {\n  bucket =\n}\n',
      'good.yaml': 'Resources:\n  G:\n    Type: AWS::S3::Bucket\n',
    });
    const report = await scan([broken], { rules: testRules, root: broken });
    expect(report.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['bad.yaml:4', 'bad.tf:2']);
    expect(report.scanned).toEqual(['good.yaml']);
    expect(report.results.map((r) => r.resource.address)).toContain('AWS::S3::Bucket.G');
    expect(exitCodeOf(report)).toBe(2);
  });

  it('refuses oversized IaC files without reading them whole', async () => {
    const big = writeTree({
      'huge.json': `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{},"Pad":"${'x'.repeat(5 * 1024 * 1024)}"}`,
    });
    const report = await scan([big], { rules: testRules, root: big });
    expect(report.errors).toEqual([{ file: 'huge.json', message: expect.stringMatching(/over the limit/) }]);
  });
});

describe('scan engine: CDK assemblies and plans in a tree', () => {
  it('loads cdk.out through its manifest once and recognizes plan JSON', async () => {
    const template = JSON.stringify({ Resources: { Bucket1: { Type: 'AWS::S3::Bucket' } } });
    const plan = JSON.stringify({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_s3_bucket.p',
              mode: 'managed',
              type: 'aws_s3_bucket',
              name: 'p',
              values: { tags: { a: 'b' } },
            },
          ],
        },
      },
    });
    const dir = writeTree({
      'cdk.out/manifest.json': JSON.stringify({
        version: '36.0.0',
        artifacts: {
          App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } },
        },
      }),
      'cdk.out/App.template.json': template,
      'plan/plan.json': plan,
    });
    const report = await scan([dir], { rules: testRules, root: dir });
    expect(report.scanned).toEqual(['cdk.out/App.template.json', 'cdk.out/manifest.json', 'plan/plan.json']);
    expect(
      report.results.filter((r) => r.ruleId === 'test_bucket_versioning').map((r) => r.resource.address),
    ).toEqual(['AWS::S3::Bucket.Bucket1', 'aws_s3_bucket.p']);
  });
});

describe('scan engine: unreadable files', () => {
  it.skipIf(process.getuid?.() === 0)('reports a file it cannot open and scans the rest', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = writeTree({
      'locked.yaml': 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n',
      'open.yaml': 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n',
    });
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    const report = await scan([dir], { rules: testRules, root: dir });
    expect(report.errors).toEqual([{ file: 'locked.yaml', message: 'cannot read file (EACCES)' }]);
    expect(report.scanned).toEqual(['open.yaml']);
    expect(exitCodeOf(report)).toBe(2);
  });
});
