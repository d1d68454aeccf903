import { prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import type { ResourceRule } from '../types.js';

export const logsGroupEncryptedWithKms: ResourceRule = {
  kind: 'resource',
  id: 'logs_group_encrypted_with_kms',
  title: 'CloudWatch log groups are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::Logs::LogGroup'], terraform: ['aws_cloudwatch_log_group'] },
  rationale:
    'Log groups of an AI workload hold prompts, completions, model invocation logs and tool outputs, often with personal data. Without a KMS key they are readable by anyone with logs:GetLogEvents; a customer managed key adds a decrypt permission and an audit trail.',
  remediation: {
    text: 'Set a customer managed KMS key on the log group (its key policy must allow the logs service principal of the Region).',
    cloudformation: `KmsKeyId: !GetAtt LogsKey.Arn`,
    terraform: `kms_key_id = aws_kms_key.logs.arn`,
  },
  controls: ['log-group-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_158'],
    prowler: ['cloudwatch_log_group_kms_encryption_enabled'],
    securityhub: [],
    cdknag: ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', 'HIPAA.Security-CloudWatchLogGroupEncrypted'],
  },
  evaluate(resource, ctx) {
    return customerManagedKeyOutcome(
      resource,
      prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' }),
      ctx.graph,
      'log group encryption',
    );
  },
};
