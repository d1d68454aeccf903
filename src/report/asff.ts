import type { Severity } from '../rules/types.js';
import { InputError } from '../util/errors.js';
import { failingScanEvidence, isApplicable, type ControlView, type ReportContext } from './context.js';

/**
 * AWS Security Finding Format for Security Hub's BatchImportFindings: one finding per applicable control,
 * Compliance.Status from its status. Account and region come from options; without them the placeholders
 * below are written, to be replaced before import (BatchImportFindings rejects a ProductArn of another account).
 */

export const ASFF_PLACEHOLDER_ACCOUNT = '000000000000';
export const ASFF_PLACEHOLDER_REGION = 'us-east-1';
export const ASFF_TITLE_MAX = 256;
export const ASFF_DESCRIPTION_MAX = 1024;
const REMEDIATION_TEXT_MAX = 512;
const RESOURCES_MAX = 32;
const RELATED_REQUIREMENTS_MAX = 32;

export interface AsffFinding {
  SchemaVersion: '2018-10-08';
  Id: string;
  ProductArn: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' };
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string } };
  ProductFields: Record<string, string>;
  Resources: Array<{
    Type: string;
    Id: string;
    Region?: string;
    Details?: { Other: Record<string, string> };
  }>;
  Compliance: {
    Status: 'PASSED' | 'FAILED' | 'NOT_AVAILABLE';
    SecurityControlId?: string;
    RelatedRequirements?: string[];
  };
  Workflow: { Status: 'NEW' | 'RESOLVED' | 'SUPPRESSED' };
  RecordState: 'ACTIVE' | 'ARCHIVED';
}

const SEVERITY: Record<Severity, AsffFinding['Severity']['Label']> = {
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
};

/** Cuts to `max` characters (ASFF counts characters), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** ASFF Ids and Resource Ids: printable, no spaces, as Security Hub shows them in URLs. */
const idPart = (s: string): string => s.replace(/[^\w.:/@+=,-]/g, '_');

/** Governance and policy controls (the compliance section) are regulatory checks in Security Hub's taxonomy; the rest best practices. */
function findingType(ctx: ReportContext, view: ControlView): string {
  const inCompliance = ctx.report.sections.compliance.controls.includes(view.result.id);
  return `Software and Configuration Checks/${inCompliance ? 'Industry and Regulatory Standards' : 'AWS Security Best Practices'}`;
}

/** A 12-digit AWS account id. */
export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** An AWS region code such as eu-west-1, us-gov-west-1, ap-southeast-2. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function awsTarget(ctx: ReportContext): { account: string; region: string } {
  const account = ctx.opts.aws?.accountId ?? ASFF_PLACEHOLDER_ACCOUNT;
  const region = ctx.opts.aws?.region ?? ASFF_PLACEHOLDER_REGION;
  if (!AWS_ACCOUNT_ID_PATTERN.test(account))
    throw new InputError(`aws.accountId: expected a 12-digit AWS account id, got "${account}"`, {
      field: 'aws.accountId',
    });
  if (!AWS_REGION_PATTERN.test(region))
    throw new InputError(`aws.region: "${region}" is not an AWS region name such as eu-west-1`, {
      field: 'aws.region',
    });
  return { account, region };
}

export function toAsff(ctx: ReportContext): AsffFinding[] {
  const r = ctx.report;
  const { account, region } = awsTarget(ctx);
  const productArn = `arn:aws:securityhub:${region}:${account}:product/${account}/default`;
  const views = ctx.controls.filter((v) => ctx.opts.includeNotApplicable || isApplicable(v));
  return views.map((view): AsffFinding => {
    const { result } = view;
    const failing = failingScanEvidence(result);
    const status: AsffFinding['Compliance']['Status'] =
      result.status === 'met' || result.status === 'attested'
        ? 'PASSED'
        : result.status === 'not-met'
          ? 'FAILED'
          : 'NOT_AVAILABLE';
    const securityControlId = failing
      .map((e) => ctx.rules.get(e.ruleId)?.equivalents.securityhub[0])
      .find((id): id is string => id !== undefined);
    const requirements = Object.entries(view.control?.references ?? {})
      .flatMap(([framework, ids]) => ids.map((id) => `${framework} ${id}`))
      .concat((view.control?.owasp ?? []).map((id) => `OWASP ${id}`))
      .slice(0, RELATED_REQUIREMENTS_MAX);
    const resources: AsffFinding['Resources'] =
      failing.length > 0
        ? failing.slice(0, RESOURCES_MAX).map((e) => ({
            Type: 'Other',
            Id: clip(idPart(`${e.resource.file}#${e.resource.address}`), 512),
            Region: region,
            Details: {
              Other: {
                file: clip(e.resource.file, 1024),
                line: String(e.resource.line),
                address: clip(e.resource.address, 1024),
                rule: e.ruleId,
              },
            },
          }))
        : [{ Type: 'Other', Id: idPart(`aigis/system/${r.system.name}`), Region: region }];
    const description = [
      result.reason,
      ...failing.slice(0, 5).map((e) => `${e.ruleId} at ${e.resource.file}:${e.resource.line}: ${e.message}`),
    ]
      .filter(Boolean)
      .join(' | ');
    const compliance: AsffFinding['Compliance'] = { Status: status };
    if (securityControlId) compliance.SecurityControlId = securityControlId;
    if (requirements.length > 0) compliance.RelatedRequirements = requirements;
    const passed = status === 'PASSED';
    const notApplicable = result.status === 'not-applicable';
    return {
      SchemaVersion: '2018-10-08',
      Id: clip(idPart(`aigis/${r.system.name}/${result.id}`), 512),
      ProductArn: productArn,
      GeneratorId: idPart(`aigis-control/${result.id}`),
      AwsAccountId: account,
      Types: [findingType(ctx, view)],
      CreatedAt: r.generatedAt,
      UpdatedAt: r.generatedAt,
      Severity: { Label: passed || notApplicable ? 'INFORMATIONAL' : SEVERITY[view.severity] },
      Title: clip(view.title, ASFF_TITLE_MAX),
      Description: clip(description || view.title, ASFF_DESCRIPTION_MAX),
      Remediation: {
        Recommendation: {
          Text: clip(view.control?.remediation ?? 'See the aigis control catalog.', REMEDIATION_TEXT_MAX),
        },
      },
      ProductFields: {
        'aigis/ControlId': result.id,
        'aigis/Status': result.status,
        'aigis/System': r.system.name,
        ...(view.control ? { 'aigis/Layer': view.control.layer, 'aigis/Phase': view.control.phase } : {}),
      },
      Resources: resources,
      Compliance: compliance,
      Workflow: { Status: notApplicable ? 'SUPPRESSED' : passed ? 'RESOLVED' : 'NEW' },
      RecordState: notApplicable ? 'ARCHIVED' : 'ACTIVE',
    };
  });
}
