import { isUnknown, prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { LAMBDA_FUNCTION_TYPES } from './lambda-types.js';

export const lambdaEnvironmentEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'lambda_environment_encrypted_with_cmk',
  title: 'Lambda environment variables are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: LAMBDA_FUNCTION_TYPES,
  rationale:
    'Functions that call models keep endpoint names, guardrail ids and sometimes provider keys in environment variables. With the default AWS managed key anyone who can read the function configuration reads them; a customer managed key adds a decrypt permission you control.',
  remediation: {
    text: 'Set KmsKeyArn to a customer managed key (and keep real secrets in Secrets Manager).',
    cloudformation: `KmsKeyArn: !GetAtt FunctionKey.Arn`,
    terraform: `kms_key_arn = aws_kms_key.functions.arn`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: {
    checkov: ['CKV_AWS_173'],
    prowler: ['awslambda_function_env_vars_not_encrypted_with_cmk'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const variables = prop(resource, {
      cloudformation: 'Environment.Variables',
      terraform: 'environment.variables',
    });
    if (
      !isUnknown(variables) &&
      (variables === undefined ||
        (typeof variables === 'object' && variables !== null && Object.keys(variables).length === 0))
    ) {
      return notApplicable(`${resource.address}: has no environment variables`);
    }
    const key = prop(resource, { cloudformation: 'KmsKeyArn', terraform: 'kms_key_arn' });
    return customerManagedKeyOutcome(resource, key, ctx.graph, 'environment variable encryption');
  },
};
