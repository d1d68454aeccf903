import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderReport, REPORT_FORMATS, uuidV5, type AsffFinding } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

const SCHEMAS = join(import.meta.dirname, 'schemas');
const SARIF_SCHEMA = join(import.meta.dirname, '..', 'fixtures', 'schemas', 'sarif-2.1.0.json');
const readJson = (file: string): object => JSON.parse(readFileSync(file, 'utf8')) as object;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking parsed exporter output

describe('uuidV5', () => {
  it('matches the RFC 4122 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('renderReport', () => {
  it('renders every format, each ending in a newline, and is deterministic', () => {
    for (const format of REPORT_FORMATS) {
      const a = renderReport(fixtureReport(), format);
      expect(a.endsWith('\n'), format).toBe(true);
      expect(renderReport(fixtureReport(), format), format).toBe(a);
    }
    expect(JSON.parse(renderReport(fixtureReport(), 'json'))).toEqual(fixtureReport());
  });
});

describe('OSCAL assessment-results', () => {
  const doc = JSON.parse(renderReport(fixtureReport(), 'oscal')) as Json;
  const ar = doc['assessment-results'];
  const result = ar.results[0];

  it('validates against the NIST OSCAL assessment-results schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(readJson(join(SCHEMAS, 'oscal_assessment-results_schema.json')));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema does catch mistakes: a finding status outside satisfied/not-satisfied fails.
    const broken = structuredClone(doc);
    broken['assessment-results'].results[0].findings[0].target.status.state = 'partially';
    expect(validate(broken)).toBe(false);
  });

  it('has a finding per applicable control with satisfied / not-satisfied', () => {
    const byTarget = new Map<string, string>(
      result.findings.map((f: Json) => [f.target['target-id'], f.target.status.state]),
    );
    expect(Object.fromEntries(byTarget)).toEqual({
      'ai-api-authorizer-required': 'not-satisfied',
      'data-classification-applied': 'satisfied',
      'shield-advanced-on-public-ai-endpoints': 'not-satisfied',
      'cognito-user-pool-hardened': 'satisfied',
    });
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toHaveLength(4);
  });

  it('links each finding to observations that exist, one per piece of evidence', () => {
    const ids = new Set(result.observations.map((o: Json) => o.uuid));
    for (const f of result.findings)
      for (const r of f['related-observations']) expect(ids.has(r['observation-uuid'])).toBe(true);
    const failing = result.findings.find((f: Json) => f.target['target-id'] === 'ai-api-authorizer-required');
    expect(failing['related-observations']).toHaveLength(2);
    expect(JSON.stringify(result.observations)).toContain('infra/template.yaml:42');
  });

  it('records an open risk with a recommended remediation for each control that does not hold', () => {
    const risks = new Map<string, Json>(result.risks.map((r: Json) => [r.uuid, r]));
    const open = result.findings.filter((f: Json) => f.target.status.state === 'not-satisfied');
    expect(open).toHaveLength(2);
    for (const f of open) {
      const risk = risks.get(f['related-risks'][0]['risk-uuid'])!;
      expect(risk.status).toBe('open');
      expect(risk.remediations[0].lifecycle).toBe('recommendation');
    }
    expect(result.risks).toHaveLength(2);
  });

  it('stays valid when no control applies', () => {
    const empty = fixtureReport();
    empty.controls = empty.controls.map((c) => ({ ...c, status: 'not-applicable' as const, evidence: [] }));
    empty.remediation = [];
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(readJson(join(SCHEMAS, 'oscal_assessment-results_schema.json')));
    const out = JSON.parse(renderReport(empty, 'oscal')) as Json;
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out['assessment-results'].results[0].findings).toBeUndefined();
    expect(JSON.parse(renderReport(empty, 'asff'))).toEqual([]);
    expect(renderReport(empty, 'ocsf')).toBe('');
    expect(renderReport(empty, 'html')).toContain('Nothing open: every applicable control holds.');
  });

  it('keeps UUIDs stable across runs at different times and changes them with the system', () => {
    const later = fixtureReport();
    later.generatedAt = '2026-06-01T00:00:00.000Z';
    const again = JSON.parse(renderReport(later, 'oscal')) as Json;
    expect(again['assessment-results'].results[0].findings.map((f: Json) => f.uuid)).toEqual(
      result.findings.map((f: Json) => f.uuid),
    );
    const other = fixtureReport();
    other.system.name = 'other-bot';
    const otherDoc = JSON.parse(renderReport(other, 'oscal')) as Json;
    expect(otherDoc['assessment-results'].uuid).not.toBe(ar.uuid);
    expect(ar['import-ap'].href).toBe(`#${ar['back-matter'].resources[0].uuid}`);
  });
});

describe('ASFF', () => {
  const findings = JSON.parse(
    renderReport(fixtureReport(), 'asff', { aws: { accountId: '123456789012', region: 'eu-west-1' } }),
  ) as AsffFinding[];
  const REQUIRED = [
    'AwsAccountId',
    'CreatedAt',
    'Description',
    'GeneratorId',
    'Id',
    'ProductArn',
    'Resources',
    'SchemaVersion',
    'Severity',
    'Title',
    'Types',
    'UpdatedAt',
  ] as const;

  it('has the required attributes and respects the limits', () => {
    expect(findings).toHaveLength(4);
    for (const f of findings) {
      for (const key of REQUIRED) expect(f[key], key).toBeDefined();
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.ProductArn).toBe('arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default');
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect([...f.Title].length).toBeLessThanOrEqual(256);
      expect([...f.Description].length).toBeLessThanOrEqual(1024);
      expect(f.Resources.length).toBeGreaterThan(0);
      for (const r of f.Resources) expect(r.Type && r.Id).toBeTruthy();
      for (const t of f.Types) expect(t).toMatch(/^Software and Configuration Checks\//);
      expect(Number.isNaN(Date.parse(f.CreatedAt))).toBe(false);
    }
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
  });

  it('maps statuses, Security Hub control ids and related requirements', () => {
    const byControl = new Map(findings.map((f) => [f.ProductFields['aigis/ControlId'], f]));
    const failed = byControl.get('ai-api-authorizer-required')!;
    expect(failed.Compliance.Status).toBe('FAILED');
    expect(failed.Compliance.SecurityControlId).toBe('APIGateway.8');
    expect(failed.Compliance.RelatedRequirements).toContain('nist-800-53-r5 AC-3');
    expect(failed.Severity.Label).toBe('HIGH');
    expect(failed.Resources.map((r) => r.Id)).toEqual([
      'infra/template.yaml_AWS::ApiGateway::Method.Chat',
      'infra/main.tf_aws_api_gateway_method.chat',
    ]);
    expect(failed.Workflow.Status).toBe('NEW');
    expect(byControl.get('data-classification-applied')!.Compliance.Status).toBe('PASSED');
    expect(byControl.get('data-classification-applied')!.Compliance.SecurityControlId).toBeUndefined();
    expect(byControl.get('shield-advanced-on-public-ai-endpoints')!.Compliance.Status).toBe('NOT_AVAILABLE');
    expect(byControl.has('function-url-auth-required')).toBe(false);
  });

  it('rejects an account id or region that Security Hub would reject', () => {
    expect(() => renderReport(fixtureReport(), 'asff', { aws: { accountId: '1234' } })).toThrow(/12-digit/);
    expect(() => renderReport(fixtureReport(), 'asff', { aws: { region: 'Ireland' } })).toThrow(
      /not an AWS region/,
    );
    expect(() => renderReport(fixtureReport(), 'asff', { aws: { region: 'us-gov-west-1' } })).not.toThrow();
  });

  it('files governance controls under regulatory standards and the rest under best practices', () => {
    const types = new Map(findings.map((f) => [f.ProductFields['aigis/ControlId'], f.Types[0]]));
    expect(types.get('data-classification-applied')).toBe(
      'Software and Configuration Checks/Industry and Regulatory Standards',
    );
    expect(types.get('ai-api-authorizer-required')).toBe(
      'Software and Configuration Checks/AWS Security Best Practices',
    );
  });

  it('clips long titles and descriptions to the ASFF limits', () => {
    const report = fixtureReport();
    report.controls[0]!.reason = 'x'.repeat(5000);
    const [first] = JSON.parse(renderReport(report, 'asff')) as AsffFinding[];
    expect([...first!.Description].length).toBe(1024);
    expect(first!.Description.endsWith('…')).toBe(true);
    expect(first!.AwsAccountId).toBe('000000000000');
  });
});

describe('OCSF Compliance Finding', () => {
  const lines = renderReport(fixtureReport(), 'ocsf').trimEnd().split('\n');
  const events = lines.map((l) => JSON.parse(l) as Json);
  const schema = (name: string): Json => readJson(join(SCHEMAS, 'ocsf', `${name}.json`)) as Json;
  const required = (name: string): string[] =>
    Object.entries(schema(name).attributes as Record<string, { requirement?: string }>)
      .filter(([, a]) => a.requirement === 'required')
      .map(([k]) => k);

  it('one JSON object per line per applicable control', () => {
    expect(readdirSync(join(SCHEMAS, 'ocsf')).length).toBeGreaterThan(0);
    expect(events).toHaveLength(4);
  });

  it('has every attribute the OCSF metaschema requires for class 2003 and its objects', () => {
    const eventRequired = [
      ...required('base_event'),
      ...required('finding'),
      ...required('compliance_finding'),
    ];
    expect(eventRequired).toEqual(
      expect.arrayContaining(['class_uid', 'finding_info', 'compliance', 'metadata', 'time']),
    );
    for (const e of events) {
      for (const key of eventRequired) expect(e[key], key).toBeDefined();
      for (const key of required('finding_info'))
        expect(e.finding_info[key], `finding_info.${key}`).toBeDefined();
      for (const key of required('metadata')) expect(e.metadata[key], `metadata.${key}`).toBeDefined();
      expect(e.class_uid).toBe(2003);
      expect(e.category_uid).toBe(2);
      expect(e.type_uid).toBe(e.class_uid * 100 + e.activity_id);
      expect(Object.keys(schema('compliance_finding').attributes as object)).toContain('compliance');
      for (const key of Object.keys(e.compliance))
        expect(Object.keys(schema('compliance').attributes as object), `compliance.${key}`).toContain(key);
      expect(Number.isInteger(e.time)).toBe(true);
    }
  });

  it('maps statuses, severities and OWASP types', () => {
    const byControl = new Map(events.map((e) => [e.compliance.control, e]));
    const failed = byControl.get('ai-api-authorizer-required')!;
    expect(failed.compliance.status_id).toBe(3);
    expect(failed.severity_id).toBe(4);
    expect(failed.finding_info.types).toEqual(['owasp-llm:LLM10:2025', 'owasp-llm:LLM01:2025']);
    expect(failed.compliance.standards).toContain('NIST SP 800-53 Revision 5');
    expect(byControl.get('data-classification-applied')!.compliance.status_id).toBe(1);
    expect(byControl.get('shield-advanced-on-public-ai-endpoints')!.compliance.status_id).toBe(2);
  });
});

describe('SARIF', () => {
  const log = JSON.parse(renderReport(fixtureReport(), 'sarif')) as Json;

  it('validates against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(readJson(SARIF_SCHEMA));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists not-met controls as rules with their scan findings as locations', () => {
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: Json) => r.id)).toEqual(['ai-api-authorizer-required']);
    expect(
      run.results.map(
        (r: Json) =>
          `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`,
      ),
    ).toEqual(['infra/template.yaml:42', 'infra/main.tf:7']);
    expect(run.tool.driver.rules[0].properties['security-severity']).toBe('8.0');
  });

  it('points a control failed by governance evidence at its file and line', () => {
    const report = fixtureReport();
    report.controls[1] = {
      ...report.controls[1]!,
      status: 'not-met',
      evidence: [
        {
          kind: 'governance',
          status: 'fail',
          message: 'dataset has no classification',
          file: 'aigis.yaml',
          line: 12,
          field: 'datasets[0]',
        },
      ],
    };
    const run = (JSON.parse(renderReport(report, 'sarif')) as Json).runs[0];
    const result = run.results.find((r: Json) => r.ruleId === 'data-classification-applied');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'aigis.yaml' },
      region: { startLine: 12 },
    });
  });
});

describe('Markdown', () => {
  const md = renderReport(fixtureReport(), 'markdown');
  it('summarises layer × phase, frameworks and remediation in tables', () => {
    expect(md).toContain('## aigis assessment: support-bot');
    expect(md).toContain('To reach **foundational**: 1 control to fix or evidence');
    expect(md).toContain('| LLM01:2025 Prompt Injection | 0/1 |');
    expect(md).toContain('| Identity & data | 1/1 ✅ | 1/1 ✅ | – |');
    expect(md).toContain('| Infrastructure | 0/1 | – | 0/1 |');
    expect(md).toContain('| NIST SP 800-53 Revision 5 | 4 | 2 | 10 | 20% |');
    expect(md).toMatch(
      /\| 1 \| foundational \| high \| Not met \| \*\*ai-api-authorizer-required\*\*: .* \(`infra\/template.yaml:42`, `infra\/main.tf:7`\) \|/,
    );
  });
  it('escapes table-breaking and HTML characters', () => {
    const report = fixtureReport();
    report.remediation[0]!.remediation = 'a | b <img src=x>';
    expect(renderReport(report, 'markdown')).toContain('a \\| b &lt;img src=x&gt;');
  });
});
