import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { escapeXml, toJunit } from '../../src/report/junit.js';
import { toMarkdown } from '../../src/report/markdown-scan.js';
import { sarifUri, toSarif } from '../../src/report/sarif.js';
import { scan, toText } from '../../src/scan/index.js';
import { testRules, writeTree } from './fixtures.js';

const SCHEMA = join(import.meta.dirname, '..', 'fixtures', 'schemas', 'sarif-2.1.0.json');

interface SarifResult {
  ruleId: string;
  level: string;
  kind: string;
  message: { text: string };
  locations: Array<{ physicalLocation: unknown }>;
  suppressions?: unknown[];
}
interface SarifRun {
  tool: {
    driver: {
      rules: Array<{
        id: string;
        properties: { 'security-severity': string; tags: string[] };
        help: { markdown: string };
      }>;
    };
  };
  results: SarifResult[];
  invocations: Array<{ executionSuccessful: boolean }>;
}

const dir = writeTree({
  'infra/app.yaml': `Resources:
  Plain:
    Type: AWS::S3::Bucket
  Skipped:
    Type: AWS::S3::Bucket
    Metadata:
      aigis:
        skip:
          - id: test_bucket_versioning
            reason: "archive <old> & \\"frozen\\""
  Opaque:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !ImportValue x
      Tags: [{ Key: a, Value: b }]
`,
  'infra/broken.yaml': 'Resources:\n  A: [\n',
});
const report = await scan([dir], { rules: testRules, root: dir });

describe('SARIF', () => {
  const sarif = toSarif(report, testRules, { owaspFor: (c) => (c === 'DP-01' ? ['LLM02:2025'] : []) });

  it.skipIf(!existsSync(SCHEMA))('validates against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('carries rule help, security severity, tags, relative locations and suppressions', () => {
    // Read back as parsed JSON, the way a SARIF consumer sees it.
    const run = (JSON.parse(JSON.stringify(sarif)) as { runs: SarifRun[] }).runs[0]!;
    const rule = run.tool.driver.rules.find((r) => r.id === 'test_bucket_versioning')!;
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['DP-01', 'OWASP-LLM02:2025']));
    expect(rule.help.markdown).toContain('### Remediation');
    const results = run.results;
    const plain = results.find(
      (r) => r.ruleId === 'test_bucket_versioning' && r.message.text.startsWith('AWS::S3::Bucket.Plain'),
    )!;
    expect(plain.level).toBe('error');
    expect(plain.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/app.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 2 },
    });
    const skipped = results.find(
      (r) => r.message.text.startsWith('AWS::S3::Bucket.Skipped') && r.ruleId === 'test_bucket_versioning',
    )!;
    expect(skipped.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'archive <old> & "frozen"' },
    ]);
    const opaque = results.find(
      (r) => r.message.text.startsWith('AWS::S3::Bucket.Opaque') && r.ruleId === 'test_bucket_versioning',
    )!;
    expect(opaque.kind).toBe('review');
    expect(results.some((r) => r.kind === 'pass')).toBe(false);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
  });
});

const tricky = 'infra/odd dir/a#b%c.yaml';
const oddDir = writeTree({
  [tricky]: 'Resources:\n  Plain:\n    Type: AWS::S3::Bucket\n',
  'infra/x?y;z.yaml': 'Resources:\n  A: [\n',
});
const oddReport = await scan([oddDir], { rules: testRules, root: oddDir });

describe('SARIF artifact URIs', () => {
  const run = (
    JSON.parse(JSON.stringify(toSarif(oddReport, testRules))) as {
      runs: Array<{
        originalUriBaseIds: { SRCROOT: { uri: string } };
        results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
        invocations: Array<{
          toolExecutionNotifications: Array<{
            locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
          }>;
        }>;
      }>;
    }
  ).runs[0]!;

  it('percent-encodes #, % and spaces in each path segment, so the URI resolves to the file', () => {
    const uri = run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('infra/odd%20dir/a%23b%25c.yaml');
    expect(fileURLToPath(new URL(uri, run.originalUriBaseIds.SRCROOT.uri))).toBe(join(oddDir, tricky));
  });

  it('encodes ? and ; in the location of a parse error too', () => {
    const uri =
      run.invocations[0]!.toolExecutionNotifications[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('infra/x%3Fy%3Bz.yaml');
  });

  it('keeps separators, turns backslashes into slashes and round-trips every segment', () => {
    expect(sarifUri('a\\b/c d.yaml')).toBe('a/b/c%20d.yaml');
    for (const name of ['plain.yaml', 'ünïcode/ファイル.tf', '100%/#1 [x].json'])
      expect(sarifUri(name).split('/').map(decodeURIComponent).join('/')).toBe(name);
  });
});

describe('JUnit', () => {
  const xml = toJunit(report);

  it('has a suite per rule with failures, skips and escaped text', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain(
      '<testsuite name="test_bucket_versioning" tests="3" failures="1" errors="0" skipped="2">',
    );
    expect(xml).toContain('suppressed (aigis): archive &lt;old&gt; &amp; &quot;frozen&quot;');
    expect(xml).toContain('<testsuite name="aigis-parse" tests="1" failures="0" errors="1">');
    const opened = (xml.match(/<testsuite /g) ?? []).length;
    expect((xml.match(/<\/testsuite>/g) ?? []).length).toBe(opened);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"\'\u0001c')).toBe('a&lt;b&gt;&amp;&quot;&apos;c');
  });
});

describe('Markdown', () => {
  it('summarizes totals, parse errors, failures and suppressions', () => {
    const md = toMarkdown(report);
    expect(md).toContain('**Failed** (fail-on: high)');
    expect(md).toContain('| 1 | 3 | 1 | 1 | 0 |');
    expect(md).toContain('`infra/broken.yaml:3`');
    expect(md).toMatch(
      /\| high \| test_bucket_versioning \| `AWS::S3::Bucket.Plain` \| `infra\/app.yaml:2` \|/,
    );
    expect(md).toContain('<summary>Suppressed</summary>');
    // Text from templates cannot inject markup into the rendered comment.
    expect(md).toContain('archive &lt;old&gt; &amp; "frozen"');
  });
});

describe('text', () => {
  it('lists failures most severe first with location, then parse errors and totals', () => {
    const text = toText(report);
    const lines = text.split('\n');
    const firstHigh = lines.findIndex((l) => l.startsWith('FAIL high'));
    const firstLow = lines.findIndex((l) => l.startsWith('FAIL low'));
    expect(firstHigh).toBeGreaterThanOrEqual(0);
    expect(firstLow).toBeGreaterThan(firstHigh);
    expect(text).toContain('AWS::S3::Bucket.Plain infra/app.yaml:2');
    expect(text).toContain('ERROR infra/broken.yaml:3:');
    expect(text).toContain('1 passed, 3 failed, 1 unknown, 1 suppressed, 0 not applicable');
    expect(text).toContain('FAILED: failures at or above high');
    expect(text).not.toContain('UNKNOWN');
    expect(toText(report, { showUnknown: true })).toContain('UNKNOWN high');
    // No colour codes unless asked for.
    expect(text).not.toContain('\u001b[');
  });
});
