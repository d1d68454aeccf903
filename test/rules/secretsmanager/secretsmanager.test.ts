import { secretsmanagerSecretEncryptedWithCmk } from '../../../src/rules/secretsmanager/secretsmanager_secret_encrypted_with_cmk.js';
import { secretsmanagerSecretPolicyNotPublic } from '../../../src/rules/secretsmanager/secretsmanager_secret_policy_not_public.js';
import { secretsmanagerSecretRotationEnabled } from '../../../src/rules/secretsmanager/secretsmanager_secret_rotation_enabled.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const S = 'AWS::SecretsManager::Secret.Secret';
const TS = 'aws_secretsmanager_secret.s';
const secret = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: props },
    ...extra,
  });
const tfSecret = (body: string, extra = '') => `resource "aws_kms_key" "k" {}
resource "aws_secretsmanager_secret" "s" {
  name = "model-api-key"
  ${body}
}
${extra}`;
const none = cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
const noneTf = 'resource "aws_kms_key" "k" {}';

runRuleCases(secretsmanagerSecretEncryptedWithCmk, [
  {
    name: 'key resource',
    format: 'cloudformation',
    source: secret({ KmsKeyId: ref('Key') }),
    expected: { [S]: 'pass' },
  },
  { name: 'default key', format: 'cloudformation', source: secret({}), expected: { [S]: 'fail' } },
  {
    name: 'aws/secretsmanager alias',
    format: 'cloudformation',
    source: secret({ KmsKeyId: 'alias/aws/secretsmanager' }),
    expected: { [S]: 'fail' },
  },
  { name: 'no secret', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'key resource',
    format: 'terraform',
    source: tfSecret('kms_key_id = aws_kms_key.k.arn'),
    expected: { [TS]: 'pass' },
  },
  { name: 'default key', format: 'terraform', source: tfSecret(''), expected: { [TS]: 'fail' } },
  { name: 'no secret', format: 'terraform', source: noneTf, expected: {} },
]);

const rotation = {
  Type: 'AWS::SecretsManager::RotationSchedule',
  Properties: {
    SecretId: ref('Secret'),
    RotationLambdaARN: getAtt('Fn', 'Arn'),
    RotationRules: { AutomaticallyAfterDays: 30 },
  },
};
runRuleCases(secretsmanagerSecretRotationEnabled, [
  {
    name: 'rotation schedule',
    format: 'cloudformation',
    source: secret({}, { Rotation: rotation, Fn: { Type: 'AWS::Lambda::Function', Properties: {} } }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'schedule without function or rules',
    format: 'cloudformation',
    source: secret(
      {},
      {
        Rotation: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: { SecretId: ref('Secret') } },
      },
    ),
    expected: { [S]: 'fail' },
  },
  { name: 'no schedule', format: 'cloudformation', source: secret({}), expected: { [S]: 'fail' } },
  { name: 'no secret', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'rotation resource',
    format: 'terraform',
    source: tfSecret(
      '',
      `resource "aws_lambda_function" "rotate" {}
resource "aws_secretsmanager_secret_rotation" "r" {
  secret_id           = aws_secretsmanager_secret.s.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}`,
    ),
    expected: { [TS]: 'pass' },
  },
  { name: 'no rotation', format: 'terraform', source: tfSecret(''), expected: { [TS]: 'fail' } },
  { name: 'no secret', format: 'terraform', source: noneTf, expected: {} },
]);

const RP = 'AWS::SecretsManager::ResourcePolicy.Policy';
const resourcePolicy = (statement: Record<string, unknown>) =>
  secret(
    {},
    {
      Policy: {
        Type: 'AWS::SecretsManager::ResourcePolicy',
        Properties: {
          SecretId: ref('Secret'),
          ResourcePolicy: {
            Statement: [
              { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', ...statement },
            ],
          },
        },
      },
    },
  );
runRuleCases(secretsmanagerSecretPolicyNotPublic, [
  {
    name: 'named role',
    format: 'cloudformation',
    source: resourcePolicy({ Principal: { AWS: 'arn:aws:iam::111122223333:role/app' } }),
    expected: { [RP]: 'pass' },
  },
  {
    name: 'everyone',
    format: 'cloudformation',
    source: resourcePolicy({ Principal: '*' }),
    expected: { [RP]: 'fail' },
  },
  {
    name: 'everyone in the organization',
    format: 'cloudformation',
    source: resourcePolicy({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }),
    expected: { [RP]: 'pass' },
  },
  { name: 'no resource policy', format: 'cloudformation', source: secret({}), expected: {} },
  {
    name: 'everyone',
    format: 'terraform',
    source: tfSecret(
      '',
      'resource "aws_secretsmanager_secret_policy" "p" {\n secret_arn = aws_secretsmanager_secret.s.arn\n policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "secretsmanager:GetSecretValue", Resource = "*" }] })\n}',
    ),
    expected: { 'aws_secretsmanager_secret_policy.p': 'fail' },
  },
  {
    name: 'named role',
    format: 'terraform',
    source: tfSecret(
      '',
      'resource "aws_secretsmanager_secret_policy" "p" {\n secret_arn = aws_secretsmanager_secret.s.arn\n policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::1:role/app" }, Action = "secretsmanager:GetSecretValue", Resource = "*" }] })\n}',
    ),
    expected: { 'aws_secretsmanager_secret_policy.p': 'pass' },
  },
  { name: 'no resource policy', format: 'terraform', source: tfSecret(''), expected: {} },
]);
