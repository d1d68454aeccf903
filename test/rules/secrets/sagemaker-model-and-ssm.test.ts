import { describe, expect, it } from 'vitest';
import { sagemakerModelEnvironmentNoSecrets } from '../../../src/rules/sagemaker/sagemaker_model_environment_no_secrets.js';
import { ssmParameterNoHardcodedSecrets } from '../../../src/rules/ssm/ssm_parameter_no_hardcoded_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, DB_PASSWORD, GITHUB_TOKEN, HF_TOKEN } from './fixtures.js';

const MODEL = 'AWS::SageMaker::Model.Llama';
const TF_MODEL = 'aws_sagemaker_model.llama';

const cfnModel = (container: string): string => `Resources:
  HubToken:
    Type: AWS::SecretsManager::Secret
  Llama:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/sm
${container}`;

const tfModel = (container: string): string => `resource "aws_secretsmanager_secret" "hub" {
  name = "hub"
}
resource "aws_sagemaker_model" "llama" {
  execution_role_arn = "arn:aws:iam::111122223333:role/sm"
  ${container}
}`;

runRuleCases(sagemakerModelEnvironmentNoSecrets, [
  {
    name: 'hub token in the primary container',
    format: 'cloudformation',
    source: cfnModel(`      PrimaryContainer:
        Image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4
        Environment:
          HF_MODEL_ID: meta-llama/Llama-3.1-8B-Instruct
          HUGGING_FACE_HUB_TOKEN: ${HF_TOKEN}`),
    expected: { [MODEL]: 'fail' },
    messageIncludes: 'primary container variable HUGGING_FACE_HUB_TOKEN: huggingface-access-token (hf_u…)',
  },
  {
    name: 'token in the second container of a pipeline',
    format: 'cloudformation',
    source: cfnModel(`      Containers:
        - Image: preprocess:1
        - Image: tgi:2
          Environment:
            GITHUB_TOKEN: ${GITHUB_TOKEN}`),
    expected: { [MODEL]: 'fail' },
    messageIncludes: 'container 2 variable GITHUB_TOKEN',
  },
  {
    name: 'secret ARN in the environment',
    format: 'cloudformation',
    source: cfnModel(`      PrimaryContainer:
        Image: tgi:2
        Environment:
          HF_MODEL_ID: meta-llama/Llama-3.1-8B-Instruct
          HF_TOKEN_SECRET_ARN: !Ref HubToken
          SM_NUM_GPUS: 4`),
    expected: { [MODEL]: 'pass' },
  },
  {
    name: 'no environment',
    format: 'cloudformation',
    source: cfnModel(`      PrimaryContainer:
        Image: tgi:2`),
    expected: { [MODEL]: 'not_applicable' },
  },
  {
    name: 'hub token in the primary container',
    format: 'terraform',
    source: tfModel(`primary_container {
    image       = "tgi:2"
    environment = { HF_TOKEN = "${HF_TOKEN}" }
  }`),
    expected: { [TF_MODEL]: 'fail' },
    messageIncludes: 'huggingface-access-token',
  },
  {
    name: 'secret ARN in the environment',
    format: 'terraform',
    source: tfModel(`primary_container {
    image       = "tgi:2"
    environment = { HF_TOKEN_SECRET_ARN = aws_secretsmanager_secret.hub.arn }
  }`),
    expected: { [TF_MODEL]: 'pass' },
  },
  {
    name: 'no environment',
    format: 'terraform',
    source: tfModel(`primary_container {
    image = "tgi:2"
  }`),
    expected: { [TF_MODEL]: 'not_applicable' },
  },
]);

const PARAM = 'AWS::SSM::Parameter.Key';
const TF_PARAM = 'aws_ssm_parameter.key';
const cfnParameter = (properties: string): string => `Resources:
  Key:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
${properties}`;
const tfParameter = (body: string): string => `variable "key" {
  sensitive = true
}
resource "aws_ssm_parameter" "key" {
  type = "SecureString"
  ${body}
}`;

runRuleCases(ssmParameterNoHardcodedSecrets, [
  {
    name: 'password written in a String parameter',
    format: 'cloudformation',
    source: cfnParameter(`      Name: /prod/llm/db-password\n      Value: '${DB_PASSWORD}'`),
    expected: { [PARAM]: 'fail' },
    messageIncludes: 'aigis-credential-variable (S3cr…)',
  },
  {
    name: 'a model id',
    format: 'cloudformation',
    source: cfnParameter(
      '      Name: /prod/llm/model-id\n      Value: anthropic.claude-3-haiku-20240307-v1:0',
    ),
    expected: { [PARAM]: 'pass' },
  },
  {
    name: 'a parameter with no value (invalid, but templates under edit have them)',
    format: 'cloudformation',
    source: cfnParameter('      Name: /prod/llm/empty'),
    expected: { [PARAM]: 'not_applicable' },
  },
  {
    name: 'token written in a SecureString',
    format: 'terraform',
    source: tfParameter(`name  = "/prod/ci/github-token"\n  value = "${GITHUB_TOKEN}"`),
    expected: { [TF_PARAM]: 'fail' },
    messageIncludes: 'github-pat',
  },
  {
    name: 'value from a sensitive variable',
    format: 'terraform',
    source: tfParameter('name  = "/prod/llm/api-key"\n  value = var.key'),
    expected: { [TF_PARAM]: 'pass' },
  },
  {
    name: 'write-only value',
    format: 'terraform',
    source: tfParameter('name  = "/prod/llm/api-key"\n  value_wo = var.key\n  value_wo_version = 1'),
    expected: { [TF_PARAM]: 'not_applicable' },
  },
]);

describe('messages of the model and parameter rules', () => {
  it('never contain the secret', async () => {
    const outcomes = await evaluateRuleOn(
      sagemakerModelEnvironmentNoSecrets,
      cfnModel(
        `      PrimaryContainer:\n        Image: tgi:2\n        Environment:\n          HF_TOKEN: ${HF_TOKEN}\n          DB_PASSWORD: '${DB_PASSWORD}'`,
      ),
      'cloudformation',
    );
    expect(outcomes[0]!.status).toBe('fail');
    for (const s of ALL_SECRETS) expect(outcomes[0]!.message).not.toContain(s);
  });
});
