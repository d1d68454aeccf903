import { notApplicable, pass, type ResourceRule } from '../types.js';
import {
  findSecretInVariable,
  literalText,
  secretsOutcome,
  type SecretFinding,
} from '../secrets/hardcoded-secrets.js';

/** The last segment of a parameter name (`/prod/llm/openai-api-key` -> `openai-api-key`): what it holds. */
const settingName = (name: unknown): string =>
  typeof name === 'string' ? name.slice(name.lastIndexOf('/') + 1) : 'value';

export const ssmParameterNoHardcodedSecrets: ResourceRule = {
  kind: 'resource',
  id: 'ssm_parameter_no_hardcoded_secrets',
  title: 'SSM parameters defined in templates hold no hard-coded secrets',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SSM::Parameter'],
    terraform: ['aws_ssm_parameter'],
  },
  rationale:
    'Teams move API keys out of function settings into Parameter Store but still write the value in the template. CloudFormation can only create plain String parameters, and a Terraform SecureString whose value is written in the code is stored in the repository and in plain text in the state file: the secret is as exposed as before.',
  remediation: {
    text: 'Create the parameter (SecureString) or a Secrets Manager secret outside the template, or generate the value (Secrets Manager GenerateSecretString, Terraform random_password with ephemeral or write-only arguments), and reference it by name; rotate any key that was committed.',
    cloudformation: `ModelApiKeySecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    Description: set out of band with put-secret-value`,
    terraform: `resource "aws_ssm_parameter" "api_key" {
  name             = "/prod/llm/api-key"
  type             = "SecureString"
  value_wo         = ephemeral.random_password.api_key.result
  value_wo_version = 1
}`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: { checkov: ['CKV_AWS_384'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const p = resource.properties;
    const value = p['Value'] ?? p['value'] ?? p['insecure_value'];
    if (value === undefined || value === null || value === '')
      return notApplicable(`${resource.address}: sets no value in the template`);
    const text = literalText(value);
    if (!text) return notApplicable(`${resource.address}: value is not text`);
    // Like a variable of a function: a value set from a reference or input is not written here.
    if ('unknown' in text)
      return pass(`${resource.address}: value is not written in the template (${text.unknown.reason})`);
    const name = settingName(p['Name'] ?? p['name']);
    const findings: SecretFinding[] = text.texts.flatMap((t) => findSecretInVariable(name, t, 'value'));
    return secretsOutcome(resource, findings, [], 'parameter value');
  },
};
