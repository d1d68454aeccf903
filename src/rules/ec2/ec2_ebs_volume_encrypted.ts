import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const ec2EbsVolumeEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'ec2_ebs_volume_encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::EC2::Volume'], terraform: ['aws_ebs_volume'] },
  rationale:
    'Volumes attached to training and inference hosts hold datasets, checkpoints and model weights. Unencrypted volumes and their snapshots expose that data to anyone who can copy or share a snapshot.',
  remediation: {
    text: 'Create the volume encrypted (with a customer managed key where the data is sensitive), and turn on EBS encryption by default in each account and Region.',
    cloudformation: `Encrypted: true
KmsKeyId: !Ref VolumeKey`,
    terraform: `encrypted  = true
kms_key_id = aws_kms_key.volumes.arn`,
  },
  controls: ['training-job-volume-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_3'],
    prowler: ['ec2_ebs_volume_encryption'],
    securityhub: ['EC2.3'],
    cdknag: ['AwsSolutions-EC26'],
  },
  evaluate(resource) {
    const encrypted = asBoolean(prop(resource, { cloudformation: 'Encrypted', terraform: 'encrypted' }));
    if (isUnknown(encrypted))
      return unknown(`${resource.address}: cannot be decided statically: ${encrypted.reason}`);
    if (encrypted === true) return pass(`${resource.address}: the volume is encrypted`);
    // Account-level EBS encryption by default may still apply, but it is not visible in the template.
    return fail(
      `${resource.address}: the volume is not marked encrypted (unless account-level EBS encryption by default is on)`,
    );
  },
};
