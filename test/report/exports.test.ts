import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import { toJunit } from '../../src/report/junit.js';
import { toMarkdown } from '../../src/report/markdown-scan.js';
import { sarifUri, toSarif } from '../../src/report/sarif.js';

import * as assess from '../../src/assess/index.js';
import * as catalog from '../../src/catalog/index.js';
import * as guard from '../../src/guard/index.js';
import * as iac from '../../src/iac/index.js';
import * as modelcard from '../../src/modelcard/index.js';
import * as report from '../../src/report/index.js';
import * as resources from '../../src/resources/index.js';
import * as rules from '../../src/rules/index.js';
import * as scan from '../../src/scan/index.js';

const MODULES: Record<string, Record<string, unknown>> = {
  catalog,
  resources,
  iac,
  rules,
  scan,
  assess,
  report,
  modelcard,
  guard,
};

describe('package root exports', () => {
  it('reaches the scan report renderers under names that say they render a scan', () => {
    expect(root.toScanSarif).toBe(toSarif);
    expect(root.toScanJunit).toBe(toJunit);
    expect(root.toScanMarkdown).toBe(toMarkdown);
    expect(root.sarifUri).toBe(sarifUri);
    // ...next to the assessment's own exporters, which stay distinct.
    expect(root.toAssessmentSarif).not.toBe(root.toScanSarif);
    expect(typeof root.renderAssessmentMarkdown).toBe('function');
  });

  // Two modules exporting one name make `export *` drop it silently; every module export must reach the root.
  it.each(Object.keys(MODULES))('re-exports every value of src/%s without a name clash', (name) => {
    const sub = MODULES[name]!;
    const lost = Object.keys(sub).filter((key) => (root as Record<string, unknown>)[key] !== sub[key]);
    expect(lost).toEqual([]);
  });
});
