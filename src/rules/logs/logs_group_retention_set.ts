import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const logsGroupRetentionSet: ResourceRule = {
  kind: 'resource',
  id: 'logs_group_retention_set',
  title: 'CloudWatch log groups set a retention period',
  severity: 'low',
  resourceTypes: { cloudformation: ['AWS::Logs::LogGroup'], terraform: ['aws_cloudwatch_log_group'] },
  rationale:
    'Prompt and completion logs are personal data under GDPR and similar laws: keeping them forever breaks storage-limitation rules, and a retention period that is too short loses audit evidence. Setting one is a deliberate decision about both.',
  remediation: {
    text: 'Set a retention period that matches your audit and privacy requirements (365 days is a common audit baseline).',
    cloudformation: `RetentionInDays: 365`,
    terraform: `retention_in_days = 365`,
  },
  controls: ['ai-log-retention-defined', 'data-retention-and-disposal'],
  equivalents: {
    checkov: ['CKV_AWS_66'],
    prowler: ['cloudwatch_log_group_retention_policy_specific_days_enabled'],
    securityhub: [],
    cdknag: [
      'NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod',
      'HIPAA.Security-CloudWatchLogGroupRetentionPeriod',
    ],
  },
  evaluate(resource) {
    const days = prop(resource, { cloudformation: 'RetentionInDays', terraform: 'retention_in_days' });
    if (isUnknown(days)) return unknown(`${resource.address}: cannot be decided statically: ${days.reason}`);
    const n = typeof days === 'string' ? Number(days) : days;
    // Terraform writes 0 for "never expire".
    if (typeof n === 'number' && Number.isFinite(n) && n > 0)
      return pass(`${resource.address}: logs are kept ${n} days`);
    return fail(`${resource.address}: logs never expire (no retention period is set)`);
  },
};
