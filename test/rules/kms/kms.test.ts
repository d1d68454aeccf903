import { kmsKeyPolicyNoPublicPrincipal } from '../../../src/rules/kms/kms_key_policy_no_public_principal.js';
import { kmsKeyRotationEnabled } from '../../../src/rules/kms/kms_key_rotation_enabled.js';
import { cfn, runRuleCases } from '../sagemaker/cases.js';

const K = 'AWS::KMS::Key.Key';
const TK = 'aws_kms_key.k';
const key = (props: Record<string, unknown>) => cfn({ Key: { Type: 'AWS::KMS::Key', Properties: props } });
const tfKey = (body: string) => `resource "aws_kms_key" "k" {\n${body}\n}`;
const none = cfn({ Topic: { Type: 'AWS::SNS::Topic', Properties: {} } });
const noneTf = 'resource "aws_sns_topic" "t" {}';

runRuleCases(kmsKeyRotationEnabled, [
  {
    name: 'rotation on',
    format: 'cloudformation',
    source: key({ EnableKeyRotation: true }),
    expected: { [K]: 'pass' },
  },
  { name: 'rotation absent', format: 'cloudformation', source: key({}), expected: { [K]: 'fail' } },
  {
    name: 'rotation "false"',
    format: 'cloudformation',
    source: key({ EnableKeyRotation: 'false' }),
    expected: { [K]: 'fail' },
  },
  {
    name: 'asymmetric key',
    format: 'cloudformation',
    source: key({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }),
    expected: { [K]: 'not_applicable' },
  },
  { name: 'no key', format: 'cloudformation', source: none, expected: {} },
  {
    name: 'rotation on',
    format: 'terraform',
    source: tfKey('enable_key_rotation = true'),
    expected: { [TK]: 'pass' },
  },
  { name: 'rotation absent', format: 'terraform', source: tfKey(''), expected: { [TK]: 'fail' } },
  {
    name: 'asymmetric key',
    format: 'terraform',
    source: tfKey('customer_master_key_spec = "ECC_NIST_P256"'),
    expected: { [TK]: 'not_applicable' },
  },
  {
    name: 'unset variable',
    format: 'terraform',
    source: `variable "rotate" {}\n${tfKey('enable_key_rotation = var.rotate')}`,
    expected: { [TK]: 'unknown' },
  },
  { name: 'no key', format: 'terraform', source: noneTf, expected: {} },
]);

const statement = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Action: 'kms:*',
  Resource: '*',
  ...extra,
});
const keyPolicy = (...statements: unknown[]) =>
  key({ KeyPolicy: { Version: '2012-10-17', Statement: statements } });
runRuleCases(kmsKeyPolicyNoPublicPrincipal, [
  {
    name: 'account root',
    format: 'cloudformation',
    source: keyPolicy(statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })),
    expected: { [K]: 'pass' },
  },
  {
    name: 'Principal "*"',
    format: 'cloudformation',
    source: keyPolicy(statement({ Principal: '*' })),
    expected: { [K]: 'fail' },
  },
  {
    name: 'AWS ["*"]',
    format: 'cloudformation',
    source: keyPolicy(statement({ Principal: { AWS: ['*'] } })),
    expected: { [K]: 'fail' },
  },
  {
    name: 'any account root',
    format: 'cloudformation',
    source: keyPolicy(statement({ Principal: { AWS: 'arn:aws:iam::*:root' } })),
    expected: { [K]: 'fail' },
  },
  {
    name: '"*" limited by kms:CallerAccount',
    format: 'cloudformation',
    source: keyPolicy(
      statement({ Principal: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }),
    ),
    expected: { [K]: 'pass' },
  },
  {
    name: 'default key policy',
    format: 'cloudformation',
    source: key({}),
    expected: { [K]: 'not_applicable' },
  },
  {
    name: 'jsonencode policy with "*"',
    format: 'terraform',
    source: tfKey(
      'policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt", Resource = "*" }] })',
    ),
    expected: { [TK]: 'fail' },
  },
  {
    name: 'separate key policy resource with a role',
    format: 'terraform',
    source: `${tfKey('')}
resource "aws_kms_key_policy" "p" {
  key_id = aws_kms_key.k.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/app" }, Action = "kms:Decrypt", Resource = "*" }] })
}`,
    expected: { [TK]: 'not_applicable', 'aws_kms_key_policy.p': 'pass' },
  },
  { name: 'no key', format: 'terraform', source: noneTf, expected: {} },
]);
