import { describe, expect, it } from 'vitest';
import { bedrockAgentcoreRuntimeEnvironmentNoSecrets } from '../../../src/rules/bedrock/bedrock_agentcore_runtime_environment_no_secrets.js';
import { lambdaInlineCodeNoSecrets } from '../../../src/rules/lambda/lambda_inline_code_no_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, AWS_ACCESS_KEY_ID, DB_PASSWORD, GITHUB_TOKEN } from './fixtures.js';

const FN = 'AWS::Lambda::Function.Fn';
const cfnFunction = (code: string): string => `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/fn
${code}`;

runRuleCases(lambdaInlineCodeNoSecrets, [
  {
    name: 'key in inline code',
    format: 'cloudformation',
    source: cfnFunction(`      Code:
        ZipFile: |
          import boto3
          ACCESS_KEY = "${AWS_ACCESS_KEY_ID}"
          def handler(event, context):
              return boto3.client("bedrock-runtime").invoke_model(modelId="x", body="{}")`),
    expected: { [FN]: 'fail' },
    messageIncludes: 'inline code line 2: aws-access-token (AKIA…)',
  },
  {
    name: 'password assigned in inline code',
    format: 'cloudformation',
    source: cfnFunction(`      Code:
        ZipFile: |
          db_password = "${DB_PASSWORD}"`),
    expected: { [FN]: 'fail' },
    messageIncludes: 'aigis-credential-variable',
  },
  {
    name: 'code that reads its key from Secrets Manager',
    format: 'cloudformation',
    source: cfnFunction(`      Code:
        ZipFile: |
          import boto3, os
          api_key = boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["KEY_ARN"])["SecretString"]
          token = os.environ["HF_TOKEN"]`),
    expected: { [FN]: 'pass' },
  },
  {
    name: 'code in S3',
    format: 'cloudformation',
    source: cfnFunction(`      Code:
        S3Bucket: artifacts
        S3Key: fn.zip`),
    expected: { [FN]: 'not_applicable' },
  },
]);

describe('lambda_inline_code_no_secrets on SAM', () => {
  it('reads InlineCode', async () => {
    const outcomes = await evaluateRuleOn(
      lambdaInlineCodeNoSecrets,
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        GITHUB_TOKEN = "${GITHUB_TOKEN}"`,
      'cloudformation',
    );
    const failed = outcomes.filter((o) => o.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('github-pat');
    for (const s of ALL_SECRETS) expect(failed[0]!.message).not.toContain(s);
  });
});

const RT = 'AWS::BedrockAgentCore::Runtime.Agent';
const TF_RT = 'aws_bedrockagentcore_agent_runtime.agent';
const cfnRuntime = (env: string): string => `Resources:
  Agent:
    Type: AWS::BedrockAgentCore::Runtime
    Properties:
      AgentRuntimeName: support_agent
      RoleArn: arn:aws:iam::111122223333:role/agent
${env}`;
const tfRuntime = (env: string): string => `resource "aws_bedrockagentcore_agent_runtime" "agent" {
  agent_runtime_name = "support_agent"
  role_arn           = "arn:aws:iam::111122223333:role/agent"
  ${env}
}`;

runRuleCases(bedrockAgentcoreRuntimeEnvironmentNoSecrets, [
  {
    name: 'tool key in the environment',
    format: 'cloudformation',
    source: cfnRuntime(
      `      EnvironmentVariables:\n        GITHUB_TOKEN: ${GITHUB_TOKEN}\n        LOG_LEVEL: info`,
    ),
    expected: { [RT]: 'fail' },
    messageIncludes: 'variable GITHUB_TOKEN: github-pat (ghp_…)',
  },
  {
    name: 'secret ARN in the environment',
    format: 'cloudformation',
    source: cfnRuntime(
      '      EnvironmentVariables:\n        SEARCH_API_KEY_SECRET_ARN: arn:aws:secretsmanager:us-east-1:111122223333:secret:search-AbCdEf',
    ),
    expected: { [RT]: 'pass' },
  },
  {
    name: 'no environment',
    format: 'cloudformation',
    source: cfnRuntime(''),
    expected: { [RT]: 'not_applicable' },
  },
  {
    name: 'password in the environment',
    format: 'terraform',
    source: tfRuntime(`environment_variables = {\n    DB_PASSWORD = "${DB_PASSWORD}"\n  }`),
    expected: { [TF_RT]: 'fail' },
    messageIncludes: 'aigis-credential-variable',
  },
  {
    name: 'plain settings',
    format: 'terraform',
    source: tfRuntime(
      'environment_variables = {\n    MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0"\n  }',
    ),
    expected: { [TF_RT]: 'pass' },
  },
  {
    name: 'no environment',
    format: 'terraform',
    source: tfRuntime(''),
    expected: { [TF_RT]: 'not_applicable' },
  },
]);
