import { getPath, isUnknown, prop, type Unknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { ANY_STAGE_TYPES, positiveNumber, stageMethodSettings } from './apigateway-stage.js';

const USAGE_PLAN_TYPES = ['AWS::ApiGateway::UsagePlan', 'aws_api_gateway_usage_plan'];

export const apigatewayStageThrottlingConfigured: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_throttling_configured',
  title: 'API Gateway stages set their own throttling rate limits',
  severity: 'medium',
  resourceTypes: ANY_STAGE_TYPES,
  rationale:
    'Every model call costs money and quota. Without a stage or usage-plan rate limit, one client can use the whole account limit (10,000 requests per second by default) and run up the model bill or deny service to others (OWASP LLM10, unbounded consumption).',
  remediation: {
    text: 'Set a rate and burst limit on the stage (method settings or default route settings) or through a usage plan.',
    cloudformation: `MethodSettings:
  - ResourcePath: '/*'
    HttpMethod: '*'
    ThrottlingRateLimit: 50
    ThrottlingBurstLimit: 100`,
    terraform: `default_route_settings {
  throttling_rate_limit  = 50
  throttling_burst_limit = 100
}`,
  },
  controls: ['rate-and-token-limits', 'model-extraction-rate-limited'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const v2 = resource.type === 'AWS::ApiGatewayV2::Stage' || resource.type === 'aws_apigatewayv2_stage';
    const undecided: Unknown[] = [];
    const check = (value: unknown): boolean => {
      if (isUnknown(value)) undecided.push(value);
      return positiveNumber(value);
    };
    if (v2) {
      const rate = prop(resource, {
        cloudformation: 'DefaultRouteSettings.ThrottlingRateLimit',
        terraform: 'default_route_settings.throttling_rate_limit',
      });
      if (check(rate)) return pass(`${resource.address}: default route throttling is set`);
    } else {
      for (const { origin, settings } of stageMethodSettings(resource, ctx.graph)) {
        if (check(getPath(settings, cfn ? 'ThrottlingRateLimit' : 'throttling_rate_limit'))) {
          return pass(`${resource.address}: method throttling is set in ${origin}`);
        }
      }
      for (const plan of ctx.graph.referrers(resource).filter((r) => USAGE_PLAN_TYPES.includes(r.type))) {
        const rate = getPath(plan.properties, cfn ? 'Throttle.RateLimit' : 'throttle_settings.rate_limit');
        if (check(rate)) return pass(`${resource.address}: throttled by usage plan ${plan.address}`);
      }
    }
    if (undecided[0])
      return unknown(`${resource.address}: cannot be decided statically: ${undecided[0].reason}`);
    return fail(
      `${resource.address}: no stage, route or usage-plan rate limit is set; only the account-wide limit applies`,
    );
  },
};
