import { apigatewayDomainTls12 } from '../../../src/rules/apigateway/apigateway_domain_tls12.js';
import { apigatewayMethodAuthorized } from '../../../src/rules/apigateway/apigateway_method_authorized.js';
import { apigatewayStageAccessLogging } from '../../../src/rules/apigateway/apigateway_stage_access_logging.js';
import { apigatewayStageCacheEncrypted } from '../../../src/rules/apigateway/apigateway_stage_cache_encrypted.js';
import { apigatewayStageClientCertificate } from '../../../src/rules/apigateway/apigateway_stage_client_certificate.js';
import { apigatewayStageDataTraceDisabled } from '../../../src/rules/apigateway/apigateway_stage_data_trace_disabled.js';
import { apigatewayStageThrottlingConfigured } from '../../../src/rules/apigateway/apigateway_stage_throttling_configured.js';
import { apigatewayStageTracingEnabled } from '../../../src/rules/apigateway/apigateway_stage_tracing_enabled.js';
import { cfn, ref, runRuleCases } from '../sagemaker/cases.js';

const M = 'AWS::ApiGateway::Method.Invoke';
const S = 'AWS::ApiGateway::Stage.Prod';
const TS = 'aws_api_gateway_stage.prod';
const api = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'inference' } };
const method = (props: Record<string, unknown>) =>
  cfn({
    Api: api,
    Invoke: {
      Type: 'AWS::ApiGateway::Method',
      Properties: { RestApiId: ref('Api'), ResourceId: 'abc', HttpMethod: 'POST', ...props },
    },
  });
const stage = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Api: api,
    Prod: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: ref('Api'), StageName: 'prod', DeploymentId: 'd1', ...props },
    },
    ...extra,
  });
const tfStage = (body: string, extra = '') => `resource "aws_api_gateway_rest_api" "api" {
  name = "inference"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  stage_name    = "prod"
  deployment_id = "d1"
  ${body}
}
${extra}`;
const tfSettings = (settings: string) => `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    ${settings}
  }
}`;
const noneCfn = cfn({ Api: api });
const noneTf = 'resource "aws_api_gateway_rest_api" "api" {\n name = "inference"\n}';

runRuleCases(apigatewayMethodAuthorized, [
  {
    name: 'Cognito',
    format: 'cloudformation',
    source: method({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: 'a1' }),
    expected: { [M]: 'pass' },
  },
  {
    name: 'NONE with an API key',
    format: 'cloudformation',
    source: method({ AuthorizationType: 'NONE', ApiKeyRequired: true }),
    expected: { [M]: 'fail' },
  },
  { name: 'absent', format: 'cloudformation', source: method({}), expected: { [M]: 'fail' } },
  {
    name: 'CORS preflight',
    format: 'cloudformation',
    source: method({ HttpMethod: 'OPTIONS', AuthorizationType: 'NONE' }),
    expected: { [M]: 'not_applicable' },
  },
  {
    name: 'HTTP API route with JWT',
    format: 'cloudformation',
    source: cfn({
      Route: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: { ApiId: 'x', RouteKey: 'POST /invoke', AuthorizationType: 'JWT', AuthorizerId: 'a' },
      },
    }),
    expected: { 'AWS::ApiGatewayV2::Route.Route': 'pass' },
  },
  {
    name: 'AWS_IAM',
    format: 'terraform',
    source: `${noneTf}\nresource "aws_api_gateway_method" "m" {\n rest_api_id = aws_api_gateway_rest_api.api.id\n resource_id = "r"\n http_method = "POST"\n authorization = "AWS_IAM"\n}`,
    expected: { 'aws_api_gateway_method.m': 'pass' },
  },
  {
    name: 'NONE',
    format: 'terraform',
    source: `${noneTf}\nresource "aws_api_gateway_method" "m" {\n rest_api_id = aws_api_gateway_rest_api.api.id\n resource_id = "r"\n http_method = "POST"\n authorization = "NONE"\n api_key_required = true\n}`,
    expected: { 'aws_api_gateway_method.m': 'fail' },
  },
  {
    name: 'WebSocket message route',
    format: 'terraform',
    source:
      'resource "aws_apigatewayv2_api" "ws" {\n name = "chat"\n protocol_type = "WEBSOCKET"\n route_selection_expression = "$request.body.action"\n}\nresource "aws_apigatewayv2_route" "r" {\n api_id = aws_apigatewayv2_api.ws.id\n route_key = "sendMessage"\n}',
    expected: { 'aws_apigatewayv2_route.r': 'not_applicable' },
  },
  {
    name: 'v2 route without authorization',
    format: 'terraform',
    source: 'resource "aws_apigatewayv2_route" "r" {\n api_id = "x"\n route_key = "POST /invoke"\n}',
    expected: { 'aws_apigatewayv2_route.r': 'fail' },
  },
  { name: 'no methods', format: 'terraform', source: noneTf, expected: {} },
  { name: 'no methods', format: 'cloudformation', source: noneCfn, expected: {} },
]);

runRuleCases(apigatewayStageAccessLogging, [
  {
    name: 'destination set',
    format: 'cloudformation',
    source: stage({
      AccessLogSetting: {
        DestinationArn: 'arn:aws:logs:us-east-1:111122223333:log-group:api',
        Format: '$context.requestId',
      },
    }),
    expected: { [S]: 'pass' },
  },
  { name: 'no access logs', format: 'cloudformation', source: stage({}), expected: { [S]: 'fail' } },
  {
    name: 'HTTP API stage with logs',
    format: 'cloudformation',
    source: cfn({
      V2: {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          ApiId: 'x',
          StageName: '$default',
          AccessLogSettings: { DestinationArn: 'arn:aws:logs:us-east-1:1:log-group:a', Format: 'x' },
        },
      },
    }),
    expected: { 'AWS::ApiGatewayV2::Stage.V2': 'pass' },
  },
  { name: 'no stage', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'destination set',
    format: 'terraform',
    source: tfStage(
      'access_log_settings {\n destination_arn = "arn:aws:logs:us-east-1:1:log-group:api"\n format = "x"\n }',
    ),
    expected: { [TS]: 'pass' },
  },
  { name: 'no access logs', format: 'terraform', source: tfStage(''), expected: { [TS]: 'fail' } },
  { name: 'no stage', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(apigatewayStageTracingEnabled, [
  {
    name: 'enabled',
    format: 'cloudformation',
    source: stage({ TracingEnabled: true }),
    expected: { [S]: 'pass' },
  },
  { name: 'absent', format: 'cloudformation', source: stage({}), expected: { [S]: 'fail' } },
  { name: 'no stage', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'enabled',
    format: 'terraform',
    source: tfStage('xray_tracing_enabled = true'),
    expected: { [TS]: 'pass' },
  },
  { name: 'absent', format: 'terraform', source: tfStage(''), expected: { [TS]: 'fail' } },
  { name: 'no stage', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(apigatewayStageClientCertificate, [
  {
    name: 'certificate set',
    format: 'cloudformation',
    source: stage({ ClientCertificateId: 'cert-1' }),
    expected: { [S]: 'pass' },
  },
  { name: 'no certificate', format: 'cloudformation', source: stage({}), expected: { [S]: 'fail' } },
  { name: 'no stage', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'certificate reference',
    format: 'terraform',
    source: tfStage(
      'client_certificate_id = aws_api_gateway_client_certificate.c.id',
      'resource "aws_api_gateway_client_certificate" "c" {}',
    ),
    expected: { [TS]: 'pass' },
  },
  { name: 'no certificate', format: 'terraform', source: tfStage(''), expected: { [TS]: 'fail' } },
  { name: 'no stage', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(apigatewayStageCacheEncrypted, [
  {
    name: 'cache encrypted',
    format: 'cloudformation',
    source: stage({
      CacheClusterEnabled: true,
      MethodSettings: [
        { ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true, CacheDataEncrypted: true },
      ],
    }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'cache cluster without encryption settings',
    format: 'cloudformation',
    source: stage({ CacheClusterEnabled: true }),
    expected: { [S]: 'fail' },
  },
  {
    name: 'caching on, encryption off',
    format: 'cloudformation',
    source: stage({ MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true }] }),
    expected: { [S]: 'fail' },
  },
  { name: 'no cache', format: 'cloudformation', source: stage({}), expected: { [S]: 'not_applicable' } },
  {
    name: 'cache encrypted',
    format: 'terraform',
    source: tfStage(
      'cache_cluster_enabled = true',
      tfSettings('caching_enabled = true\n cache_data_encrypted = true'),
    ),
    expected: { [TS]: 'pass', 'aws_api_gateway_method_settings.all': 'not_applicable' },
  },
  {
    name: 'caching without encryption',
    format: 'terraform',
    source: tfStage('cache_cluster_enabled = true', tfSettings('caching_enabled = true')),
    expected: { [TS]: 'fail', 'aws_api_gateway_method_settings.all': 'not_applicable' },
  },
  {
    name: 'method settings for a stage outside the scanned code',
    format: 'terraform',
    source: tfSettings('caching_enabled = true')
      .replace('aws_api_gateway_stage.prod.stage_name', '"prod"')
      .replace('aws_api_gateway_rest_api.api.id', '"abc123"'),
    expected: { 'aws_api_gateway_method_settings.all': 'fail' },
  },
  { name: 'no cache', format: 'terraform', source: tfStage(''), expected: { [TS]: 'not_applicable' } },
]);

runRuleCases(apigatewayStageThrottlingConfigured, [
  {
    name: 'method throttling',
    format: 'cloudformation',
    source: stage({
      MethodSettings: [
        { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      ],
    }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'usage plan throttle',
    format: 'cloudformation',
    source: stage(
      {},
      {
        Plan: {
          Type: 'AWS::ApiGateway::UsagePlan',
          Properties: {
            ApiStages: [{ ApiId: ref('Api'), Stage: ref('Prod') }],
            Throttle: { RateLimit: 20, BurstLimit: 40 },
          },
        },
      },
    ),
    expected: { [S]: 'pass' },
  },
  { name: 'no limit', format: 'cloudformation', source: stage({}), expected: { [S]: 'fail' } },
  { name: 'no stage', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'method settings throttle',
    format: 'terraform',
    source: tfStage('', tfSettings('throttling_rate_limit = 50\n throttling_burst_limit = 100')),
    expected: { [TS]: 'pass' },
  },
  {
    name: '-1 is no limit',
    format: 'terraform',
    source: tfStage('', tfSettings('throttling_rate_limit = -1')),
    expected: { [TS]: 'fail' },
  },
  {
    name: 'HTTP API default route throttling',
    format: 'terraform',
    source:
      'resource "aws_apigatewayv2_stage" "s" {\n api_id = "x"\n name = "$default"\n default_route_settings {\n throttling_rate_limit = 10\n throttling_burst_limit = 20\n }\n}',
    expected: { 'aws_apigatewayv2_stage.s': 'pass' },
  },
  { name: 'no stage', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(apigatewayStageDataTraceDisabled, [
  {
    name: 'data trace off',
    format: 'cloudformation',
    source: stage({
      MethodSettings: [
        { ResourcePath: '/*', HttpMethod: '*', DataTraceEnabled: false, LoggingLevel: 'ERROR' },
      ],
    }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'data trace on',
    format: 'cloudformation',
    source: stage({ MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', DataTraceEnabled: true }] }),
    expected: { [S]: 'fail' },
  },
  { name: 'no stage', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'data trace on',
    format: 'terraform',
    source: tfStage('', tfSettings('data_trace_enabled = true')),
    expected: { [TS]: 'fail', 'aws_api_gateway_method_settings.all': 'not_applicable' },
  },
  { name: 'no method settings', format: 'terraform', source: tfStage(''), expected: { [TS]: 'pass' } },
  {
    name: 'method settings for a stage outside the scanned code',
    format: 'terraform',
    source: tfSettings('data_trace_enabled = true')
      .replace('aws_api_gateway_stage.prod.stage_name', '"prod"')
      .replace('aws_api_gateway_rest_api.api.id', '"abc123"'),
    expected: { 'aws_api_gateway_method_settings.all': 'fail' },
  },
  { name: 'no stage', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(apigatewayDomainTls12, [
  {
    name: 'TLS_1_2',
    format: 'cloudformation',
    source: cfn({
      Dom: {
        Type: 'AWS::ApiGateway::DomainName',
        Properties: { DomainName: 'api.example.com', SecurityPolicy: 'TLS_1_2' },
      },
    }),
    expected: { 'AWS::ApiGateway::DomainName.Dom': 'pass' },
  },
  {
    name: 'default policy',
    format: 'cloudformation',
    source: cfn({
      Dom: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com' } },
    }),
    expected: { 'AWS::ApiGateway::DomainName.Dom': 'fail' },
  },
  {
    name: 'HTTP API domain with TLS_1_2',
    format: 'cloudformation',
    source: cfn({
      Dom: {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: 'api.example.com',
          DomainNameConfigurations: [{ CertificateArn: 'arn:cert', SecurityPolicy: 'TLS_1_2' }],
        },
      },
    }),
    expected: { 'AWS::ApiGatewayV2::DomainName.Dom': 'pass' },
  },
  { name: 'no domain', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'TLS_1_0',
    format: 'terraform',
    source:
      'resource "aws_api_gateway_domain_name" "d" {\n domain_name = "api.example.com"\n security_policy = "TLS_1_0"\n}',
    expected: { 'aws_api_gateway_domain_name.d': 'fail' },
  },
  {
    name: 'TLS_1_2',
    format: 'terraform',
    source:
      'resource "aws_api_gateway_domain_name" "d" {\n domain_name = "api.example.com"\n security_policy = "TLS_1_2"\n}',
    expected: { 'aws_api_gateway_domain_name.d': 'pass' },
  },
  { name: 'no domain', format: 'terraform', source: noneTf, expected: {} },
]);
