import { getPath, isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const kinesisStreamEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'kinesis_stream_encrypted',
  title: 'Kinesis data streams are encrypted at rest',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::Kinesis::Stream'], terraform: ['aws_kinesis_stream'] },
  rationale:
    'Kinesis streams are not encrypted unless asked to be, and they carry inference requests, features and invocation events in real time. Server-side encryption with KMS (the aws/kinesis key at least; a customer managed key is checked separately) keeps that data encrypted at rest.',
  remediation: {
    text: 'Enable server-side encryption with KMS.',
    cloudformation: `StreamEncryption:
  EncryptionType: KMS
  KeyId: alias/aws/kinesis`,
    terraform: `encryption_type = "KMS"
kms_key_id      = "alias/aws/kinesis"`,
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_43'],
    prowler: ['kinesis_stream_encrypted_at_rest'],
    securityhub: ['Kinesis.1'],
    cdknag: ['NIST.800.53.R5-KinesisDataStreamEncrypted'],
  },
  evaluate(resource) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const type = cfn
      ? getPath(resource.properties, 'StreamEncryption.EncryptionType')
      : resource.properties['encryption_type'];
    if (isUnknown(type)) return unknown(`${resource.address}: cannot be decided statically: ${type.reason}`);
    if (type === 'KMS') return pass(`${resource.address}: the stream is encrypted with KMS`);
    return fail(`${resource.address}: the stream is not encrypted at rest (the default)`);
  },
};
