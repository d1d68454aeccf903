import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { fail, notApplicable, unknown, type ResourceRule } from '../types.js';

export const firehoseDeliveryStreamEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'firehose_delivery_stream_encrypted_with_cmk',
  title: 'Firehose delivery streams are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::KinesisFirehose::DeliveryStream'],
    terraform: ['aws_kinesis_firehose_delivery_stream'],
  },
  rationale:
    'Firehose buffers prompts, completions and WAF or invocation logs on their way to S3 or OpenSearch. Server-side encryption with your own key protects that buffer and keeps decryption under your key policy.',
  remediation: {
    text: 'Enable server-side encryption with key type CUSTOMER_MANAGED_CMK (for Direct PUT streams; streams reading from Kinesis inherit the source stream encryption).',
    cloudformation: `DeliveryStreamEncryptionConfigurationInput:
  KeyType: CUSTOMER_MANAGED_CMK
  KeyARN: !GetAtt FirehoseKey.Arn`,
    terraform: `server_side_encryption {
  enabled  = true
  key_type = "CUSTOMER_MANAGED_CMK"
  key_arn  = aws_kms_key.firehose.arn
}`,
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_241'],
    prowler: [],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const sourceType = prop(resource, { cloudformation: 'DeliveryStreamType' });
    const kinesisSource = prop(resource, {
      cloudformation: 'KinesisStreamSourceConfiguration',
      terraform: 'kinesis_source_configuration',
    });
    if (sourceType === 'KinesisStreamAsSource' || (!cfn && kinesisSource !== undefined)) {
      return notApplicable(`${resource.address}: reads from a Kinesis stream, whose own encryption applies`);
    }
    if (cfn) {
      const keyType = prop(resource, {
        cloudformation: 'DeliveryStreamEncryptionConfigurationInput.KeyType',
      });
      if (isUnknown(keyType))
        return unknown(`${resource.address}: cannot be decided statically: ${keyType.reason}`);
      if (keyType === undefined) return fail(`${resource.address}: server-side encryption is not enabled`);
      if (keyType !== 'CUSTOMER_MANAGED_CMK')
        return fail(`${resource.address}: encrypted with an AWS owned key, not a customer managed key`);
      return customerManagedKeyOutcome(
        resource,
        prop(resource, { cloudformation: 'DeliveryStreamEncryptionConfigurationInput.KeyARN' }),
        ctx.graph,
        'delivery stream encryption',
      );
    }
    const enabled = asBoolean(prop(resource, { terraform: 'server_side_encryption.enabled' }));
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled !== true) return fail(`${resource.address}: server-side encryption is not enabled`);
    const keyType = prop(resource, { terraform: 'server_side_encryption.key_type' });
    if (isUnknown(keyType))
      return unknown(`${resource.address}: cannot be decided statically: ${keyType.reason}`);
    if (keyType !== 'CUSTOMER_MANAGED_CMK')
      return fail(`${resource.address}: encrypted with an AWS owned key, not a customer managed key`);
    return customerManagedKeyOutcome(
      resource,
      prop(resource, { terraform: 'server_side_encryption.key_arn' }),
      ctx.graph,
      'delivery stream encryption',
    );
  },
};
