import { firehoseDeliveryStreamEncrypted } from '../../../src/rules/firehose/firehose_delivery_stream_encrypted.js';
import { firehoseDeliveryStreamEncryptedWithCmk } from '../../../src/rules/firehose/firehose_delivery_stream_encrypted_with_cmk.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const F = 'AWS::KinesisFirehose::DeliveryStream.Fh';
const TF = 'aws_kinesis_firehose_delivery_stream.fh';
const fh = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Fh: {
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: { DeliveryStreamType: 'DirectPut', ...props },
    },
  });
const tfFh = (body: string) => `resource "aws_kms_key" "k" {}
resource "aws_kinesis_firehose_delivery_stream" "fh" {
  name        = "invocation-logs"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::1:role/fh"
    bucket_arn = "arn:aws:s3:::logs"
  }
  ${body}
}`;

runRuleCases(firehoseDeliveryStreamEncryptedWithCmk, [
  {
    name: 'customer managed key',
    format: 'cloudformation',
    source: fh({
      DeliveryStreamEncryptionConfigurationInput: {
        KeyType: 'CUSTOMER_MANAGED_CMK',
        KeyARN: getAtt('Key', 'Arn'),
      },
    }),
    expected: { [F]: 'pass' },
  },
  {
    name: 'AWS owned key',
    format: 'cloudformation',
    source: fh({ DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }),
    expected: { [F]: 'fail' },
  },
  { name: 'no encryption', format: 'cloudformation', source: fh({}), expected: { [F]: 'fail' } },
  {
    name: 'Kinesis stream as source',
    format: 'cloudformation',
    source: fh({ DeliveryStreamType: 'KinesisStreamAsSource' }),
    expected: { [F]: 'not_applicable' },
  },
  {
    name: 'customer managed key',
    format: 'terraform',
    source: tfFh(
      'server_side_encryption {\n enabled = true\n key_type = "CUSTOMER_MANAGED_CMK"\n key_arn = aws_kms_key.k.arn\n }',
    ),
    expected: { [TF]: 'pass' },
  },
  {
    name: 'enabled with the AWS owned key',
    format: 'terraform',
    source: tfFh('server_side_encryption {\n enabled = true\n }'),
    expected: { [TF]: 'fail' },
  },
  { name: 'no encryption', format: 'terraform', source: tfFh(''), expected: { [TF]: 'fail' } },
  {
    name: 'Kinesis stream as source',
    format: 'terraform',
    source: tfFh(
      'kinesis_source_configuration {\n kinesis_stream_arn = "arn:aws:kinesis:us-east-1:1:stream/s"\n role_arn = "arn:aws:iam::1:role/fh"\n }',
    ),
    expected: { [TF]: 'not_applicable' },
  },
]);

runRuleCases(firehoseDeliveryStreamEncrypted, [
  {
    name: 'AWS owned key',
    format: 'cloudformation',
    source: fh({ DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }),
    expected: { [F]: 'pass' },
  },
  { name: 'no encryption', format: 'cloudformation', source: fh({}), expected: { [F]: 'fail' } },
  {
    name: 'Kinesis stream as source',
    format: 'cloudformation',
    source: fh({ DeliveryStreamType: 'KinesisStreamAsSource' }),
    expected: { [F]: 'not_applicable' },
  },
  {
    name: 'enabled',
    format: 'terraform',
    source: tfFh('server_side_encryption {\n enabled = true\n }'),
    expected: { [TF]: 'pass' },
  },
  {
    name: 'disabled',
    format: 'terraform',
    source: tfFh('server_side_encryption {\n enabled = false\n }'),
    expected: { [TF]: 'fail' },
  },
  {
    name: 'Kinesis stream as source',
    format: 'terraform',
    source: tfFh(
      'kinesis_source_configuration {\n kinesis_stream_arn = "arn:aws:kinesis:us-east-1:1:stream/s"\n role_arn = "arn:aws:iam::1:role/fh"\n }',
    ),
    expected: { [TF]: 'not_applicable' },
  },
]);
