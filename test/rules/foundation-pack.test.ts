import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { buildGraph } from '../../src/resources/graph.js';
import { ResourceRef, Unknown, type Resource, type SourceFormat } from '../../src/resources/types.js';
import { foundationRules } from '../../src/rules/packs/foundation.js';
import { SEVERITIES, type RuleContext } from '../../src/rules/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const reference = join(repo, '..', 'shared', 'reference');

/** The first column holding ids of a reference TSV (comment and header lines skipped). */
function referenceIds(file: string, column: number): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(join(reference, file), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const id = line.split('\t')[column];
    if (id) ids.add(id);
  }
  return ids;
}

const SERVICE_FOLDERS = [
  's3',
  'kms',
  'iam',
  'ec2',
  'lambda',
  'apigateway',
  'cloudtrail',
  'guardduty',
  'securityhub',
  'macie',
  'wafv2',
  'logs',
  'kinesis',
  'firehose',
  'glue',
  'secretsmanager',
  'elb',
  'dynamodb',
  'ecs',
  'ssm',
  'secrets',
];

describe('foundation rule pack', () => {
  it('ships at least 40 rules with unique snake_case ids', () => {
    expect(foundationRules.length).toBeGreaterThanOrEqual(40);
    const ids = foundationRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
  });

  it('keeps each rule in a file named after its id, in its service folder', () => {
    const files = new Map<string, string>();
    for (const folder of SERVICE_FOLDERS) {
      const dir = join(repo, 'src', 'rules', folder);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f.endsWith('.ts')) files.set(f.slice(0, -3), folder);
    }
    for (const rule of foundationRules) expect(files.has(rule.id), `${rule.id}.ts`).toBe(true);
  });

  it('gives every rule its metadata: title, rationale, remediation, severity and resource types', () => {
    for (const rule of foundationRules) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(60);
      expect(rule.remediation.text.length, rule.id).toBeGreaterThan(10);
      expect(rule.remediation.cloudformation ?? rule.remediation.terraform, rule.id).toBeDefined();
      expect(SEVERITIES, rule.id).toContain(rule.severity);
      expect(
        rule.resourceTypes.cloudformation.length + rule.resourceTypes.terraform.length,
        rule.id,
      ).toBeGreaterThan(0);
      expect(rule.controls.length, `${rule.id} names no control`).toBeGreaterThan(0);
    }
  });

  it('names only controls that exist in the catalog', () => {
    const catalog = loadCatalog();
    const missing = foundationRules.flatMap((r) =>
      r.controls.filter((c) => !catalog.control(c)).map((c) => `${r.id} -> ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only Checkov and Prowler ids that exist in the reference check lists', (ctx) => {
    if (
      !existsSync(join(reference, 'checkov-aws-checks.tsv')) ||
      !existsSync(join(reference, 'prowler-aws-checks.tsv'))
    ) {
      ctx.skip('reference check lists not found next to the repository (../shared/reference)');
      return;
    }
    const checkov = referenceIds('checkov-aws-checks.tsv', 1);
    const prowler = referenceIds('prowler-aws-checks.tsv', 0);
    const unknownIds = foundationRules.flatMap((r) => [
      ...r.equivalents.checkov.filter((id) => !checkov.has(id)).map((id) => `${r.id}: checkov ${id}`),
      ...r.equivalents.prowler.filter((id) => !prowler.has(id)).map((id) => `${r.id}: prowler ${id}`),
    ]);
    expect(unknownIds).toEqual([]);
  });

  it('writes Security Hub and cdk-nag ids in their published shapes', () => {
    for (const rule of foundationRules) {
      for (const id of rule.equivalents.securityhub)
        expect(id, rule.id).toMatch(/^[A-Za-z][A-Za-z0-9]*\.\d+$/);
      for (const id of rule.equivalents.cdknag)
        expect(id, rule.id).toMatch(
          /^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R5|PCI\.DSS\.321|Serverless)-[A-Za-z0-9]+$/,
        );
    }
  });

  it('has a test suite for every rule', () => {
    const suites = SERVICE_FOLDERS.flatMap((folder) => {
      const dir = join(here, folder);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.test.ts'))
            .map((f) => readFileSync(join(dir, f), 'utf8'))
        : [];
    }).join('\n');
    const untested = foundationRules.filter(
      (r) =>
        !new RegExp(
          `runRuleCases\\(\\s*${r.id.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}\\b`,
        ).test(suites),
    );
    expect(untested.map((r) => r.id)).toEqual([]);
  });
});

/**
 * Rules meet whatever shapes templates hold: strings where objects are expected, lists of numbers,
 * unresolved values, references to nothing. Every foundation rule must return an outcome (never throw)
 * for random property bags on each resource type it declares.
 */
const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '*',
    '0.0.0.0/0',
    'aws:kms',
    'Enabled',
    'true',
    'NONE',
    'alias/aws/s3',
    'arn:aws:iam::aws:policy/AdministratorAccess',
  ),
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
    'Statement',
    'Effect',
    'Action',
    'Resource',
    'Principal',
    'Condition',
    'PolicyDocument',
    'policy',
    'statement',
    'ingress',
    'SecurityGroupIngress',
    'CidrIp',
    'cidr_blocks',
    'from_port',
    'FromPort',
    'ToPort',
    'IpProtocol',
    'protocol',
    'BucketEncryption',
    'ServerSideEncryptionConfiguration',
    'rule',
    'KmsKeyId',
    'kms_key_id',
    'Enabled',
    'enabled',
    'Status',
    'VpcConfig',
    'SubnetIds',
    'SecurityGroupIds',
    'MethodSettings',
    'settings',
    'Features',
    'Name',
    'name',
    'Rules',
    'AdvancedEventSelectors',
    'FieldSelectors',
    'Field',
    'Equals',
    'EventPattern',
    'source',
    'Targets',
    'bucket',
    'Bucket',
    'AssumeRolePolicyDocument',
    'assume_role_policy',
    'Policies',
    'ManagedPolicyArns',
    'policy_arn',
    'Environment',
    'Variables',
    'LoadBalancerAttributes',
    'Key',
    'Value',
    'Protocol',
    'DefaultActions',
    'Type',
    'ResourceArn',
    'resource_arn',
    'Role',
    'role',
    'EncryptionConfiguration',
    'S3Encryptions',
    'SecurityConfiguration',
    'StreamEncryption',
    'EncryptionType',
    'AccessControl',
    'acl',
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

function resourcesFor(type: string, source: SourceFormat, properties: Record<string, unknown>): Resource[] {
  const cfn = source === 'cloudformation';
  const address = cfn ? `${type}.Fuzz` : `${type}.fuzz`;
  const key: Resource = {
    address: cfn ? 'AWS::KMS::Key.K' : 'aws_kms_key.k',
    type: cfn ? 'AWS::KMS::Key' : 'aws_kms_key',
    name: 'k',
    source,
    file: 'f',
    line: 1,
    properties: {},
    suppressions: [],
  };
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
        fc.property(
          fc.constantFrom(...cases),
          fc.dictionary(key, value, { maxKeys: 5 }),
          value,
          ({ type, source }, extra, nested) => {
            const properties: Record<string, unknown> = {
              ...extra,
              Properties: nested,
              Statement: nested,
              ingress: nested,
              rule: nested,
            };
            const graph = buildGraph(resourcesFor(type, source, properties));
            const ctx: RuleContext = { graph };
            const outcomes =
              rule.kind === 'graph'
                ? rule.evaluateGraph(ctx)
                : graph.byType(type).map((r) => ({ resource: r, ...rule.evaluate(r, ctx) }));
            for (const o of outcomes) {
              expect(['pass', 'fail', 'unknown', 'not_applicable']).toContain(o.status);
              expect(o.message).toContain(o.resource.address);
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
