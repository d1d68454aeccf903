import pc from 'picocolors';
import { LAYERS, PHASES } from '../catalog/index.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { scopeName } from './scope.js';
import type { AssessmentReport, MetApplicable } from './types.js';

export const FAIL_ON_VALUES = ['none', 'foundational', 'scaling', 'industrialized', ...SEVERITIES] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

const PHASE_ORDER = ['none', ...PHASES] as const;

/**
 * `--fail-on` semantics. A phase fails the run when the phase reached is below it; a severity fails
 * it when a not-met control of at least that severity is in the remediation list (unknown controls
 * never fail a run by severity: they need evidence, not a fix). `none` never fails.
 */
export function failsOn(report: AssessmentReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (failOn === 'foundational' || failOn === 'scaling' || failOn === 'industrialized')
    return PHASE_ORDER.indexOf(report.phaseReached) < PHASE_ORDER.indexOf(failOn);
  const threshold = SEVERITIES.indexOf(failOn);
  return report.remediation.some(
    (r) => r.status === 'not-met' && SEVERITIES.indexOf(r.severity) >= threshold,
  );
}

const LAYER_LABEL: Record<(typeof LAYERS)[number], string> = {
  infrastructure: 'Infrastructure',
  'identity-data': 'Identity & data',
  'ai-application': 'AI application',
};
const DID_LABEL: Record<string, string> = {
  '1': 'Data protection',
  '2': 'Identity & access',
  '3': 'Application',
  '4': 'Network & edge',
  '5': 'Infrastructure',
  '6': 'Detection & response',
  '7': 'Policies & awareness',
};

function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - visibleLength(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - visibleLength(s))) + s;

/** Terminal summary: determinations, phase, a layer x phase heat map, sections, frameworks, what to fix first. */
export function toAssessText(report: AssessmentReport, opts: { color?: boolean; top?: number } = {}): string {
  const c = pc.createColors(opts.color ?? false);
  const ratio = (m: MetApplicable): number => (m.applicable === 0 ? 1 : m.met / m.applicable);
  const heat = (m: MetApplicable): string => {
    if (m.applicable === 0) return c.dim('   -   ');
    const text = padStart(`${m.met}/${m.applicable}`, 5);
    const r = ratio(m);
    const paint = r === 1 ? c.bgGreen : r >= 0.5 ? c.bgYellow : c.bgRed;
    return paint(c.black(` ${text} `));
  };
  const sevPaint: Record<Severity, (s: string) => string> = {
    critical: c.magenta,
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
  };
  const lines: string[] = [];
  const s = report.system;
  const d = report.determinations;
  lines.push(c.bold(`aigis assess: ${s.name}`) + c.dim(` (owner ${s.owner})`));
  lines.push(
    `  scope          ${c.bold(String(s.scope))} ${scopeName(s.scope)} ${c.dim(`- ${s.scopeReason}`)}`,
  );
  const split = (who: string): string =>
    Object.entries(s.responsibility)
      .filter(([, r]) => r === who)
      .map(([area]) => area)
      .join(', ') || '-';
  if (Object.keys(s.responsibility).length > 0)
    lines.push(
      c.dim(
        `                 customer: ${split('customer')} · shared: ${split('shared')} · AWS: ${split('aws')}`,
      ),
    );
  lines.push(
    `  regulations    ${d.regulations.length ? d.regulations.map((r) => c.bold(r.id)).join(', ') : 'none'}`,
  );
  for (const r of d.regulations) lines.push(c.dim(`                   ${r.id}: ${r.triggers.join('; ')}`));
  const tierPaint =
    d.euAiActTier === 'prohibited'
      ? c.magenta
      : d.euAiActTier === 'high'
        ? c.red
        : d.euAiActTier === 'limited'
          ? c.yellow
          : c.green;
  lines.push(
    `  EU AI Act      ${tierPaint(c.bold(d.euAiActTier))} risk${d.gpai ? ', builds on a general-purpose AI model' : ''} ${c.dim(`- ${d.euAiActReason}`)}`,
  );
  const phasePaint =
    report.phaseReached === 'none' ? c.red : report.phaseReached === 'industrialized' ? c.green : c.yellow;
  lines.push(`  phase reached  ${phasePaint(c.bold(report.phaseReached))}`);
  lines.push('');

  const col = 15;
  lines.push(c.bold('AWS AI Security Framework: met / applicable controls'));
  lines.push(`  ${pad('', 17)}${PHASES.map((p) => pad(p, col)).join('')}`);
  for (const layer of LAYERS)
    lines.push(
      `  ${pad(LAYER_LABEL[layer], 17)}${PHASES.map((p) => pad(heat(report.layers[layer][p]), col)).join('')}`,
    );
  lines.push('');

  const sec = report.sections;
  lines.push(
    `${c.bold('Sections')}  ${(['security', 'compliance', 'identity'] as const).map((k) => `${k} ${sec[k].met}/${sec[k].applicable}`).join('   ')}`,
  );
  lines.push(
    `${c.bold('Defense in depth')}  ${Object.entries(report.didLayers)
      .filter(([, m]) => m.applicable > 0)
      .map(([k, m]) => `${k} ${DID_LABEL[k]} ${m.met}/${m.applicable}`)
      .join(' · ')}`,
  );
  lines.push('');
  lines.push(c.bold('Frameworks: requirements met / covered / total'));
  for (const [id, f] of Object.entries(report.frameworks))
    lines.push(
      `  ${pad(id, 18)}${padStart(String(f.met), 4)} / ${padStart(String(f.covered), 3)} / ${padStart(String(f.total), 3)}`,
    );
  lines.push('');

  const counts = { met: 0, attested: 0, 'not-met': 0, unknown: 0, 'not-applicable': 0 };
  for (const r of report.controls) counts[r.status]++;
  lines.push(
    `${c.bold('Controls')}  ${c.green(`${counts.met} met`)}, ${c.green(`${counts.attested} attested`)}, ${counts['not-met'] ? c.red(`${counts['not-met']} not met`) : '0 not met'}, ${counts.unknown} unknown, ${c.dim(`${counts['not-applicable']} not applicable`)}`,
  );
  const top = opts.top ?? 10;
  const first = report.remediation.filter((r) => r.phase === report.remediation[0]?.phase);
  if (first.length > 0) {
    lines.push('');
    lines.push(c.bold(`Fix first (to reach ${first[0]!.phase}): ${first.length} control(s)`));
    for (const r of first.slice(0, top)) {
      const tag =
        r.status === 'not-met'
          ? sevPaint[r.severity](`${r.severity.toUpperCase().padEnd(8)}`)
          : c.dim('UNKNOWN ');
      lines.push(`  ${tag} ${r.control} ${c.dim(`- ${r.title}`)}`);
      for (const f of r.findings.slice(0, 2))
        lines.push(c.dim(`           ${f.ruleId} ${f.address} ${f.file}:${f.line}`));
      if (r.findings.length > 2)
        lines.push(c.dim(`           ... and ${r.findings.length - 2} more finding(s)`));
    }
    if (first.length > top)
      lines.push(c.dim(`  ... and ${first.length - top} more (--format json or html for all)`));
  }
  for (const w of report.warnings) lines.push(c.yellow(`warning: ${w}`));
  return `${lines.join('\n')}\n`;
}
