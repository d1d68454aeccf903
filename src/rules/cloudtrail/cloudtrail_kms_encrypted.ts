import { prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import type { ResourceRule } from '../types.js';
import { TRAIL_TYPES } from './trail-types.js';

export const cloudtrailKmsEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'cloudtrail_kms_encrypted',
  title: 'CloudTrail trails encrypt logs with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: TRAIL_TYPES,
  rationale:
    'Trail logs reveal the structure of the AI workload: roles, model ids, data locations. SSE-KMS with your own key adds a decrypt permission on top of bucket access, so reading the audit trail needs both.',
  remediation: {
    text: 'Set a customer managed KMS key on the trail.',
    cloudformation: `KMSKeyId: !Ref AuditKey`,
    terraform: `kms_key_id = aws_kms_key.audit.arn`,
  },
  controls: ['cloudtrail-multi-region-validated'],
  equivalents: {
    checkov: ['CKV_AWS_35'],
    prowler: ['cloudtrail_kms_encryption_enabled'],
    securityhub: ['CloudTrail.2'],
    cdknag: ['NIST.800.53.R5-CloudTrailEncryptionEnabled', 'HIPAA.Security-CloudTrailEncryptionEnabled'],
  },
  evaluate(resource, ctx) {
    return customerManagedKeyOutcome(
      resource,
      prop(resource, { cloudformation: 'KMSKeyId', terraform: 'kms_key_id' }),
      ctx.graph,
      'trail log encryption',
    );
  },
};
