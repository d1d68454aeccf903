import { dynamodbTableDeletionProtection } from '../../../src/rules/dynamodb/dynamodb_table_deletion_protection.js';
import { dynamodbTableEncryptedWithCmk } from '../../../src/rules/dynamodb/dynamodb_table_encrypted_with_cmk.js';
import { dynamodbTablePointInTimeRecovery } from '../../../src/rules/dynamodb/dynamodb_table_point_in_time_recovery.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const T = 'AWS::DynamoDB::Table.Memory';
const TT = 'aws_dynamodb_table.memory';
const table = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Memory: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        ...props,
      },
    },
  });
const tfTable = (body: string) => `resource "aws_kms_key" "k" {}
resource "aws_dynamodb_table" "memory" {
  name     = "agent-memory"
  hash_key = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  ${body}
}`;
const none = cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
const noneTf = 'resource "aws_kms_key" "k" {}';

runRuleCases(dynamodbTableEncryptedWithCmk, [
  {
    name: 'KMS with a key resource',
    format: 'cloudformation',
    source: table({
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAtt('Key', 'Arn') },
    }),
    expected: { [T]: 'pass' },
  },
  {
    name: 'KMS without a key uses aws/dynamodb',
    format: 'cloudformation',
    source: table({ SSESpecification: { SSEEnabled: true } }),
    expected: { [T]: 'fail' },
  },
  { name: 'default AWS owned key', format: 'cloudformation', source: table({}), expected: { [T]: 'fail' } },
  { name: 'no table', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'KMS with a key resource',
    format: 'terraform',
    source: tfTable('server_side_encryption {\n enabled = true\n kms_key_arn = aws_kms_key.k.arn\n }'),
    expected: { [TT]: 'pass' },
  },
  {
    name: 'enabled without a key',
    format: 'terraform',
    source: tfTable('server_side_encryption {\n enabled = true\n }'),
    expected: { [TT]: 'fail' },
  },
  { name: 'default', format: 'terraform', source: tfTable(''), expected: { [TT]: 'fail' } },
  { name: 'no table', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(dynamodbTablePointInTimeRecovery, [
  {
    name: 'enabled',
    format: 'cloudformation',
    source: table({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    expected: { [T]: 'pass' },
  },
  { name: 'absent', format: 'cloudformation', source: table({}), expected: { [T]: 'fail' } },
  { name: 'no table', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'enabled',
    format: 'terraform',
    source: tfTable('point_in_time_recovery {\n enabled = true\n }'),
    expected: { [TT]: 'pass' },
  },
  {
    name: 'disabled',
    format: 'terraform',
    source: tfTable('point_in_time_recovery {\n enabled = false\n }'),
    expected: { [TT]: 'fail' },
  },
  { name: 'no table', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(dynamodbTableDeletionProtection, [
  {
    name: 'enabled',
    format: 'cloudformation',
    source: table({ DeletionProtectionEnabled: true }),
    expected: { [T]: 'pass' },
  },
  { name: 'absent', format: 'cloudformation', source: table({}), expected: { [T]: 'fail' } },
  { name: 'no table', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'enabled',
    format: 'terraform',
    source: tfTable('deletion_protection_enabled = true'),
    expected: { [TT]: 'pass' },
  },
  { name: 'absent', format: 'terraform', source: tfTable(''), expected: { [TT]: 'fail' } },
  { name: 'no table', format: 'terraform', source: noneTf, expected: {} },
]);
