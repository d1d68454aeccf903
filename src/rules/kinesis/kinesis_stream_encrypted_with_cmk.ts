import { getPath, isUnknown, prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { fail, unknown, type ResourceRule } from '../types.js';

export const kinesisStreamEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'kinesis_stream_encrypted_with_cmk',
  title: 'Kinesis data streams are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::Kinesis::Stream'], terraform: ['aws_kinesis_stream'] },
  rationale:
    'Streams carry inference requests, feature data and model-invocation events in real time. A stream without encryption stores them in clear; the aws/kinesis managed key encrypts but cannot be scoped or revoked by you.',
  remediation: {
    text: 'Enable server-side encryption with a customer managed KMS key.',
    cloudformation: `StreamEncryption:
  EncryptionType: KMS
  KeyId: !Ref StreamKey`,
    terraform: `encryption_type = "KMS"
kms_key_id      = aws_kms_key.stream.arn`,
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_185'],
    prowler: [],
    securityhub: [],
    cdknag: ['AwsSolutions-KDS3'],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const type = cfn
      ? getPath(resource.properties, 'StreamEncryption.EncryptionType')
      : resource.properties['encryption_type'];
    if (isUnknown(type)) return unknown(`${resource.address}: cannot be decided statically: ${type.reason}`);
    if (type !== 'KMS') return fail(`${resource.address}: the stream is not encrypted with KMS`);
    return customerManagedKeyOutcome(
      resource,
      prop(resource, { cloudformation: 'StreamEncryption.KeyId', terraform: 'kms_key_id' }),
      ctx.graph,
      'stream encryption',
    );
  },
};
