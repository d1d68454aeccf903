import { prop } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { isEmptyMap, scanVariables, secretsOutcome } from '../secrets/hardcoded-secrets.js';
import { LAMBDA_FUNCTION_TYPES } from './lambda-types.js';

export const lambdaEnvironmentNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'lambda_environment_no_secrets',
  title: 'Lambda environment variables hold no hard-coded secrets',
  severity: 'critical',
  resourceTypes: LAMBDA_FUNCTION_TYPES,
  rationale:
    'Functions that call model providers are often given the provider API key as an environment variable. The value is then in the template, in version control and in every GetFunctionConfiguration response, readable by anyone with lambda:GetFunction, and it never rotates.',
  remediation: {
    text: 'Store the secret in AWS Secrets Manager (or a SecureString parameter), pass its ARN or name in the environment and read it at run time (for example with the Parameters and Secrets Lambda extension); rotate any key that was committed.',
    cloudformation: `Environment:
  Variables:
    OPENAI_API_KEY_SECRET_ARN: !Ref OpenAiApiKeySecret`,
    terraform: `environment {
  variables = {
    OPENAI_API_KEY_SECRET_ARN = aws_secretsmanager_secret.openai.arn
  }
}`,
  },
  controls: ['no-secrets-in-ai-code-and-config', 'short-term-credentials-only'],
  equivalents: {
    checkov: ['CKV_AWS_45'],
    prowler: ['awslambda_function_no_secrets_in_variables'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const variables = prop(resource, {
      cloudformation: 'Environment.Variables',
      terraform: 'environment.variables',
    });
    if (variables === undefined || variables === null || isEmptyMap(variables))
      return notApplicable(`${resource.address}: has no environment variables`);
    const scan = scanVariables(variables, (name) => `variable ${name}`);
    return secretsOutcome(
      resource,
      scan.findings,
      scan.unknown ? [scan.unknown] : [],
      'environment variables',
    );
  },
};
