import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { LAMBDA_FUNCTION_TYPES } from './lambda-types.js';

export const lambdaFunctionTracingEnabled: ResourceRule = {
  kind: 'resource',
  id: 'lambda_function_tracing_enabled',
  title: 'Lambda functions have active X-Ray tracing',
  severity: 'low',
  resourceTypes: LAMBDA_FUNCTION_TYPES,
  rationale:
    'Tracing follows a request from the API through the function to the model and the data stores it touched, which is how you find which call leaked data or which tool an agent invoked.',
  remediation: {
    text: 'Set the tracing mode to Active.',
    cloudformation: `TracingConfig:
  Mode: Active`,
    terraform: `tracing_config {
  mode = "Active"
}`,
  },
  controls: ['model-invocation-logging-enabled'],
  equivalents: {
    checkov: ['CKV_AWS_50'],
    prowler: [],
    securityhub: ['Lambda.7'],
    cdknag: [],
  },
  evaluate(resource) {
    const mode =
      resource.type === 'AWS::Serverless::Function'
        ? (prop(resource, { cloudformation: 'Tracing' }) ??
          prop(resource, { cloudformation: 'TracingConfig.Mode' }))
        : prop(resource, { cloudformation: 'TracingConfig.Mode', terraform: 'tracing_config.mode' });
    if (isUnknown(mode)) return unknown(`${resource.address}: cannot be decided statically: ${mode.reason}`);
    if (mode === 'Active') return pass(`${resource.address}: X-Ray tracing is active`);
    return fail(
      `${resource.address}: tracing mode is ${typeof mode === 'string' ? mode : 'PassThrough (the default)'}`,
    );
  },
};
