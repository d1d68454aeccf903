import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../rules/types.js';
import type { ScanReport, ScanResult } from '../scan/types.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Failures are results at a level
 * from the rule's severity; undecidable ones are `review` notes; suppressed ones carry a SARIF
 * suppression. Passes are not listed (they would only bloat the upload); the JSON report has them.
 */

/** GitHub code scanning reads `security-severity` as a CVSS-like score to rank alerts. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};
export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/**
 * A relative URI reference for a repository path, each segment percent-encoded: `encodeURI` would leave `#`
 * (read as a fragment), `%` (read as an escape), `?` and `;` in file names as they are.
 */
export function sarifUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

export interface SarifOptions {
  /** OWASP ids for a catalog control id (from the catalog), added to rule tags. */
  owaspFor?: (controlId: string) => readonly string[];
  informationUri?: string;
}

type Json = Record<string, unknown>;

function ruleHelp(rule: Rule): { text: string; markdown: string } {
  const r = rule.remediation;
  const md = [`**${rule.title}**`, '', rule.rationale, '', '### Remediation', '', r.text];
  if (r.cloudformation) md.push('', 'CloudFormation:', '', '```yaml', r.cloudformation, '```');
  if (r.terraform) md.push('', 'Terraform:', '', '```hcl', r.terraform, '```');
  const eq = rule.equivalents;
  const same = [...eq.checkov, ...eq.prowler, ...eq.securityhub, ...eq.cdknag];
  if (same.length > 0) md.push('', `Equivalent checks: ${same.join(', ')}`);
  if (rule.controls.length > 0) md.push('', `Controls: ${rule.controls.join(', ')}`);
  return { text: `${rule.rationale}\n\nRemediation: ${r.text}`, markdown: md.join('\n') };
}

function fingerprint(r: ScanResult): string {
  return createHash('sha256')
    .update(`${r.ruleId}\u0000${r.resource.address}\u0000${r.resource.file}`)
    .digest('hex')
    .slice(0, 32);
}

export function toSarif(report: ScanReport, rules: readonly Rule[], opts: SarifOptions = {}): Json {
  const listed = report.results.filter((r) => r.status !== 'pass');
  const usedIds = new Set(listed.map((r) => r.ruleId));
  const driverRules = rules.filter((r) => usedIds.has(r.id));
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));

  const sarifRules = driverRules.map((rule) => {
    const owasp = [...new Set(rule.controls.flatMap((c) => opts.owaspFor?.(c) ?? []))];
    return {
      id: rule.id,
      name: rule.id
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.rationale },
      help: ruleHelp(rule),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: {
        'security-severity': SECURITY_SEVERITY[rule.severity],
        severity: rule.severity,
        precision: 'high',
        tags: ['security', 'iac', ...rule.controls, ...owasp.map((o) => `OWASP-${o}`)],
      },
    };
  });

  const results = listed.map((r) => {
    const status = r.status === 'suppressed' ? (r.originalStatus ?? 'fail') : r.status;
    const result: Json = {
      ruleId: r.ruleId,
      ruleIndex: ruleIndex.get(r.ruleId) ?? -1,
      kind: status === 'unknown' ? 'review' : 'fail',
      level: status === 'unknown' ? 'note' : LEVEL[r.severity],
      message: { text: `${r.resource.address}: ${r.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: sarifUri(r.resource.file), uriBaseId: 'SRCROOT' },
            region: { startLine: Math.max(1, r.resource.line) },
          },
          logicalLocations: [{ fullyQualifiedName: r.resource.address, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'aigisResource/v1': fingerprint(r) },
      properties: { 'security-severity': SECURITY_SEVERITY[r.severity], resourceType: r.resource.type },
    };
    if (r.status === 'suppressed' && r.suppression) {
      result['suppressions'] = [
        {
          kind: r.suppression.origin === 'baseline' ? 'external' : 'inSource',
          status: 'accepted',
          justification:
            r.suppression.reason ??
            `suppressed by ${r.suppression.origin} ${r.suppression.ruleId} without a reason`,
        },
      ];
    }
    return result;
  });

  const rootUri = pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aigis',
            version: report.version,
            semanticVersion: report.version,
            informationUri: opts.informationUri ?? 'https://github.com/aigis-project/aigis',
            rules: sarifRules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri } },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: sarifUri(e.file), uriBaseId: 'SRCROOT' },
                    ...(e.line ? { region: { startLine: e.line } } : {}),
                  },
                },
              ],
            })),
          },
        ],
        results,
      },
    ],
  };
}
