import { describe, expect, it } from 'vitest';
import { lambdaEnvironmentNoSecrets } from '../../../src/rules/lambda/lambda_environment_no_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, AWS_ACCESS_KEY_ID, DB_PASSWORD, GITHUB_TOKEN } from './fixtures.js';

const rule = lambdaEnvironmentNoSecrets;
const CFN = 'AWS::Lambda::Function.Fn';
const TF = 'aws_lambda_function.fn';

const cfnFunction = (environment: string, extra = ''): string => `Parameters:
  ApiKeyParam:
    Type: String
    NoEcho: true
Resources:
  ApiKey:
    Type: AWS::SecretsManager::Secret
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: x }
${environment}
${extra}`;

const tfFunction = (environment: string): string => `variable "api_key" {
  type      = string
  sensitive = true
}
variable "env" {}
resource "aws_secretsmanager_secret_version" "key" {
  secret_id     = "k"
  secret_string = var.api_key
}
resource "aws_lambda_function" "fn" {
  function_name = "invoke-model"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  ${environment}
}`;

const noSecretShown = (message: string): void => {
  for (const secret of ALL_SECRETS) expect(message).not.toContain(secret);
};

describe('lambda_environment_no_secrets on CloudFormation', () => {
  it('fails on an AWS access key and names the variable and the gitleaks rule, masked', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      cfnFunction(`      Environment:
        Variables:
          MODEL_ID: anthropic.claude-3-haiku
          AWS_ACCESS_KEY_ID: ${AWS_ACCESS_KEY_ID}`),
      'cloudformation',
    );
    expect(outcome).toMatchObject({ address: CFN, status: 'fail' });
    expect(outcome!.message).toContain('variable AWS_ACCESS_KEY_ID');
    expect(outcome!.message).toContain('aws-access-token');
    expect(outcome!.message).toContain(`${AWS_ACCESS_KEY_ID.slice(0, 4)}…`);
    noSecretShown(outcome!.message);
  });

  it('fails on a credential-named variable set to a password gitleaks has no format for', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      cfnFunction(`      Environment:
        Variables:
          DB_PASSWORD: '${DB_PASSWORD}'`),
      'cloudformation',
    );
    expect(outcome!.status).toBe('fail');
    expect(outcome!.message).toContain('aigis-credential-variable');
    noSecretShown(outcome!.message);
  });

  it('fails on a secret in a SAM function', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          GITHUB_TOKEN: ${GITHUB_TOKEN}`,
      'cloudformation',
    );
    expect(outcomes.map((o) => o.status)).toContain('fail');
    expect(outcomes.find((o) => o.status === 'fail')!.message).toContain('github-pat');
  });

  it('passes on references: a NoEcho parameter, a dynamic reference, a secret ARN, plain settings', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      cfnFunction(`      Environment:
        Variables:
          API_KEY: !Ref ApiKeyParam
          DB_PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
          API_KEY_SECRET_ARN: !Ref ApiKey
          TOKEN_SECRET_NAME: prod/model-provider/token
          SECRET_ARN: arn:aws:secretsmanager:us-east-1:111122223333:secret:prod-AbCdEf
          PASSWORD_MIN_LENGTH: '16'
          MODEL_ID: anthropic.claude-3-haiku-20240307-v1:0
          TABLE_NAME: conversations-prod`),
      'cloudformation',
    );
    expect(outcomes).toEqual([{ address: CFN, status: 'pass', message: expect.any(String) }]);
  });

  it('is not applicable without environment variables', async () => {
    expect(await evaluateRuleOn(rule, cfnFunction(''), 'cloudformation')).toEqual([
      { address: CFN, status: 'not_applicable', message: expect.any(String) },
    ]);
  });

  it('is unknown when the variables as a whole cannot be read', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      cfnFunction(`      Environment:
        Variables: !ImportValue shared-env`),
      'cloudformation',
    );
    expect(outcome!.status).toBe('unknown');
  });
});

describe('lambda_environment_no_secrets on Terraform', () => {
  it('fails on an AWS access key', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      tfFunction(`environment {
    variables = {
      AWS_ACCESS_KEY_ID = "${AWS_ACCESS_KEY_ID}"
      MODEL_ID          = "amazon.titan-text-express-v1"
    }
  }`),
      'terraform',
    );
    expect(outcome).toMatchObject({ address: TF, status: 'fail' });
    expect(outcome!.message).toContain('aws-access-token');
    noSecretShown(outcome!.message);
  });

  it('passes on variables and secret references', async () => {
    expect(
      await evaluateRuleOn(
        rule,
        tfFunction(`environment {
    variables = {
      API_KEY       = var.api_key
      DB_PASSWORD   = aws_secretsmanager_secret_version.key.secret_string
      GITHUB_TOKEN  = "\${var.api_key}"
      SECRET_ARN    = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod-AbCdEf"
    }
  }`),
        'terraform',
      ),
    ).toEqual([{ address: TF, status: 'pass', message: expect.any(String) }]);
  });

  it('is not applicable without an environment block', async () => {
    expect((await evaluateRuleOn(rule, tfFunction(''), 'terraform'))[0]!.status).toBe('not_applicable');
  });

  it('is unknown when the whole map comes from a variable without a value', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      tfFunction(`environment {
    variables = var.env
  }`),
      'terraform',
    );
    expect(outcome!.status).toBe('unknown');
  });
});

runRuleCases(lambdaEnvironmentNoSecrets, [
  {
    name: 'provider key in a variable',
    format: 'cloudformation',
    source: cfnFunction(`      Environment:\n        Variables:\n          GITHUB_TOKEN: ${GITHUB_TOKEN}`),
    expected: { [CFN]: 'fail' },
    messageIncludes: 'github-pat',
  },
  {
    name: 'secret ARN in a variable',
    format: 'cloudformation',
    source: cfnFunction(`      Environment:\n        Variables:\n          API_KEY_SECRET_ARN: !Ref ApiKey`),
    expected: { [CFN]: 'pass' },
  },
  {
    name: 'no variables',
    format: 'cloudformation',
    source: cfnFunction(''),
    expected: { [CFN]: 'not_applicable' },
  },
  {
    name: 'provider key in a variable',
    format: 'terraform',
    source: tfFunction(`environment {\n    variables = { GITHUB_TOKEN = "${GITHUB_TOKEN}" }\n  }`),
    expected: { [TF]: 'fail' },
    messageIncludes: 'github-pat',
  },
  {
    name: 'sensitive variable',
    format: 'terraform',
    source: tfFunction(`environment {\n    variables = { API_KEY = var.api_key }\n  }`),
    expected: { [TF]: 'pass' },
  },
  {
    name: 'no environment',
    format: 'terraform',
    source: tfFunction(''),
    expected: { [TF]: 'not_applicable' },
  },
  {
    name: 'empty variables',
    format: 'terraform',
    source: tfFunction('environment {\n    variables = {}\n  }'),
    expected: { [TF]: 'not_applicable' },
  },
  {
    name: 'variables from an unset variable',
    format: 'terraform',
    source: tfFunction(`environment {\n    variables = var.env\n  }`),
    expected: { [TF]: 'unknown' },
    messageIncludes: 'environment variables cannot be decided',
  },
]);
