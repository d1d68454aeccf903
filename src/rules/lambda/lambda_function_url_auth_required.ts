import { isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

export const lambdaFunctionUrlAuthRequired: ResourceRule = {
  kind: 'resource',
  id: 'lambda_function_url_auth_required',
  title: 'Lambda function URLs require IAM authentication',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::Lambda::Url', 'AWS::Serverless::Function'],
    terraform: ['aws_lambda_function_url'],
  },
  rationale:
    'A function URL with AuthType NONE is a public HTTPS endpoint. A function that wraps a model becomes a free, unauthenticated inference API: cost abuse ("LLM jacking"), prompt injection and data extraction without any identity in the logs.',
  remediation: {
    text: 'Use AuthType AWS_IAM, or put the function behind API Gateway with an authorizer.',
    cloudformation: `AuthType: AWS_IAM`,
    terraform: `authorization_type = "AWS_IAM"`,
  },
  controls: ['function-url-auth-required'],
  equivalents: {
    checkov: ['CKV_AWS_258'],
    prowler: ['awslambda_function_url_public'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const auth =
      resource.type === 'AWS::Serverless::Function'
        ? prop(resource, { cloudformation: 'FunctionUrlConfig.AuthType' })
        : prop(resource, { cloudformation: 'AuthType', terraform: 'authorization_type' });
    if (
      resource.type === 'AWS::Serverless::Function' &&
      prop(resource, { cloudformation: 'FunctionUrlConfig' }) === undefined
    ) {
      return notApplicable(`${resource.address}: has no function URL`);
    }
    if (isUnknown(auth)) return unknown(`${resource.address}: cannot be decided statically: ${auth.reason}`);
    if (auth === 'AWS_IAM') return pass(`${resource.address}: the function URL requires IAM authentication`);
    return fail(
      `${resource.address}: the function URL has AuthType ${typeof auth === 'string' ? auth : 'unset'}, so anyone can invoke it`,
    );
  },
};
