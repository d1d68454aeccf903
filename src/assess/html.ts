import { LAYERS, PHASES } from '../catalog/index.js';
import type { AssessmentReport, MetApplicable } from './types.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const LAYER_LABEL: Record<string, string> = { infrastructure: 'Infrastructure', 'identity-data': 'Identity & data', 'ai-application': 'AI application' };

function cell(m: MetApplicable): string {
  if (m.applicable === 0) return '<td class="na">–</td>';
  const r = m.met / m.applicable;
  const hue = Math.round(r * 120);
  return `<td style="background:hsl(${hue} 70% 82%)"><b>${m.met}</b>/${m.applicable}</td>`;
}

function bar(met: number, total: number): string {
  const pct = total === 0 ? 0 : Math.round((100 * met) / total);
  return `<div class="bar"><span style="width:${pct}%"></span></div><small>${met}/${total}</small>`;
}

/**
 * A self-contained HTML page of an assessment (no scripts, no external resources). The reports
 * module's renderer, with charts, replaces it when present; this one keeps `aigis assess --format html`
 * and the demo working on their own.
 */
export function toAssessHtml(report: AssessmentReport): string {
  const s = report.system;
  const d = report.determinations;
  const counts = { met: 0, attested: 0, 'not-met': 0, unknown: 0, 'not-applicable': 0 };
  for (const c of report.controls) counts[c.status]++;
  const heat = LAYERS.map((l) => `<tr><th>${LAYER_LABEL[l]}</th>${PHASES.map((p) => cell(report.layers[l][p])).join('')}</tr>`).join('');
  const frameworks = Object.entries(report.frameworks)
    .map(([id, f]) => `<tr><td>${esc(id)}</td><td>${bar(f.met, f.covered)}</td><td>${f.covered}/${f.total}</td></tr>`)
    .join('');
  const sections = (['security', 'compliance', 'identity'] as const)
    .map((k) => `<div class="card"><h3>${k}</h3>${bar(report.sections[k].met, report.sections[k].applicable)}</div>`)
    .join('');
  const remediation = report.remediation
    .slice(0, 40)
    .map(
      (r) =>
        `<tr class="${r.status}"><td><span class="sev ${r.status === 'not-met' ? r.severity : 'unknown'}">${r.status === 'not-met' ? r.severity : 'unknown'}</span></td><td>${r.phase}</td><td><b>${esc(r.control)}</b><br><small>${esc(r.title)}</small></td><td><small>${esc(r.remediation)}</small>${r.findings
          .slice(0, 3)
          .map((f) => `<br><code>${esc(f.ruleId)}</code> <small>${esc(f.file)}:${f.line}</small>`)
          .join('')}</td></tr>`,
    )
    .join('');
  const regs = d.regulations.length
    ? d.regulations.map((r) => `<li><b>${r.id}</b> <small>${esc(r.triggers.join('; '))}</small></li>`).join('')
    : '<li>none</li>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aigis assessment: ${esc(s.name)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f5f7fa}
header{background:#162034;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}header small{opacity:.75}
main{padding:20px 32px;display:grid;grid-template-columns:1fr 1fr;gap:20px}
section{background:#fff;border-radius:8px;padding:16px 20px;box-shadow:0 1px 3px #0002}section.wide{grid-column:1/3}
h2{font-size:16px;margin:0 0 12px}table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #e5e8ee;text-align:left;vertical-align:top}
.heat td{text-align:center;font-size:15px;border:2px solid #fff}.heat td.na{color:#aaa;background:#f0f0f0}
.phase{display:inline-block;padding:4px 12px;border-radius:14px;font-weight:600;background:#ffe3a3}.phase.none{background:#ffc9c9}.phase.industrialized{background:#c8f2c8}
.bar{display:inline-block;width:160px;height:10px;background:#e5e8ee;border-radius:5px;margin-right:8px;vertical-align:middle}.bar span{display:block;height:100%;background:#3a9a5b;border-radius:5px}
.cards{display:flex;gap:12px}.card{flex:1;background:#f5f7fa;border-radius:6px;padding:8px 12px}.card h3{margin:0 0 6px;font-size:13px;text-transform:capitalize}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;background:#888}.sev.critical{background:#8e24aa}.sev.high{background:#d32f2f}.sev.medium{background:#f29d0b}.sev.low{background:#1e88e5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}dt{font-weight:600}dd{margin:0}ul{margin:0;padding-left:18px}
</style></head><body>
<header><h1>${esc(s.name)}</h1><small>owner ${esc(s.owner)} · aigis ${esc(report.version)} · ${esc(report.generatedAt)}</small></header>
<main>
<section><h2>System</h2><dl>
<dt>Phase reached</dt><dd><span class="phase ${report.phaseReached}">${report.phaseReached}</span></dd>
<dt>Scope</dt><dd>${s.scope} <small>${esc(s.scopeReason)}</small></dd>
<dt>Responsibility</dt><dd><small>${Object.entries(s.responsibility).map(([area, who]) => `${esc(area)}: <b>${who}</b>`).join(' · ')}</small></dd>
<dt>EU AI Act</dt><dd><b>${d.euAiActTier}</b> risk${d.gpai ? ', general-purpose AI model' : ''}<br><small>${esc(d.euAiActReason)}</small></dd>
<dt>Regulations</dt><dd><ul>${regs}</ul></dd>
<dt>Controls</dt><dd>${counts.met} met · ${counts.attested} attested · ${counts['not-met']} not met · ${counts.unknown} unknown · ${counts['not-applicable']} not applicable</dd>
</dl></section>
<section><h2>AWS AI Security Framework (met / applicable)</h2><table class="heat"><tr><th></th>${PHASES.map((p) => `<th>${p}</th>`).join('')}</tr>${heat}</table>
<h2 style="margin-top:16px">Sections</h2><div class="cards">${sections}</div></section>
<section class="wide"><h2>Compliance frameworks (requirements met / covered, covered / total)</h2><table>${frameworks}</table></section>
<section class="wide"><h2>What to fix first</h2><table><tr><th>severity</th><th>phase</th><th>control</th><th>remediation and findings</th></tr>${remediation}</table>${report.remediation.length > 40 ? `<p><small>… and ${report.remediation.length - 40} more in the JSON report</small></p>` : ''}</section>
</main></body></html>
`;
}
