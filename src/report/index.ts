// Exporters of an AssessmentReport: JSON, Markdown, HTML, OSCAL, ASFF, OCSF and SARIF; and of a ScanReport:
// SARIF, JUnit and Markdown (sarif.ts, junit.ts, markdown-scan.ts), exported with a Scan prefix so the two
// kinds cannot be confused at the package root.
import type { AssessmentReport } from '../assess/types.js';
import { renderMarkdown, type MarkdownOptions } from './assessment-markdown.js';
import { toAssessmentSarif } from './assessment-sarif.js';
import { toAsff } from './asff.js';
import { reportContext, type ReportOptions } from './context.js';
import { toHtml } from './html.js';
import { toOcsf } from './ocsf.js';
import { toOscal } from './oscal.js';

export const REPORT_FORMATS = ['json', 'markdown', 'html', 'oscal', 'asff', 'ocsf', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type RenderOptions = ReportOptions & MarkdownOptions;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Renders an assessment in one format. Every format ends with a newline; OCSF is one JSON object per line. */
export function renderReport(
  report: AssessmentReport,
  format: ReportFormat,
  opts: RenderOptions = {},
): string {
  if (format === 'json') return json(report);
  const ctx = reportContext(report, opts);
  switch (format) {
    case 'markdown':
      return renderMarkdown(ctx, opts);
    case 'html':
      return `${toHtml(ctx)}\n`;
    case 'oscal':
      return json(toOscal(ctx));
    case 'asff':
      return json(toAsff(ctx));
    case 'ocsf': {
      const lines = toOcsf(ctx);
      return lines ? `${lines}\n` : '';
    }
    case 'sarif':
      return json(toAssessmentSarif(ctx));
  }
}

export {
  reportContext,
  uuidV5,
  type ReportOptions,
  type ReportContext,
  type ControlView,
} from './context.js';
export { toOscal, OSCAL_VERSION } from './oscal.js';
export {
  toAsff,
  ASFF_PLACEHOLDER_ACCOUNT,
  ASFF_PLACEHOLDER_REGION,
  AWS_ACCOUNT_ID_PATTERN,
  AWS_REGION_PATTERN,
  type AsffFinding,
} from './asff.js';
export { toOcsfEvents, OCSF_VERSION, COMPLIANCE_FINDING_CLASS_UID } from './ocsf.js';
export { toAssessmentSarif } from './assessment-sarif.js';
export { renderMarkdown as renderAssessmentMarkdown } from './assessment-markdown.js';
export { toHtml as renderAssessmentHtml } from './html.js';
export { toSarif as toScanSarif, sarifUri, type SarifOptions as ScanSarifOptions } from './sarif.js';
export { toJunit as toScanJunit } from './junit.js';
export { toMarkdown as toScanMarkdown } from './markdown-scan.js';
