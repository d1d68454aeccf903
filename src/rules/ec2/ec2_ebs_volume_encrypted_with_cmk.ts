import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { fail, unknown, type ResourceRule } from '../types.js';

export const ec2EbsVolumeEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'ec2_ebs_volume_encrypted_with_cmk',
  title: 'EBS volumes are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::EC2::Volume'], terraform: ['aws_ebs_volume'] },
  rationale:
    'Volumes of training and inference hosts hold datasets, checkpoints and weights. With the aws/ebs key anyone who can create volumes from a snapshot in the account can read them; a customer managed key puts every attach and snapshot copy under your key policy and in CloudTrail.',
  remediation: {
    text: 'Encrypt the volume with a customer managed KMS key.',
    cloudformation: `Encrypted: true
KmsKeyId: !Ref VolumeKey`,
    terraform: `encrypted  = true
kms_key_id = aws_kms_key.volumes.arn`,
  },
  controls: ['training-job-volume-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_189'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const encrypted = asBoolean(prop(resource, { cloudformation: 'Encrypted', terraform: 'encrypted' }));
    if (isUnknown(encrypted))
      return unknown(`${resource.address}: cannot be decided statically: ${encrypted.reason}`);
    const key = prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' });
    // A key given without Encrypted still encrypts the volume with that key.
    if (encrypted !== true && key === undefined)
      return fail(`${resource.address}: the volume is not encrypted with a customer managed key`);
    return customerManagedKeyOutcome(resource, key, ctx.graph, 'volume encryption');
  },
};
