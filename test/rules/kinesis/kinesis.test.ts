import { kinesisStreamEncrypted } from '../../../src/rules/kinesis/kinesis_stream_encrypted.js';
import { kinesisStreamEncryptedWithCmk } from '../../../src/rules/kinesis/kinesis_stream_encrypted_with_cmk.js';
import { cfn, ref, runRuleCases } from '../sagemaker/cases.js';

const S = 'AWS::Kinesis::Stream.Stream';
const stream = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, ...props } },
  });
const tfStream = (body: string) =>
  `resource "aws_kms_key" "k" {}\nresource "aws_kinesis_stream" "s" {\n name = "inference-events"\n shard_count = 1\n ${body}\n}`;

runRuleCases(kinesisStreamEncryptedWithCmk, [
  {
    name: 'KMS with a key resource',
    format: 'cloudformation',
    source: stream({ StreamEncryption: { EncryptionType: 'KMS', KeyId: ref('Key') } }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'aws/kinesis managed key',
    format: 'cloudformation',
    source: stream({ StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } }),
    expected: { [S]: 'fail' },
  },
  { name: 'not encrypted', format: 'cloudformation', source: stream({}), expected: { [S]: 'fail' } },
  {
    name: 'no stream',
    format: 'cloudformation',
    source: cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } }),
    expected: {},
  },
  {
    name: 'KMS with a key resource',
    format: 'terraform',
    source: tfStream('encryption_type = "KMS"\n kms_key_id = aws_kms_key.k.arn'),
    expected: { 'aws_kinesis_stream.s': 'pass' },
  },
  {
    name: 'not encrypted',
    format: 'terraform',
    source: tfStream(''),
    expected: { 'aws_kinesis_stream.s': 'fail' },
  },
  { name: 'no stream', format: 'terraform', source: 'resource "aws_kms_key" "k" {}', expected: {} },
]);

runRuleCases(kinesisStreamEncrypted, [
  {
    name: 'KMS with the AWS managed key',
    format: 'cloudformation',
    source: stream({ StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } }),
    expected: { [S]: 'pass' },
  },
  { name: 'not encrypted', format: 'cloudformation', source: stream({}), expected: { [S]: 'fail' } },
  {
    name: 'no stream',
    format: 'cloudformation',
    source: cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } }),
    expected: {},
  },
  {
    name: 'KMS',
    format: 'terraform',
    source: tfStream('encryption_type = "KMS"\n kms_key_id = "alias/aws/kinesis"'),
    expected: { 'aws_kinesis_stream.s': 'pass' },
  },
  {
    name: 'NONE',
    format: 'terraform',
    source: tfStream('encryption_type = "NONE"'),
    expected: { 'aws_kinesis_stream.s': 'fail' },
  },
  { name: 'no stream', format: 'terraform', source: 'resource "aws_kms_key" "k" {}', expected: {} },
]);
