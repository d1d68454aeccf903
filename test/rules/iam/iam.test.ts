import { iamNoLongTermAccessKeys } from '../../../src/rules/iam/iam_no_long_term_access_keys.js';
import { iamPolicyNoAdministratorAccess } from '../../../src/rules/iam/iam_policy_no_administrator_access.js';
import { iamPolicyNoAiServiceWildcard } from '../../../src/rules/iam/iam_policy_no_ai_service_wildcard.js';
import { iamPolicyNoPassroleWildcard } from '../../../src/rules/iam/iam_policy_no_passrole_wildcard.js';
import { iamRoleTrustNotPublic } from '../../../src/rules/iam/iam_role_trust_not_public.js';
import { iamUserNoPolicies } from '../../../src/rules/iam/iam_user_no_policies.js';
import { cfn, ref, runRuleCases } from '../sagemaker/cases.js';

const trust = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};
const R = 'AWS::IAM::Role.Role';
const TR = 'aws_iam_role.r';
const role = (statements: unknown[], extra: Record<string, unknown> = {}) =>
  cfn({
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trust,
        Policies: [
          { PolicyName: 'inline', PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        ],
        ...extra,
      },
    },
  });
const managedPolicy = (statements: unknown[]) =>
  cfn({
    Policy: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { PolicyDocument: { Version: '2012-10-17', Statement: statements } },
    },
  });
const tfAssume = `assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })`;
const tfRole = (extra = '') => `resource "aws_iam_role" "r" {
  name = "app"
  ${tfAssume}
}
${extra}`;
const tfDocPolicy = (statement: string) =>
  tfRole(`data "aws_iam_policy_document" "d" {
  statement {
${statement}
  }
}
resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = data.aws_iam_policy_document.d.json
}`);
const TP = 'aws_iam_role_policy.p';
const noIamCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noIamTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(iamPolicyNoAiServiceWildcard, [
  {
    name: 'bedrock:* on *',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }]),
    expected: { [R]: 'fail' },
  },
  {
    name: 's3:* on * in a managed policy',
    format: 'cloudformation',
    source: managedPolicy([{ Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] }]),
    expected: { 'AWS::IAM::ManagedPolicy.Policy': 'fail' },
  },
  {
    name: 'Sage* wildcard prefix',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: 'sagemaker*', Resource: '*' }]),
    expected: { [R]: 'fail' },
  },
  {
    name: 'AmazonBedrockFullAccess attached',
    format: 'cloudformation',
    source: role([], { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] }),
    expected: { [R]: 'fail' },
  },
  {
    name: 'specific action on *',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }]),
    expected: { [R]: 'pass' },
  },
  {
    name: 'bedrock:* on a named model',
    format: 'cloudformation',
    source: role([
      {
        Effect: 'Allow',
        Action: 'bedrock:*',
        Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1',
      },
    ]),
    expected: { [R]: 'pass' },
  },
  {
    name: 'a Deny is no grant',
    format: 'cloudformation',
    source: role([{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }]),
    expected: { [R]: 'pass' },
  },
  { name: 'no IAM', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'bedrock:* on * via policy document',
    format: 'terraform',
    source: tfDocPolicy('actions = ["bedrock:*"]\n resources = ["*"]'),
    expected: { [TR]: 'not_applicable', [TP]: 'fail' },
  },
  {
    name: 'specific actions',
    format: 'terraform',
    source: tfDocPolicy('actions = ["bedrock:InvokeModel"]\n resources = ["*"]'),
    expected: { [TR]: 'not_applicable', [TP]: 'pass' },
  },
  {
    name: 'AmazonSageMakerFullAccess attachment',
    format: 'terraform',
    source: tfRole(`resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}`),
    expected: { [TR]: 'not_applicable', 'aws_iam_role_policy_attachment.a': 'fail' },
  },
  { name: 'no IAM', format: 'terraform', source: noIamTf, expected: {} },
]);

runRuleCases(iamPolicyNoAdministratorAccess, [
  {
    name: '"*" on "*"',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    expected: { [R]: 'fail' },
  },
  {
    name: 'AdministratorAccess attached',
    format: 'cloudformation',
    source: role([], { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }),
    expected: { [R]: 'fail' },
  },
  {
    name: '"*" on one bucket',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::data/*' }]),
    expected: { [R]: 'pass' },
  },
  {
    name: 'ReadOnlyAccess attached',
    format: 'cloudformation',
    source: role([], { ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }),
    expected: { [R]: 'pass' },
  },
  { name: 'no IAM', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'jsonencode "*" on "*"',
    format: 'terraform',
    source:
      'resource "aws_iam_policy" "admin" {\n policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}',
    expected: { 'aws_iam_policy.admin': 'fail' },
  },
  {
    name: 'heredoc JSON with scoped actions',
    format: 'terraform',
    source:
      'resource "aws_iam_policy" "p" {\n policy = <<EOF\n{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}\nEOF\n}',
    expected: { 'aws_iam_policy.p': 'pass' },
  },
  {
    name: 'AdministratorAccess attachment',
    format: 'terraform',
    source: tfRole(`resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`),
    expected: { [TR]: 'not_applicable', 'aws_iam_role_policy_attachment.a': 'fail' },
  },
  {
    name: 'SSO permission set with AdministratorAccess',
    format: 'terraform',
    source:
      'resource "aws_ssoadmin_managed_policy_attachment" "a" {\n instance_arn = "arn:aws:sso:::instance/ssoins-1"\n permission_set_arn = "arn:ps"\n managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}',
    expected: { 'aws_ssoadmin_managed_policy_attachment.a': 'fail' },
  },
  {
    name: 'SSO inline policy "*" on "*"',
    format: 'terraform',
    source:
      'resource "aws_ssoadmin_permission_set_inline_policy" "p" {\n instance_arn = "arn:aws:sso:::instance/ssoins-1"\n permission_set_arn = "arn:ps"\n inline_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}',
    expected: { 'aws_ssoadmin_permission_set_inline_policy.p': 'fail' },
  },
  { name: 'no IAM', format: 'terraform', source: noIamTf, expected: {} },
]);

runRuleCases(iamPolicyNoPassroleWildcard, [
  {
    name: 'iam:PassRole on *',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]),
    expected: { [R]: 'fail' },
  },
  {
    name: 'iam:Pass* on *',
    format: 'cloudformation',
    source: role([{ Effect: 'Allow', Action: ['iam:Pass*'], Resource: '*' }]),
    expected: { [R]: 'fail' },
  },
  {
    name: 'PassRole on a named role',
    format: 'cloudformation',
    source: role([
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/training' },
    ]),
    expected: { [R]: 'pass' },
  },
  { name: 'no IAM', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'iam:* on *',
    format: 'terraform',
    source: tfDocPolicy('actions = ["iam:*"]\n resources = ["*"]'),
    expected: { [TR]: 'not_applicable', [TP]: 'fail' },
  },
  {
    name: 'PassRole on a role reference',
    format: 'terraform',
    source: tfDocPolicy('actions = ["iam:PassRole"]\n resources = [aws_iam_role.r.arn]'),
    expected: { [TR]: 'not_applicable', [TP]: 'pass' },
  },
  { name: 'no IAM', format: 'terraform', source: noIamTf, expected: {} },
]);

const trustRole = (statement: Record<string, unknown>) =>
  cfn({
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
        },
      },
    },
  });
const tfTrust = (statement: string) => `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({ Statement = [${statement}] })
}`;
runRuleCases(iamRoleTrustNotPublic, [
  {
    name: 'service principal',
    format: 'cloudformation',
    source: trustRole({ Principal: { Service: 'sagemaker.amazonaws.com' } }),
    expected: { [R]: 'pass' },
  },
  {
    name: 'AWS "*"',
    format: 'cloudformation',
    source: trustRole({ Principal: { AWS: '*' } }),
    expected: { [R]: 'fail' },
  },
  {
    name: '"*" with an ExternalId condition',
    format: 'cloudformation',
    source: trustRole({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }),
    expected: { [R]: 'pass' },
  },
  {
    name: 'GitHub OIDC without a subject condition',
    format: 'cloudformation',
    source: trustRole({
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    }),
    expected: { [R]: 'fail' },
  },
  {
    name: 'GitHub OIDC pinned to a repository',
    format: 'cloudformation',
    source: trustRole({
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/models:ref:refs/heads/main' },
      },
    }),
    expected: { [R]: 'pass' },
  },
  {
    name: 'OIDC with a condition that does not pin the identity',
    format: 'cloudformation',
    source: trustRole({
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    }),
    expected: { [R]: 'fail' },
  },
  { name: 'no role', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'Principal "*"',
    format: 'terraform',
    source: tfTrust('{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }'),
    expected: { [TR]: 'fail' },
  },
  {
    name: 'named account',
    format: 'terraform',
    source: tfTrust(
      '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }',
    ),
    expected: { [TR]: 'pass' },
  },
  { name: 'no role', format: 'terraform', source: noIamTf, expected: {} },
]);

const U = 'AWS::IAM::User.User';
runRuleCases(iamUserNoPolicies, [
  {
    name: 'user in a group only',
    format: 'cloudformation',
    source: cfn({ User: { Type: 'AWS::IAM::User', Properties: { Groups: ['data-scientists'] } } }),
    expected: { [U]: 'pass' },
  },
  {
    name: 'inline policy',
    format: 'cloudformation',
    source: cfn({
      User: {
        Type: 'AWS::IAM::User',
        Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [] } }] },
      },
    }),
    expected: { [U]: 'fail' },
  },
  {
    name: 'policy resource naming the user',
    format: 'cloudformation',
    source: cfn({
      User: { Type: 'AWS::IAM::User', Properties: {} },
      Policy: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'p', Users: [ref('User')], PolicyDocument: { Statement: [] } },
      },
    }),
    expected: { [U]: 'fail', 'AWS::IAM::Policy.Policy': 'not_applicable' },
  },
  {
    name: 'policy naming a user from another stack',
    format: 'cloudformation',
    source: cfn({
      Policy: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'p', Users: ['legacy-ci'], PolicyDocument: { Statement: [] } },
      },
    }),
    expected: { 'AWS::IAM::Policy.Policy': 'fail' },
  },
  {
    name: 'policy for roles only',
    format: 'cloudformation',
    source: cfn({
      Policy: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'p', Roles: ['app'], PolicyDocument: { Statement: [] } },
      },
    }),
    expected: { 'AWS::IAM::Policy.Policy': 'not_applicable' },
  },
  { name: 'no user', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'bare user',
    format: 'terraform',
    source: 'resource "aws_iam_user" "u" {\n name = "alice"\n}',
    expected: { 'aws_iam_user.u': 'pass' },
  },
  {
    name: 'attachment by reference',
    format: 'terraform',
    source: `resource "aws_iam_user" "u" {
  name = "alice"
}
resource "aws_iam_user_policy_attachment" "a" {
  user       = aws_iam_user.u.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}`,
    expected: { 'aws_iam_user.u': 'fail', 'aws_iam_user_policy_attachment.a': 'not_applicable' },
  },
  {
    name: 'inline policy by literal name',
    format: 'terraform',
    source: `resource "aws_iam_user" "u" {
  name = "alice"
}
resource "aws_iam_user_policy" "p" {
  user   = "alice"
  policy = jsonencode({ Statement = [] })
}`,
    expected: { 'aws_iam_user.u': 'fail', 'aws_iam_user_policy.p': 'not_applicable' },
  },
  {
    name: 'attachment for a user outside the scanned code',
    format: 'terraform',
    source:
      'resource "aws_iam_user_policy_attachment" "a" {\n user = "legacy-ci"\n policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}',
    expected: { 'aws_iam_user_policy_attachment.a': 'fail' },
  },
  { name: 'no user', format: 'terraform', source: noIamTf, expected: {} },
]);

runRuleCases(iamNoLongTermAccessKeys, [
  {
    name: 'active key',
    format: 'cloudformation',
    source: cfn({ Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'ci' } } }),
    expected: { 'AWS::IAM::AccessKey.Key': 'fail' },
  },
  {
    name: 'inactive key',
    format: 'cloudformation',
    source: cfn({ Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'ci', Status: 'Inactive' } } }),
    expected: { 'AWS::IAM::AccessKey.Key': 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: noIamCfn, expected: {} },
  {
    name: 'access key',
    format: 'terraform',
    source: 'resource "aws_iam_access_key" "k" {\n user = "ci"\n}',
    expected: { 'aws_iam_access_key.k': 'fail' },
  },
  {
    name: 'inactive key',
    format: 'terraform',
    source: 'resource "aws_iam_access_key" "k" {\n user = "ci"\n status = "Inactive"\n}',
    expected: { 'aws_iam_access_key.k': 'pass' },
  },
  { name: 'no key', format: 'terraform', source: noIamTf, expected: {} },
]);
