import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const ec2EbsEncryptionByDefault: ResourceRule = {
  kind: 'resource',
  id: 'ec2_ebs_encryption_by_default',
  title: 'EBS encryption by default is turned on where the scanned code manages it',
  severity: 'medium',
  resourceTypes: { cloudformation: [], terraform: ['aws_ebs_encryption_by_default'] },
  rationale:
    'Encryption by default makes every new volume and snapshot copy in the Region encrypted, including the root volumes of GPU instances launched by tools and notebooks that never set an encryption flag.',
  remediation: {
    text: 'Enable EBS encryption by default (and set the default key to a customer managed key).',
    terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.volumes.arn
}`,
  },
  controls: ['training-job-volume-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_106'],
    prowler: ['ec2_ebs_default_encryption'],
    securityhub: ['EC2.7'],
    cdknag: [],
  },
  evaluate(resource) {
    const raw = prop(resource, { terraform: 'enabled' });
    const enabled = raw === undefined ? true : asBoolean(raw);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: EBS encryption by default is on`);
    return fail(`${resource.address}: turns EBS encryption by default off`);
  },
};
