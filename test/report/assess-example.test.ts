import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { assess, type AssessmentReport, type ControlResult } from '../../src/assess/index.js';
import { renderReport, type AsffFinding } from '../../src/report/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'bedrock-rag-chatbot', 'insecure');
const readJson = (file: string): object => JSON.parse(readFileSync(file, 'utf8')) as object;

describe.skipIf(!existsSync(join(EXAMPLE, 'aigis.yaml')))(
  'exporters on a real assessment (bedrock-rag-chatbot/insecure)',
  () => {
    let report: AssessmentReport;
    let notMet: ControlResult[];
    beforeAll(async () => {
      report = await assess(EXAMPLE, { root: ROOT, now: new Date('2026-05-01T00:00:00Z') });
      notMet = report.controls.filter((c) => c.status === 'not-met');
    });

    it('OSCAL validates and has a finding per applicable control', () => {
      const ajv = new Ajv({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(
        readJson(join(import.meta.dirname, 'schemas', 'oscal_assessment-results_schema.json')),
      );
      const doc = JSON.parse(renderReport(report, 'oscal')) as {
        'assessment-results': { results: Array<{ findings: unknown[] }> };
      };
      expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(doc['assessment-results'].results[0]!.findings).toHaveLength(
        report.controls.filter((c) => c.status !== 'not-applicable').length,
      );
    });

    it('SARIF validates and lists every not-met control', () => {
      const ajv = new Ajv2020({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(readJson(join(ROOT, 'test', 'fixtures', 'schemas', 'sarif-2.1.0.json')));
      const log = JSON.parse(renderReport(report, 'sarif')) as {
        runs: Array<{ tool: { driver: { rules: unknown[] } } }>;
      };
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(notMet.length).toBeGreaterThan(0);
      expect(log.runs[0]!.tool.driver.rules).toHaveLength(notMet.length);
    });

    it('ASFF carries Security Hub control ids for failing rules that have one', () => {
      const findings = JSON.parse(renderReport(report, 'asff')) as AsffFinding[];
      expect(findings.filter((f) => f.Compliance.Status === 'FAILED')).toHaveLength(notMet.length);
      expect(findings.some((f) => f.Compliance.SecurityControlId !== undefined)).toBe(true);
      for (const f of findings) expect([...f.Description].length).toBeLessThanOrEqual(1024);
    });

    it('HTML and Markdown name every remediation item', () => {
      const html = renderReport(report, 'html');
      const md = renderReport(report, 'markdown', { maxRemediation: 1000 });
      for (const item of report.remediation) {
        expect(html).toContain(`href="#c-${item.control}"`);
        expect(md).toContain(`**${item.control}**`);
      }
    });
  },
);
