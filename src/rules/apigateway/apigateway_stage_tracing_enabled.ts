import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { REST_STAGE_TYPES } from './apigateway-stage.js';

export const apigatewayStageTracingEnabled: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_tracing_enabled',
  title: 'API Gateway REST stages have X-Ray tracing enabled',
  severity: 'low',
  resourceTypes: REST_STAGE_TYPES,
  rationale:
    'Tracing ties an API request to the function and model calls behind it, so one abusive prompt can be followed end to end.',
  remediation: {
    text: 'Enable X-Ray tracing on the stage.',
    cloudformation: `TracingEnabled: true`,
    terraform: `xray_tracing_enabled = true`,
  },
  controls: ['model-invocation-logging-enabled'],
  equivalents: {
    checkov: ['CKV_AWS_73'],
    prowler: ['apigateway_restapi_tracing_enabled'],
    securityhub: ['APIGateway.3'],
    cdknag: [],
  },
  evaluate(resource) {
    const enabled = asBoolean(
      prop(resource, { cloudformation: 'TracingEnabled', terraform: 'xray_tracing_enabled' }),
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: X-Ray tracing is enabled`);
    return fail(`${resource.address}: X-Ray tracing is off (the default)`);
  },
};
