import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { foundationRules } from '../../src/rules/packs/foundation.js';
import { SEVERITIES } from '../../src/rules/types.js';

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
  's3', 'kms', 'iam', 'ec2', 'lambda', 'apigateway', 'cloudtrail', 'guardduty', 'securityhub', 'macie',
  'wafv2', 'logs', 'kinesis', 'firehose', 'glue', 'secretsmanager', 'elb', 'dynamodb',
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
      expect(rule.resourceTypes.cloudformation.length + rule.resourceTypes.terraform.length, rule.id).toBeGreaterThan(0);
      expect(rule.controls.length, `${rule.id} names no control`).toBeGreaterThan(0);
    }
  });

  it('names only controls that exist in the catalog', () => {
    const catalog = loadCatalog();
    const missing = foundationRules.flatMap((r) => r.controls.filter((c) => !catalog.control(c)).map((c) => `${r.id} -> ${c}`));
    expect(missing).toEqual([]);
  });

  it('names only Checkov and Prowler ids that exist in the reference check lists', (ctx) => {
    if (!existsSync(join(reference, 'checkov-aws-checks.tsv')) || !existsSync(join(reference, 'prowler-aws-checks.tsv'))) {
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
      for (const id of rule.equivalents.securityhub) expect(id, rule.id).toMatch(/^[A-Za-z][A-Za-z0-9]*\.\d+$/);
      for (const id of rule.equivalents.cdknag) expect(id, rule.id).toMatch(/^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R5|PCI\.DSS\.321|Serverless)-[A-Za-z0-9]+$/);
    }
  });

  it('has a test suite for every rule', () => {
    const suites = SERVICE_FOLDERS.flatMap((folder) => {
      const dir = join(here, folder);
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
    }).join('\n');
    const untested = foundationRules.filter((r) => !new RegExp(`runRuleCases\\(\\s*${r.id.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}\\b`).test(suites));
    expect(untested.map((r) => r.id)).toEqual([]);
  });
});
