import { logsGroupEncryptedWithKms } from '../../../src/rules/logs/logs_group_encrypted_with_kms.js';
import { logsGroupRetentionSet } from '../../../src/rules/logs/logs_group_retention_set.js';
import { logsInvocationLogGroupDataProtection } from '../../../src/rules/logs/logs_invocation_log_group_data_protection.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const G = 'AWS::Logs::LogGroup.Group';
const TG = 'aws_cloudwatch_log_group.g';
const group = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Group: { Type: 'AWS::Logs::LogGroup', Properties: props },
  });
const tfGroup = (body: string) =>
  `resource "aws_kms_key" "k" {}\nresource "aws_cloudwatch_log_group" "g" {\n name = "/ai/invocations"\n ${body}\n}`;
const noneCfn = cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
const noneTf = 'resource "aws_kms_key" "k" {}';

runRuleCases(logsGroupEncryptedWithKms, [
  {
    name: 'key resource',
    format: 'cloudformation',
    source: group({ KmsKeyId: getAtt('Key', 'Arn') }),
    expected: { [G]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: group({}), expected: { [G]: 'fail' } },
  { name: 'no log group', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key resource',
    format: 'terraform',
    source: tfGroup('kms_key_id = aws_kms_key.k.arn'),
    expected: { [TG]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfGroup(''), expected: { [TG]: 'fail' } },
  { name: 'no log group', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(logsGroupRetentionSet, [
  {
    name: '365 days',
    format: 'cloudformation',
    source: group({ RetentionInDays: 365 }),
    expected: { [G]: 'pass' },
  },
  { name: 'never expires', format: 'cloudformation', source: group({}), expected: { [G]: 'fail' } },
  { name: 'no log group', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: '90 days',
    format: 'terraform',
    source: tfGroup('retention_in_days = 90'),
    expected: { [TG]: 'pass' },
  },
  {
    name: '0 means never expire',
    format: 'terraform',
    source: tfGroup('retention_in_days = 0'),
    expected: { [TG]: 'fail' },
  },
  { name: 'no log group', format: 'terraform', source: noneTf, expected: {} },
]);

const tfInvocationLogging = (
  groupRef: string,
) => `resource "aws_bedrock_model_invocation_logging_configuration" "l" {
  logging_config {
    text_data_delivery_enabled = true
    cloudwatch_config {
      log_group_name = ${groupRef}
      role_arn       = "arn:aws:iam::1:role/bedrock-logs"
    }
  }
}`;
runRuleCases(logsInvocationLogGroupDataProtection, [
  {
    name: 'invocation log group with a data protection policy',
    format: 'terraform',
    source: `${tfGroup('')}
${tfInvocationLogging('aws_cloudwatch_log_group.g.name')}
resource "aws_cloudwatch_log_data_protection_policy" "mask" {
  log_group_name  = aws_cloudwatch_log_group.g.name
  policy_document = jsonencode({ Name = "mask", Version = "2021-06-01", Statement = [] })
}`,
    expected: { [TG]: 'pass' },
  },
  {
    name: 'invocation log group by name, no policy',
    format: 'terraform',
    source: `${tfGroup('')}\n${tfInvocationLogging('"/ai/invocations"')}`,
    expected: { [TG]: 'fail' },
  },
  {
    name: 'ordinary log group',
    format: 'terraform',
    source: tfGroup(''),
    expected: { [TG]: 'not_applicable' },
  },
]);
