import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

export const firehoseDeliveryStreamEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'firehose_delivery_stream_encrypted',
  title: 'Firehose delivery streams are encrypted at rest',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::KinesisFirehose::DeliveryStream'],
    terraform: ['aws_kinesis_firehose_delivery_stream'],
  },
  rationale:
    'Direct PUT delivery streams buffer prompts, completions and logs unencrypted unless server-side encryption is enabled. (Whether the key is customer managed is a separate rule.)',
  remediation: {
    text: 'Enable server-side encryption on the delivery stream.',
    cloudformation: `DeliveryStreamEncryptionConfigurationInput:
  KeyType: AWS_OWNED_CMK`,
    terraform: `server_side_encryption {
  enabled = true
}`,
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_240'],
    prowler: ['firehose_stream_encrypted_at_rest'],
    securityhub: ['DataFirehose.1'],
    cdknag: ['AwsSolutions-KDF1'],
  },
  evaluate(resource) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    if (
      prop(resource, { cloudformation: 'DeliveryStreamType' }) === 'KinesisStreamAsSource' ||
      (!cfn && prop(resource, { terraform: 'kinesis_source_configuration' }) !== undefined)
    ) {
      return notApplicable(`${resource.address}: reads from a Kinesis stream, whose own encryption applies`);
    }
    const enabled = cfn
      ? prop(resource, { cloudformation: 'DeliveryStreamEncryptionConfigurationInput.KeyType' })
      : asBoolean(prop(resource, { terraform: 'server_side_encryption.enabled' }));
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true || typeof enabled === 'string')
      return pass(`${resource.address}: server-side encryption is enabled`);
    return fail(`${resource.address}: server-side encryption is not enabled`);
  },
};
