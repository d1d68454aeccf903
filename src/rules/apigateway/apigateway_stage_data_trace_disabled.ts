import { asBoolean, getPath, isUnknown, type Unknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { REST_STAGE_TYPES, stageMethodSettings } from './apigateway-stage.js';

const METHOD_SETTINGS = 'aws_api_gateway_method_settings';

export const apigatewayStageDataTraceDisabled: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_data_trace_disabled',
  title: 'API Gateway stages do not log full request and response bodies (data trace)',
  severity: 'medium',
  resourceTypes: {
    cloudformation: REST_STAGE_TYPES.cloudformation,
    terraform: [...REST_STAGE_TYPES.terraform, METHOD_SETTINGS],
  },
  rationale:
    'Data trace writes whole request and response bodies to CloudWatch Logs. In front of a model those are prompts and completions, with the personal data, secrets and confidential context they carry, copied to a log nobody governs. AWS advises against it in production.',
  remediation: {
    text: 'Turn data trace off; keep access logs (and guarded, redacted invocation logs) instead.',
    cloudformation: `MethodSettings:
  - ResourcePath: '/*'
    HttpMethod: '*'
    DataTraceEnabled: false
    LoggingLevel: ERROR`,
    terraform: `settings {
  data_trace_enabled = false
  logging_level      = "ERROR"
}`,
  },
  controls: ['prompt-and-response-logging-governed'],
  equivalents: { checkov: ['CKV_AWS_276'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    let settings: Array<{ origin: string; settings: unknown }>;
    if (resource.type === METHOD_SETTINGS) {
      const stage = ctx.graph.deref(resource.properties['stage_name']);
      if (stage)
        return notApplicable(`${resource.address}: judged on the stage it configures, ${stage.address}`);
      settings = [{ origin: resource.address, settings: getPath(resource.properties, 'settings') }];
    } else settings = stageMethodSettings(resource, ctx.graph);
    const tracing: string[] = [];
    let undecided: Unknown | undefined;
    for (const { origin, settings: s } of settings) {
      const enabled = asBoolean(getPath(s, cfn ? 'DataTraceEnabled' : 'data_trace_enabled'));
      if (isUnknown(enabled)) undecided ??= enabled;
      else if (enabled === true) tracing.push(origin);
    }
    if (tracing.length > 0)
      return fail(`${resource.address}: data trace logs full bodies in ${tracing.join(', ')}`);
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return pass(`${resource.address}: data trace is off`);
  },
};
