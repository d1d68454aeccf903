import pc from 'picocolors';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { ScanReport } from './types.js';

const ORDER = [...SEVERITIES].reverse();

/** Terminal output: failures (most severe first) with location and message, then totals. */
export function toText(report: ScanReport, opts: { color?: boolean; showUnknown?: boolean } = {}): string {
  const c = pc.createColors(opts.color ?? false);
  const paint: Record<Severity, (s: string) => string> = {
    critical: c.magenta,
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
  };
  const lines: string[] = [];
  const listed = report.results
    .filter((r) => r.status === 'fail' || (opts.showUnknown && r.status === 'unknown'))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
        a.resource.file.localeCompare(b.resource.file) ||
        a.resource.line - b.resource.line,
    );
  for (const r of listed) {
    const tag =
      r.status === 'fail'
        ? c.bold(paint[r.severity](`FAIL ${r.severity.padEnd(8)}`))
        : c.dim(`UNKNOWN ${r.severity.padEnd(5)}`);
    lines.push(
      `${tag} ${r.ruleId}`,
      `     ${r.resource.address} ${c.dim(`${r.resource.file}:${r.resource.line}`)}`,
      `     ${r.message}`,
      '',
    );
  }
  for (const e of report.errors)
    lines.push(c.red(`ERROR ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`));
  for (const w of report.warnings)
    lines.push(c.yellow(`warning: ${w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}`));
  if (report.errors.length + report.warnings.length > 0) lines.push('');
  const s = report.summary;
  lines.push(
    `${s.files} files, ${s.resources} resources, ${s.rules} rules: ${c.green(`${s.pass} passed`)}, ${s.fail > 0 ? c.red(`${s.fail} failed`) : '0 failed'}, ${s.unknown} unknown, ${s.suppressed} suppressed, ${s.notApplicable} not applicable`,
  );
  lines.push(`failures by severity: ${ORDER.map((sev) => `${sev} ${s.failBySeverity[sev]}`).join(', ')}`);
  lines.push(
    s.failed
      ? c.red(c.bold(`FAILED: failures at or above ${s.failOn}`))
      : c.green(`OK: no failures at or above ${s.failOn}`),
  );
  return `${lines.join('\n')}\n`;
}
