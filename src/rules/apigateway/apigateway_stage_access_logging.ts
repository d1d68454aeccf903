import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { ANY_STAGE_TYPES } from './apigateway-stage.js';

export const apigatewayStageAccessLogging: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_access_logging',
  title: 'API Gateway stages write access logs',
  severity: 'medium',
  resourceTypes: ANY_STAGE_TYPES,
  rationale:
    'Access logs record who called which model route, from where and with what result. They are the first evidence for abuse of an inference API (credential stuffing, quota theft, prompt-injection campaigns).',
  remediation: {
    text: 'Configure access log settings with a CloudWatch Logs or Firehose destination and a format that includes the caller identity and request id.',
    cloudformation: `AccessLogSetting:
  DestinationArn: !GetAtt ApiAccessLogs.Arn
  Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","status":"$context.status"}'`,
    terraform: `access_log_settings {
  destination_arn = aws_cloudwatch_log_group.api.arn
  format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
}`,
  },
  controls: ['model-invocation-logging-enabled', 'ai-usage-anomaly-alerts'],
  equivalents: {
    checkov: ['CKV_AWS_76', 'CKV_AWS_95'],
    prowler: ['apigateway_restapi_logging_enabled', 'apigatewayv2_api_access_logging_enabled'],
    securityhub: ['APIGateway.9'],
    cdknag: ['AwsSolutions-APIG1'],
  },
  evaluate(resource) {
    const v2 = resource.type === 'AWS::ApiGatewayV2::Stage';
    const destination = prop(resource, {
      cloudformation: v2 ? 'AccessLogSettings.DestinationArn' : 'AccessLogSetting.DestinationArn',
      terraform: 'access_log_settings.destination_arn',
    });
    if (isUnknown(destination))
      return unknown(`${resource.address}: cannot be decided statically: ${destination.reason}`);
    if (destination !== undefined && destination !== '')
      return pass(`${resource.address}: access logs are written`);
    return fail(`${resource.address}: no access log destination is set`);
  },
};
