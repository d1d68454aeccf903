import { createHash } from 'node:crypto';
import type { Evidence } from '../assess/types.js';
import { STATUS_LABEL, type ControlView, type ReportContext } from './context.js';
import { LEVEL, SECURITY_SEVERITY, sarifUri } from './sarif.js';

/**
 * SARIF 2.1.0 of an assessment: one reporting descriptor per control that is not met, one result per place
 * that shows it (each failing scan finding; else the file of the governance evidence; else the manifest).
 * Unknown controls are left out: they are to-dos, not defects at a location; the HTML and JSON list them.
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
type Json = Record<string, unknown>;

function location(file: string, line: number | undefined, address?: string): Json {
  const physical: Json = {
    artifactLocation: { uri: sarifUri(file) },
    region: { startLine: Math.max(1, line ?? 1) },
  };
  return address
    ? { physicalLocation: physical, logicalLocations: [{ name: address, kind: 'resource' }] }
    : { physicalLocation: physical };
}

function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function descriptor(view: ControlView): Json {
  const c = view.control;
  const help = c ? `${c.rationale}\n\nRemediation: ${c.remediation}` : view.result.reason;
  const references = Object.entries(c?.references ?? {}).map(([f, ids]) => `${f}: ${ids.join(', ')}`);
  return {
    id: view.result.id,
    name: view.result.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: view.title },
    fullDescription: { text: c?.description ?? view.title },
    help: {
      text: help,
      markdown: [
        `**${view.title}**`,
        '',
        help,
        ...(references.length > 0 ? ['', `References: ${references.join('; ')}`] : []),
      ].join('\n'),
    },
    defaultConfiguration: { level: LEVEL[view.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[view.severity],
      tags: [
        'security',
        'compliance',
        'ai',
        ...(c ? [c.layer, c.phase] : []),
        ...(c?.owasp ?? []).map((o) => `OWASP-${o}`),
      ],
      precision: 'high',
    },
  };
}

function evidenceLocations(
  ctx: ReportContext,
  evidence: readonly Evidence[],
): Array<{ loc: Json; message: string; key: string }> {
  const failing = evidence.filter((e) => e.status === 'fail');
  const out: Array<{ loc: Json; message: string; key: string }> = [];
  for (const e of failing) {
    if (e.resource)
      out.push({
        loc: location(e.resource.file, e.resource.line, e.resource.address),
        message: `${e.ruleId ? `${e.ruleId}: ` : ''}${e.message}`,
        key: `${e.ruleId ?? ''}:${e.resource.file}:${e.resource.address}`,
      });
    else if (e.file)
      out.push({
        loc: location(e.file, e.line),
        message: `${e.field ? `${e.field}: ` : ''}${e.message}`,
        key: `${e.file}:${e.field ?? ''}`,
      });
  }
  if (out.length === 0) {
    const manifest = ctx.report.inputs[0] ?? 'aigis.yaml';
    out.push({ loc: location(manifest, undefined), message: failing[0]?.message ?? '', key: manifest });
  }
  return out;
}

export function toAssessmentSarif(ctx: ReportContext): Json {
  const notMet = ctx.controls.filter((v) => v.result.status === 'not-met');
  const rules = notMet.map(descriptor);
  const results = notMet.flatMap((view, ruleIndex) =>
    evidenceLocations(ctx, view.result.evidence).map(({ loc, message, key }) => ({
      ruleId: view.result.id,
      ruleIndex,
      level: LEVEL[view.severity],
      message: {
        text: `${view.title} (${STATUS_LABEL[view.result.status]}): ${message || view.result.reason}`,
      },
      locations: [loc],
      partialFingerprints: { 'aigisControlLocation/v1': fingerprint(view.result.id, key) },
    })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aigis-assess',
            version: ctx.report.version,
            informationUri: 'https://github.com/aigis-project/aigis',
            rules,
          },
        },
        automationDetails: { id: `aigis-assess/${ctx.report.system.name}/` },
        results,
        properties: { phaseReached: ctx.report.phaseReached, system: ctx.report.system.name },
      },
    ],
  };
}
