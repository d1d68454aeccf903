import { SEVERITIES } from '../rules/types.js';
import type { ScanReport, ScanResult } from '../scan/types.js';

/** A Markdown summary for pull-request comments and job summaries: totals, then failures by severity. */

/** Table cell text: pipes and newlines would break the table, and HTML from templates must not render. */
const cell = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
const ORDER = [...SEVERITIES].reverse();

export function toMarkdown(report: ScanReport, opts: { maxRows?: number } = {}): string {
  const maxRows = opts.maxRows ?? 200;
  const s = report.summary;
  const out: string[] = ['## aigis scan', ''];
  out.push(
    `${s.failed ? '**Failed**' : '**Passed**'} (fail-on: ${s.failOn}) — ${s.files} files, ${s.resources} resources, ${s.rules} rules.`,
    '',
    '| pass | fail | unknown | suppressed | not applicable |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${s.pass} | ${s.fail} | ${s.unknown} | ${s.suppressed} | ${s.notApplicable} |`,
    '',
  );
  const fails = ORDER.map((sev) => `${sev}: ${s.failBySeverity[sev]}`).join(', ');
  out.push(`Failures by severity: ${fails}.`, '');
  if (report.errors.length > 0) {
    out.push('### Files that could not be parsed', '');
    for (const e of report.errors)
      out.push(`- \`${cell(e.file)}${e.line ? `:${e.line}` : ''}\`: ${cell(e.message)}`);
    out.push('');
  }
  const failed = report.results
    .filter((r) => r.status === 'fail')
    .sort(
      (a, b) =>
        ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
        a.resource.file.localeCompare(b.resource.file) ||
        a.resource.line - b.resource.line,
    );
  if (failed.length > 0) {
    out.push(
      '### Failures',
      '',
      '| severity | rule | resource | location | message |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of failed.slice(0, maxRows)) out.push(row(r));
    if (failed.length > maxRows)
      out.push('', `… and ${failed.length - maxRows} more (see the JSON or SARIF report).`);
    out.push('');
  }
  const suppressed = report.results.filter((r) => r.status === 'suppressed');
  if (suppressed.length > 0) {
    out.push(
      '<details><summary>Suppressed</summary>',
      '',
      '| rule | resource | by | reason |',
      '| --- | --- | --- | --- |',
    );
    for (const r of suppressed.slice(0, maxRows))
      out.push(
        `| ${r.ruleId} | \`${cell(r.resource.address)}\` | ${r.suppression?.origin ?? ''} | ${cell(r.suppression?.reason ?? '(no reason)')} |`,
      );
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function row(r: ScanResult): string {
  return `| ${r.severity} | ${r.ruleId} | \`${cell(r.resource.address)}\` | \`${cell(r.resource.file)}:${r.resource.line}\` | ${cell(r.message)} |`;
}
