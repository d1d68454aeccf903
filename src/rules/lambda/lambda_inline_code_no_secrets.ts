import { prop } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { scanScripts } from '../secrets/hardcoded-secrets.js';

export const lambdaInlineCodeNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'lambda_inline_code_no_secrets',
  title: 'Lambda code written inline in templates holds no hard-coded secrets',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    terraform: [],
  },
  rationale:
    'Small functions that call a model provider are often written inline (`ZipFile`, SAM `InlineCode`) with the API key as a string in the code. The key is then in the template, in version control and in the function package anyone with lambda:GetFunction can download.',
  remediation: {
    text: 'Read the key at run time from AWS Secrets Manager or a SecureString parameter (the Parameters and Secrets Lambda extension caches it), pass only its name or ARN, and rotate the key that was committed.',
    cloudformation: `Code:
  ZipFile: |
    import boto3, os
    key = boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["API_KEY_SECRET_ARN"])["SecretString"]`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: {
    checkov: [],
    prowler: ['awslambda_function_no_secrets_in_code'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const code = prop(resource, { cloudformation: 'Code.ZipFile' }) ?? resource.properties['InlineCode'];
    if (code === undefined || code === null || code === '')
      return notApplicable(`${resource.address}: has no inline code`);
    return scanScripts(resource, [['inline code', code]], 'inline code');
  },
};
