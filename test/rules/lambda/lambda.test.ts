import { lambdaEnvironmentEncryptedWithCmk } from '../../../src/rules/lambda/lambda_environment_encrypted_with_cmk.js';
import { lambdaFunctionInVpc } from '../../../src/rules/lambda/lambda_function_in_vpc.js';
import { lambdaFunctionReservedConcurrency } from '../../../src/rules/lambda/lambda_function_reserved_concurrency.js';
import { lambdaFunctionTracingEnabled } from '../../../src/rules/lambda/lambda_function_tracing_enabled.js';
import { lambdaFunctionUrlAuthRequired } from '../../../src/rules/lambda/lambda_function_url_auth_required.js';
import { lambdaPermissionRestricted } from '../../../src/rules/lambda/lambda_permission_restricted.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const F = 'AWS::Lambda::Function.Fn';
const TF = 'aws_lambda_function.fn';
const fn = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'python3.12',
        Handler: 'app.handler',
        Role: 'arn:aws:iam::111122223333:role/fn',
        Code: { ZipFile: 'x' },
        ...props,
      },
    },
  });
const tfFn = (body: string) => `resource "aws_kms_key" "k" {}
resource "aws_lambda_function" "fn" {
  function_name = "invoke-model"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  ${body}
}`;
const noneCfn = cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
const noneTf = 'resource "aws_kms_key" "k" {}';
const env = { Environment: { Variables: { MODEL_ID: 'anthropic.claude-3-haiku' } } };
const tfEnv = 'environment {\n variables = { MODEL_ID = "anthropic.claude-3-haiku" }\n }';

runRuleCases(lambdaEnvironmentEncryptedWithCmk, [
  {
    name: 'variables with a CMK',
    format: 'cloudformation',
    source: fn({ ...env, KmsKeyArn: getAtt('Key', 'Arn') }),
    expected: { [F]: 'pass' },
  },
  {
    name: 'variables with the default key',
    format: 'cloudformation',
    source: fn(env),
    expected: { [F]: 'fail' },
  },
  { name: 'no variables', format: 'cloudformation', source: fn({}), expected: { [F]: 'not_applicable' } },
  {
    name: 'variables with a CMK',
    format: 'terraform',
    source: tfFn(`${tfEnv}\n kms_key_arn = aws_kms_key.k.arn`),
    expected: { [TF]: 'pass' },
  },
  {
    name: 'variables with the default key',
    format: 'terraform',
    source: tfFn(tfEnv),
    expected: { [TF]: 'fail' },
  },
  { name: 'no variables', format: 'terraform', source: tfFn(''), expected: { [TF]: 'not_applicable' } },
]);

runRuleCases(lambdaFunctionInVpc, [
  {
    name: 'in subnets',
    format: 'cloudformation',
    source: fn({ VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } }),
    expected: { [F]: 'pass' },
  },
  { name: 'no VPC', format: 'cloudformation', source: fn({}), expected: { [F]: 'fail' } },
  { name: 'no function', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'in subnets',
    format: 'terraform',
    source: tfFn('vpc_config {\n subnet_ids = ["subnet-1"]\n security_group_ids = ["sg-1"]\n }'),
    expected: { [TF]: 'pass' },
  },
  { name: 'no VPC', format: 'terraform', source: tfFn(''), expected: { [TF]: 'fail' } },
  { name: 'no function', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(lambdaFunctionUrlAuthRequired, [
  {
    name: 'AWS_IAM',
    format: 'cloudformation',
    source: cfn({
      Url: {
        Type: 'AWS::Lambda::Url',
        Properties: {
          TargetFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:f',
          AuthType: 'AWS_IAM',
        },
      },
    }),
    expected: { 'AWS::Lambda::Url.Url': 'pass' },
  },
  {
    name: 'NONE',
    format: 'cloudformation',
    source: cfn({
      Url: {
        Type: 'AWS::Lambda::Url',
        Properties: {
          TargetFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:f',
          AuthType: 'NONE',
        },
      },
    }),
    expected: { 'AWS::Lambda::Url.Url': 'fail' },
  },
  { name: 'no URL', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'AWS_IAM',
    format: 'terraform',
    source:
      'resource "aws_lambda_function_url" "u" {\n function_name = "f"\n authorization_type = "AWS_IAM"\n}',
    expected: { 'aws_lambda_function_url.u': 'pass' },
  },
  {
    name: 'NONE',
    format: 'terraform',
    source: 'resource "aws_lambda_function_url" "u" {\n function_name = "f"\n authorization_type = "NONE"\n}',
    expected: { 'aws_lambda_function_url.u': 'fail' },
  },
  { name: 'no URL', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(lambdaFunctionReservedConcurrency, [
  {
    name: 'limit set',
    format: 'cloudformation',
    source: fn({ ReservedConcurrentExecutions: 10 }),
    expected: { [F]: 'pass' },
  },
  { name: 'no limit', format: 'cloudformation', source: fn({}), expected: { [F]: 'fail' } },
  { name: 'no function', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'limit set',
    format: 'terraform',
    source: tfFn('reserved_concurrent_executions = 5'),
    expected: { [TF]: 'pass' },
  },
  {
    name: '-1 means unreserved',
    format: 'terraform',
    source: tfFn('reserved_concurrent_executions = -1'),
    expected: { [TF]: 'fail' },
  },
  { name: 'no function', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(lambdaFunctionTracingEnabled, [
  {
    name: 'Active',
    format: 'cloudformation',
    source: fn({ TracingConfig: { Mode: 'Active' } }),
    expected: { [F]: 'pass' },
  },
  {
    name: 'PassThrough',
    format: 'cloudformation',
    source: fn({ TracingConfig: { Mode: 'PassThrough' } }),
    expected: { [F]: 'fail' },
  },
  { name: 'no function', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'Active',
    format: 'terraform',
    source: tfFn('tracing_config {\n mode = "Active"\n }'),
    expected: { [TF]: 'pass' },
  },
  { name: 'absent', format: 'terraform', source: tfFn(''), expected: { [TF]: 'fail' } },
  { name: 'no function', format: 'terraform', source: noneTf, expected: {} },
]);

const perm = (props: Record<string, unknown>) =>
  cfn({
    Perm: {
      Type: 'AWS::Lambda::Permission',
      Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'invoke-model', ...props },
    },
  });
const P = 'AWS::Lambda::Permission.Perm';
const tfPerm = (body: string) =>
  `resource "aws_lambda_permission" "p" {\n action = "lambda:InvokeFunction"\n function_name = "invoke-model"\n ${body}\n}`;
runRuleCases(lambdaPermissionRestricted, [
  {
    name: 'API Gateway with SourceArn',
    format: 'cloudformation',
    source: perm({
      Principal: 'apigateway.amazonaws.com',
      SourceArn: 'arn:aws:execute-api:us-east-1:1:abc/*',
    }),
    expected: { [P]: 'pass' },
  },
  { name: 'everyone', format: 'cloudformation', source: perm({ Principal: '*' }), expected: { [P]: 'fail' } },
  {
    name: 'S3 without a source',
    format: 'cloudformation',
    source: perm({ Principal: 's3.amazonaws.com' }),
    expected: { [P]: 'fail' },
  },
  {
    name: 'named account',
    format: 'cloudformation',
    source: perm({ Principal: '111122223333' }),
    expected: { [P]: 'pass' },
  },
  { name: 'no permission', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'events with a source rule',
    format: 'terraform',
    source: tfPerm('principal = "events.amazonaws.com"\n source_arn = "arn:aws:events:us-east-1:1:rule/r"'),
    expected: { 'aws_lambda_permission.p': 'pass' },
  },
  {
    name: 'everyone',
    format: 'terraform',
    source: tfPerm('principal = "*"'),
    expected: { 'aws_lambda_permission.p': 'fail' },
  },
  { name: 'no permission', format: 'terraform', source: noneTf, expected: {} },
]);
