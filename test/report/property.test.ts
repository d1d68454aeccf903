import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControlResult, Evidence } from '../../src/assess/types.js';
import { loadCatalog } from '../../src/catalog/index.js';
import { renderReport, type AsffFinding } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

const catalog = loadCatalog();
const readJson = (file: string): object => JSON.parse(readFileSync(file, 'utf8')) as object;
const oscalAjv = new Ajv({ strict: false });
addFormats.default(oscalAjv);
const validateOscal = oscalAjv.compile(
  readJson(join(import.meta.dirname, 'schemas', 'oscal_assessment-results_schema.json')),
);
const sarifAjv = new Ajv2020({ strict: false });
addFormats.default(sarifAjv);
const validateSarif = sarifAjv.compile(
  readJson(join(import.meta.dirname, '..', 'fixtures', 'schemas', 'sarif-2.1.0.json')),
);

const text = fc.string({
  maxLength: 80,
  unit: fc.constantFrom('a', ' ', '\n', '\t', '<', '"', 'é', '|', '#', '0'),
});
const evidence: fc.Arbitrary<Evidence> = fc.record(
  {
    kind: fc.constantFrom('scan', 'governance', 'runtime', 'attestation', 'manual'),
    status: fc.constantFrom('pass', 'fail', 'unknown'),
    message: text,
    ruleId: fc.constantFrom('apigateway_method_authorized', 's3_bucket_versioning_enabled', 'no_such_rule'),
    resource: fc.record({ address: text, file: text, line: fc.integer({ min: 0, max: 5000 }) }),
    file: text,
    line: fc.integer({ min: 1, max: 5000 }),
    field: text,
  },
  { requiredKeys: ['kind', 'status', 'message'] },
);
const control: fc.Arbitrary<ControlResult> = fc.record({
  id: fc.constantFrom(...catalog.controls.slice(0, 40).map((c) => c.id), 'not-in-catalog'),
  status: fc.constantFrom('met', 'not-met', 'unknown', 'attested', 'not-applicable'),
  reason: text,
  evidence: fc.array(evidence, { maxLength: 4 }),
});

describe('exporters on arbitrary assessments (property)', () => {
  it('OSCAL and SARIF stay schema-valid, ASFF within its limits, OCSF one object per line', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(control, { maxLength: 12, selector: (c) => c.id }),
        text,
        text,
        (controls, owner, name) => {
          const report = fixtureReport();
          report.controls = controls;
          report.system.owner = owner;
          report.system.name = `bot${name}`;
          const oscal = JSON.parse(renderReport(report, 'oscal')) as object;
          expect(validateOscal(oscal), JSON.stringify(validateOscal.errors?.slice(0, 2))).toBe(true);
          const sarif = JSON.parse(renderReport(report, 'sarif')) as object;
          expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true);
          const applicable = controls.filter((c) => c.status !== 'not-applicable').length;
          const asff = JSON.parse(renderReport(report, 'asff')) as AsffFinding[];
          expect(asff).toHaveLength(applicable);
          for (const f of asff) {
            expect([...f.Title].length).toBeLessThanOrEqual(256);
            expect([...f.Description].length).toBeLessThanOrEqual(1024);
            expect(f.Id).not.toMatch(/\s/);
          }
          const ocsf = renderReport(report, 'ocsf');
          expect(ocsf === '' ? 0 : ocsf.trimEnd().split('\n').length).toBe(applicable);
        },
      ),
      { numRuns: 60 },
    );
  });
});
