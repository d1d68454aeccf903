import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { TRAIL_TYPES } from './trail-types.js';

export const cloudtrailCloudwatchLogs: ResourceRule = {
  kind: 'resource',
  id: 'cloudtrail_cloudwatch_logs',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  severity: 'low',
  resourceTypes: TRAIL_TYPES,
  rationale:
    'Delivery to CloudWatch Logs lets metric filters and alarms react within minutes to sensitive calls (guardrail deletion, model access changes, policy edits) instead of waiting for someone to read S3.',
  remediation: {
    text: 'Send the trail to a CloudWatch Logs group with a role that CloudTrail can assume.',
    cloudformation: `CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn`,
    terraform: `cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn`,
  },
  controls: ['cloudtrail-multi-region-validated', 'ai-usage-anomaly-alerts'],
  equivalents: {
    checkov: [],
    prowler: ['cloudtrail_cloudwatch_logging_enabled'],
    securityhub: ['CloudTrail.5'],
    cdknag: [
      'NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled',
      'HIPAA.Security-CloudTrailCloudWatchLogsEnabled',
    ],
  },
  evaluate(resource) {
    const group = prop(resource, {
      cloudformation: 'CloudWatchLogsLogGroupArn',
      terraform: 'cloud_watch_logs_group_arn',
    });
    if (isUnknown(group))
      return unknown(`${resource.address}: cannot be decided statically: ${group.reason}`);
    if (group !== undefined && group !== '')
      return pass(`${resource.address}: events are delivered to CloudWatch Logs`);
    return fail(`${resource.address}: events are not delivered to CloudWatch Logs`);
  },
};
