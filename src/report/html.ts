import type { ControlStatus, Evidence } from '../assess/types.js';
import type { Severity } from '../rules/types.js';
import { LAYER_NAMES, PHASE_NAMES, SECTION_NAMES } from './assessment-markdown.js';
import {
  didLayerName,
  frameworkName,
  nextPhaseAfter,
  owaspLabel,
  owaspOrder,
  STATUS_LABEL,
  type ControlView,
  type ReportContext,
} from './context.js';
import { barChart, escapeHtml as esc, heatMap, legend } from './svg.js';

/**
 * A self-contained HTML report: inline CSS, inline SVG charts and a few lines of inline script for
 * filtering. Nothing is fetched, so it works offline, attached to a ticket or printed.
 */

const STATUS_ORDER: ControlStatus[] = ['not-met', 'unknown', 'met', 'attested', 'not-applicable'];
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

const CSS = `
:root{--ink:#1b1b1b;--muted:#555;--line:#d0d0d0;--bg:#fafafa;--met:#2166ac;--notmet:#b2182b;--unknown:#8a5a00;--attested:#1b7837;--na:#6b6b6b}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:34px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}
.sub{color:var(--muted);margin:0 0 16px}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:10px 18px;margin:14px 0}
.fact{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--bg)}
.fact .k{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}.fact .v{font-size:17px;font-weight:600}.fact .r{font-size:13px;color:var(--muted)}
.counts{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.count{border-radius:8px;padding:8px 14px;border:1px solid var(--line);min-width:120px}.count b{display:block;font-size:22px}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.s-met{background:var(--met)}.s-not-met{background:var(--notmet)}.s-unknown{background:var(--unknown)}.s-attested{background:var(--attested)}.s-not-applicable{background:var(--na)}
.sev{display:inline-block;border:1px solid currentColor;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600}
.sev-critical{color:#8b0000}.sev-high{color:#b2182b}.sev-medium{color:#8a5a00}.sev-low{color:#2b5d8a}
.phase{font-weight:700;text-transform:capitalize}
svg.chart{max-width:100%;height:auto;display:block;margin:6px 0}
svg .axis{font-size:13px;fill:#222}svg .cell{font-size:18px;font-weight:700}svg .cellsub{font-size:12px}svg .note{font-size:12px;fill:#333}svg .legendtext{font-size:11px}
svg.chart{max-width:min(100%,1000px)}
.meter{height:12px;background:#d1e5f0;border-radius:6px;overflow:hidden;margin:4px 0}.meter span{display:block;height:100%;background:#2166ac}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:var(--bg);font-size:13px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f1f1;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.sections{display:grid;grid-template-columns:repeat(3,1fr);gap:14px}@media (max-width:900px){.sections{grid-template-columns:1fr}}
.section{border:1px solid var(--line);border-radius:8px;padding:10px 14px}.section ul{margin:6px 0 0;padding-left:18px;font-size:13px}
.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:12px;align-items:center;z-index:1}
.filters input[type=search]{padding:5px 8px;border:1px solid #999;border-radius:5px;min-width:260px;font:inherit}
details.control{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:0 10px}
details.control>summary{cursor:pointer;padding:7px 0;list-style-position:outside}
details.control[open]>summary{border-bottom:1px solid var(--line)}
.meta{font-size:13px;color:var(--muted);margin:6px 0}
.evidence{margin:6px 0 10px;padding-left:18px;font-size:13.5px}.evidence li{margin:3px 0}
.ev-pass{color:var(--met)}.ev-fail{color:var(--notmet)}.ev-unknown{color:var(--unknown)}
.warn{border-left:4px solid var(--unknown);background:#fff8e6;padding:8px 12px;margin:8px 0}
footer{margin-top:40px;color:var(--muted);font-size:12px}
.skip{position:absolute;left:-999px}.skip:focus{left:10px;top:10px;background:#fff;padding:6px}
a{color:#1f4e8c}
@media print{
  .filters,.skip{display:none}
  main{max-width:none;padding:0}
  body{font-size:11pt}
  h2{break-after:avoid}
  details.control,tr,.fact,.section,svg{break-inside:avoid}
  .badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;

/** Filtering by status and text, and opening every control before printing. Optional: the report reads fine without it. */
const SCRIPT = `
(function(){
  var q=document.getElementById('q');var boxes=document.querySelectorAll('input[data-status]');
  function apply(){var text=(q.value||'').toLowerCase();var on={};boxes.forEach(function(b){on[b.getAttribute('data-status')]=b.checked});
    var shown=0;document.querySelectorAll('details.control').forEach(function(d){var ok=on[d.getAttribute('data-status')]&&(!text||d.getAttribute('data-text').indexOf(text)>=0);d.hidden=!ok;if(ok)shown++});
    document.getElementById('shown').textContent=shown;}
  q.addEventListener('input',apply);boxes.forEach(function(b){b.addEventListener('change',apply)});
  document.getElementById('expand').addEventListener('click',function(){var ds=document.querySelectorAll('details.control:not([hidden])');var open=!Array.prototype.every.call(ds,function(d){return d.open});ds.forEach(function(d){d.open=open})});
  window.addEventListener('beforeprint',function(){document.querySelectorAll('details.control').forEach(function(d){d.hidden=false;d.open=true})});
  apply();
})();
`;

const badge = (status: ControlStatus): string =>
  `<span class="badge s-${status}">${STATUS_LABEL[status]}</span>`;
const sev = (s: string): string => `<span class="sev sev-${esc(s)}">${esc(s)}</span>`;

function evidenceItem(e: Evidence): string {
  const where = e.resource
    ? ` <code>${esc(e.resource.file)}:${e.resource.line}</code> <code>${esc(e.resource.address)}</code>`
    : e.file
      ? ` <code>${esc(e.file)}${e.line ? `:${e.line}` : ''}${e.field ? `: ${esc(e.field)}` : ''}</code>`
      : '';
  const rule = e.ruleId ? ` <code>${esc(e.ruleId)}</code>` : '';
  return `<li><span class="ev-${e.status}"><b>${esc(e.status)}</b></span> · ${esc(e.kind)}${rule}: ${esc(e.message)}${where}</li>`;
}

function controlDetails(ctx: ReportContext, view: ControlView): string {
  const { result, control } = view;
  const refs = Object.entries(control?.references ?? {})
    .map(([f, ids]) => `${esc(frameworkName(ctx, f))}: ${ids.map(esc).join(', ')}`)
    .join(' · ');
  const meta = control
    ? `${esc(LAYER_NAMES[control.layer])} · <span class="phase">${esc(control.phase)}</span> · DiD ${control.didLayer} ${esc(didLayerName(ctx, control.didLayer))}${control.owasp.length ? ` · OWASP ${control.owasp.map(esc).join(', ')}` : ''}`
    : 'not in the catalog';
  const text =
    `${result.id} ${view.title} ${result.reason} ${result.evidence.map((e) => `${e.message} ${e.ruleId ?? ''} ${e.resource?.file ?? e.file ?? ''}`).join(' ')}`.toLowerCase();
  return [
    `<details class="control" data-status="${result.status}" data-text="${esc(text)}" id="c-${esc(result.id)}">`,
    `<summary>${badge(result.status)} ${result.status === 'not-met' || result.status === 'unknown' ? `${sev(view.severity)} ` : ''}<b>${esc(view.title)}</b> <code>${esc(result.id)}</code></summary>`,
    `<p><b>Why:</b> ${esc(result.reason)}</p>`,
    result.evidence.length > 0
      ? `<ul class="evidence">${result.evidence.map(evidenceItem).join('')}</ul>`
      : '<p class="meta">No evidence recorded.</p>',
    control ? `<p><b>Remediation:</b> ${esc(control.remediation)}</p>` : '',
    `<p class="meta">${meta}</p>`,
    refs ? `<p class="meta">${refs}</p>` : '',
    '</details>',
  ].join('');
}

function header(ctx: ReportContext): string {
  const r = ctx.report;
  const d = r.determinations;
  const regs = d.regulations.length
    ? d.regulations
        .map((reg) => `<span title="${esc(reg.triggers.join('; '))}">${esc(reg.id)}</span>`)
        .join(', ')
    : 'none determined';
  const triggers = d.regulations
    .map((reg) => `${esc(reg.id)}: ${reg.triggers.map(esc).join('; ')}`)
    .join('<br>');
  const counts = new Map<ControlStatus, number>();
  for (const c of r.controls) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return [
    `<header><h1>AI security &amp; compliance assessment: ${esc(r.system.name)}</h1>`,
    `<p class="sub">Owner ${esc(r.system.owner || 'not named')} · generated ${esc(r.generatedAt)} by aigis ${esc(r.version)}</p></header>`,
    '<section class="facts" aria-label="Determinations">',
    `<div class="fact"><div class="k">Phase reached</div><div class="v phase">${esc(r.phaseReached)}</div><div class="r">AWS AI Security Framework maturity</div></div>`,
    `<div class="fact"><div class="k">Scoping matrix scope</div><div class="v">Scope ${r.system.scope}</div><div class="r">${esc(r.system.scopeReason)}</div></div>`,
    `<div class="fact"><div class="k">EU AI Act tier</div><div class="v" style="text-transform:capitalize">${esc(d.euAiActTier)}${d.gpai ? ' · GPAI' : ''}</div><div class="r">${esc(d.euAiActReason)}</div></div>`,
    `<div class="fact"><div class="k">Regulations</div><div class="v">${regs}</div><div class="r">${triggers || 'nothing in aigis.yaml brings a regulation in'}</div></div>`,
    '</section>',
    '<div class="counts" aria-label="Controls by status">',
    ...STATUS_ORDER.map((s) => `<div class="count">${badge(s)}<b>${counts.get(s) ?? 0}</b></div>`),
    '</div>',
  ].join('');
}

function charts(ctx: ReportContext): string {
  const r = ctx.report;
  const next = nextPhaseAfter(r.phaseReached);
  const layerKeys = Object.keys(LAYER_NAMES) as Array<keyof typeof LAYER_NAMES>;
  const phaseKeys = Object.keys(PHASE_NAMES) as Array<keyof typeof PHASE_NAMES>;
  const heat = heatMap(
    layerKeys.map((l) => LAYER_NAMES[l]),
    phaseKeys.map((p) => PHASE_NAMES[p]),
    (i, j) => r.layers[layerKeys[i]!][phaseKeys[j]!],
    'Controls met per layer and phase',
  );
  const did = barChart(
    Object.entries(r.didLayers).map(([k, m]) => ({
      label: `${k}. ${didLayerName(ctx, k)}`,
      met: m.met,
      of: m.applicable,
    })),
    'Defense-in-depth layers: controls met of applicable',
    { labelWidth: 280 },
  );
  const frameworks = barChart(
    Object.entries(r.frameworks).map(([id, f]) => ({
      label: frameworkName(ctx, id),
      met: f.met,
      of: f.covered,
      total: f.total,
      note: `${f.met} met · ${f.covered} covered · ${f.total}`,
    })),
    'Framework requirements: met, covered by an applicable control, total',
    { labelWidth: 340, barWidth: 420, noteWidth: 210 },
  );
  // The LLM Top 10 always shows in full; agentic risks only when an agent makes them apply.
  const owaspRows = Object.entries(r.owasp)
    .filter(([id, m]) => id.startsWith('LLM') || m.applicable > 0)
    .sort(([x], [y]) => owaspOrder(x, y));
  const owasp = barChart(
    owaspRows.map(([id, m]) => ({ label: owaspLabel(ctx, id), met: m.met, of: m.applicable })),
    'OWASP risks: controls met of applicable',
    { labelWidth: 380, barWidth: 420 },
  );
  return [
    '<h2 id="framework">AWS AI Security Framework</h2>',
    `<p>Phase reached: <span class="phase">${esc(r.phaseReached)}</span>. A phase is reached when every applicable control of it and of the phases before it holds in all three layers.${next ? ` Next: <span class="phase">${esc(next)}</span>, see <a href="#remediation">what to fix first</a>.` : ''}</p>`,
    heat,
    legend(),
    '<h3>Defense-in-depth layers</h3>',
    did,
    '<h3>OWASP risks (Top 10 for LLM applications 2025; agentic risks that apply)</h3>',
    owasp,
    '<h2 id="frameworks">Compliance frameworks</h2>',
    '<p>Dark: requirements met; light: covered by an applicable control that does not hold yet; grey: not covered by any applicable control.</p>',
    frameworks,
  ].join('');
}

function meter(met: number, of: number): string {
  if (of === 0) return '<p class="meta">No control applies.</p>';
  const share = Math.round((100 * met) / of);
  return `<div class="meter" role="img" aria-label="${met} of ${of} met"><span style="width:${share}%"></span></div><p class="meta">${met}/${of} applicable controls met (${share}%)</p>`;
}

function sections(ctx: ReportContext): string {
  const r = ctx.report;
  const byId = new Map(ctx.controls.map((v) => [v.result.id, v]));
  const cards = (Object.keys(SECTION_NAMES) as Array<keyof typeof SECTION_NAMES>).map((key) => {
    const s = r.sections[key];
    const open = s.controls
      .map((id) => byId.get(id))
      .filter(
        (v): v is ControlView =>
          v !== undefined && (v.result.status === 'not-met' || v.result.status === 'unknown'),
      );
    const list = open
      .slice(0, 12)
      .map((v) => `<li>${badge(v.result.status)} <a href="#c-${esc(v.result.id)}">${esc(v.title)}</a></li>`)
      .join('');
    return (
      `<div class="section"><h3>${SECTION_NAMES[key]}</h3>` +
      meter(s.met, s.applicable) +
      (open.length
        ? `<ul>${list}</ul>${open.length > 12 ? `<p class="meta">and ${open.length - 12} more</p>` : ''}`
        : '<p class="meta">Every applicable control holds.</p>') +
      '</div>'
    );
  });
  return `<h2 id="sections">Security, compliance and identity</h2><div class="sections">${cards.join('')}</div>`;
}

function remediation(ctx: ReportContext): string {
  const items = ctx.report.remediation;
  if (items.length === 0)
    return '<h2 id="remediation">What to fix first</h2><p>Nothing open: every applicable control holds.</p>';
  const rows = items.map((item, i) => {
    const findings = item.findings
      .slice(0, 5)
      .map((f) => `<code>${esc(f.file)}:${f.line}</code> ${esc(f.ruleId)}`)
      .join('<br>');
    const more = item.findings.length > 5 ? `<br>and ${item.findings.length - 5} more` : '';
    return (
      `<tr><td class="num">${i + 1}</td><td class="phase">${esc(item.phase)}</td><td>${sev(item.severity)}</td><td>${badge(item.status)}</td>` +
      `<td><a href="#c-${esc(item.control)}"><b>${esc(item.title)}</b></a><br><code>${esc(item.control)}</code></td>` +
      `<td>${esc(item.remediation)}${findings ? `<br>${findings}${more}` : ''}</td></tr>`
    );
  });
  return [
    `<h2 id="remediation">What to fix first (${items.length})</h2>`,
    '<p>Earliest phase first (what stands between the system and its next phase), then not met before unknown, then by severity. Unknown controls need evidence or an attestation in aigis.yaml.</p>',
    '<table><thead><tr><th class="num">#</th><th>Phase</th><th>Severity</th><th>Status</th><th>Control</th><th>Remediation and findings</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('');
}

function controls(ctx: ReportContext): string {
  const sorted = [...ctx.controls].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.result.status) - STATUS_ORDER.indexOf(b.result.status) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.result.id.localeCompare(b.result.id),
  );
  const boxes = STATUS_ORDER.map(
    (s) =>
      `<label><input type="checkbox" data-status="${s}"${s === 'not-applicable' ? '' : ' checked'}> ${STATUS_LABEL[s]}</label>`,
  ).join(' ');
  return [
    `<h2 id="controls">Every control (${ctx.controls.length})</h2>`,
    `<div class="filters" role="search"><input type="search" id="q" placeholder="Filter by id, title, file, rule…" aria-label="Filter controls">${boxes}`,
    '<button type="button" id="expand">Expand / collapse</button> <span class="meta"><span id="shown"></span> shown</span></div>',
    ...sorted.map((v) => controlDetails(ctx, v)),
  ].join('');
}

export function toHtml(ctx: ReportContext): string {
  const r = ctx.report;
  const warnings = r.warnings.length
    ? `<h2 id="warnings">Warnings</h2>${r.warnings.map((w) => `<div class="warn">${esc(w)}</div>`).join('')}`
    : '';
  const inputs = r.inputs.length
    ? `<p>Inputs: ${r.inputs.map((f) => `<code>${esc(f)}</code>`).join(' ')}</p>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The report must never reach the network: the policy blocks every request and allows only its own inline style and script.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>aigis assessment: ${esc(r.system.name)}</title>`,
    `<style>${CSS}</style></head><body>`,
    '<a class="skip" href="#remediation">Skip to what to fix first</a><main>',
    header(ctx),
    charts(ctx),
    sections(ctx),
    remediation(ctx),
    controls(ctx),
    warnings,
    `<footer>${inputs}<p>aigis ${esc(r.version)} · report generated ${esc(r.generatedAt)}. Self-contained: no external resources.</p></footer>`,
    `</main><script>${SCRIPT}</script></body></html>`,
  ].join('\n');
}
