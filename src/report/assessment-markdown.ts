import type { MetApplicable } from '../assess/types.js';
import { PHASES } from '../catalog/index.js';
import {
  frameworkName,
  nextPhaseAfter,
  owaspLabel,
  owaspOrder,
  STATUS_LABEL,
  type ReportContext,
} from './context.js';

/** An assessment summary in Markdown for pull-request comments and CI job summaries. */

/** Table cell text: pipes and newlines would break the table, and HTML in the report must not render. */
export const mdCell = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');

export const LAYER_NAMES = {
  infrastructure: 'Infrastructure',
  'identity-data': 'Identity & data',
  'ai-application': 'AI application',
} as const;
export const PHASE_NAMES = {
  foundational: 'Foundational',
  scaling: 'Scaling',
  industrialized: 'Industrialized',
} as const;
export const SECTION_NAMES = {
  security: 'Security',
  compliance: 'Compliance',
  identity: 'Identity',
} as const;

export function ratio(m: MetApplicable): string {
  if (m.applicable === 0) return '–';
  return `${m.met}/${m.applicable}${m.met === m.applicable ? ' ✅' : ''}`;
}

export const percent = (met: number, of: number): string =>
  of === 0 ? '–' : `${Math.round((100 * met) / of)}%`;

export interface MarkdownOptions {
  /** Rows of the remediation table (default 25); the rest are counted. */
  maxRemediation?: number;
}

export function renderMarkdown(ctx: ReportContext, opts: MarkdownOptions = {}): string {
  const r = ctx.report;
  const max = opts.maxRemediation ?? 25;
  const out: string[] = [`## aigis assessment: ${mdCell(r.system.name)}`, ''];
  const regs = r.determinations.regulations.map((d) => d.id).join(', ') || 'none';
  out.push(
    `**Phase reached: ${r.phaseReached}** · scope ${r.system.scope} (${mdCell(r.system.scopeReason)}) · ` +
      `EU AI Act tier: ${r.determinations.euAiActTier}${r.determinations.gpai ? ' (GPAI)' : ''} · regulations: ${mdCell(regs)}`,
    '',
  );
  const next = nextPhaseAfter(r.phaseReached);
  if (next) {
    const blocking = r.remediation.filter((i) => PHASES.indexOf(i.phase) <= PHASES.indexOf(next));
    out.push(
      `To reach **${next}**: ${blocking.length} control${blocking.length === 1 ? '' : 's'} to fix or evidence (the first rows below).`,
      '',
    );
  }
  const counts = new Map<string, number>();
  for (const c of r.controls) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  out.push(
    '| met | attested | not met | unknown | not applicable |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.get('met') ?? 0} | ${counts.get('attested') ?? 0} | ${counts.get('not-met') ?? 0} | ${counts.get('unknown') ?? 0} | ${counts.get('not-applicable') ?? 0} |`,
    '',
  );

  out.push('### AWS AI Security Framework: layer × phase (met/applicable)', '');
  out.push(`| layer | ${Object.values(PHASE_NAMES).join(' | ')} |`, '| --- | ---: | ---: | ---: |');
  for (const [layer, name] of Object.entries(LAYER_NAMES)) {
    const row = r.layers[layer as keyof typeof LAYER_NAMES];
    out.push(
      `| ${name} | ${ratio(row.foundational)} | ${ratio(row.scaling)} | ${ratio(row.industrialized)} |`,
    );
  }
  out.push('');

  out.push('### Sections', '', '| section | met/applicable | % |', '| --- | ---: | ---: |');
  for (const [key, name] of Object.entries(SECTION_NAMES)) {
    const s = r.sections[key as keyof typeof SECTION_NAMES];
    out.push(`| ${name} | ${ratio(s)} | ${percent(s.met, s.applicable)} |`);
  }
  out.push('');

  const frameworks = Object.entries(r.frameworks);
  if (frameworks.length > 0) {
    out.push(
      '### Frameworks',
      '',
      '| framework | requirements covered | met | total | met % |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const [id, f] of frameworks)
      out.push(
        `| ${mdCell(frameworkName(ctx, id))} | ${f.covered} | ${f.met} | ${f.total} | ${percent(f.met, f.total)} |`,
      );
    out.push('');
  }

  const owasp = Object.entries(r.owasp)
    .filter(([, m]) => m.applicable > 0)
    .sort(([a], [b]) => owaspOrder(a, b));
  if (owasp.length > 0) {
    out.push(
      '<details><summary>OWASP risks (controls met/applicable)</summary>',
      '',
      '| risk | met/applicable |',
      '| --- | ---: |',
    );
    for (const [id, m] of owasp) out.push(`| ${mdCell(owaspLabel(ctx, id))} | ${ratio(m)} |`);
    out.push('', '</details>', '');
  }

  if (r.remediation.length > 0) {
    out.push(
      `### What to fix first (${r.remediation.length})`,
      '',
      '| # | phase | severity | status | control | remediation |',
      '| ---: | --- | --- | --- | --- | --- |',
    );
    r.remediation.slice(0, max).forEach((item, i) => {
      const where = item.findings
        .slice(0, 3)
        .map((f) => `\`${mdCell(f.file)}:${f.line}\``)
        .join(', ');
      out.push(
        `| ${i + 1} | ${item.phase} | ${item.severity} | ${STATUS_LABEL[item.status]} | **${mdCell(item.control)}**: ${mdCell(item.title)} | ${mdCell(item.remediation)}${where ? ` (${where})` : ''} |`,
      );
    });
    if (r.remediation.length > max)
      out.push('', `… and ${r.remediation.length - max} more (see the HTML or JSON report).`);
    out.push('');
  }
  if (r.warnings.length > 0) {
    out.push('<details><summary>Warnings</summary>', '');
    for (const w of r.warnings) out.push(`- ${mdCell(w)}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
