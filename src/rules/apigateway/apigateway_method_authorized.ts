import { isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

export const apigatewayMethodAuthorized: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_method_authorized',
  title: 'API Gateway methods and routes require an authorizer (IAM, Cognito, Lambda or JWT)',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'],
    terraform: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
  },
  rationale:
    'An API in front of a model without authorization is an open inference endpoint: anyone can spend your model quota, probe for prompt injection and extract data, and the logs hold no identity. API keys identify a client for usage plans but are not authentication and do not count.',
  remediation: {
    text: 'Set the authorization type to AWS_IAM, COGNITO_USER_POOLS, CUSTOM (Lambda authorizer) or JWT (HTTP APIs) and attach the authorizer.',
    cloudformation: `AuthorizationType: COGNITO_USER_POOLS
AuthorizerId: !Ref UserPoolAuthorizer`,
    terraform: `authorization = "COGNITO_USER_POOLS"
authorizer_id = aws_api_gateway_authorizer.users.id`,
  },
  controls: ['ai-api-authorizer-required'],
  equivalents: {
    checkov: ['CKV_AWS_59', 'CKV2_AWS_70', 'CKV_AWS_309'],
    prowler: [
      'apigateway_restapi_authorizers_enabled',
      'apigatewayv2_api_authorizers_enabled',
      'apigateway_restapi_public_with_authorizer',
    ],
    securityhub: ['APIGateway.8'],
    cdknag: ['AwsSolutions-APIG4'],
  },
  evaluate(resource, ctx) {
    const v2 = resource.type === 'AWS::ApiGatewayV2::Route' || resource.type === 'aws_apigatewayv2_route';
    const method = v2
      ? prop(resource, { cloudformation: 'RouteKey', terraform: 'route_key' })
      : prop(resource, { cloudformation: 'HttpMethod', terraform: 'http_method' });
    // Browsers send CORS preflight without credentials, so OPTIONS must stay open.
    if (typeof method === 'string' && /^options\b/i.test(method))
      return notApplicable(`${resource.address}: CORS preflight (OPTIONS) cannot carry credentials`);
    if (v2 && typeof method === 'string' && method !== '$connect') {
      // WebSocket APIs authorize the connection on $connect only; other routes cannot take an authorizer.
      const api = ctx.graph.deref(prop(resource, { cloudformation: 'ApiId', terraform: 'api_id' }));
      const protocol = api ? (api.properties['ProtocolType'] ?? api.properties['protocol_type']) : undefined;
      if (protocol === 'WEBSOCKET')
        return notApplicable(
          `${resource.address}: WebSocket routes other than $connect cannot have an authorizer`,
        );
    }
    const type = v2
      ? prop(resource, { cloudformation: 'AuthorizationType', terraform: 'authorization_type' })
      : prop(resource, { cloudformation: 'AuthorizationType', terraform: 'authorization' });
    if (isUnknown(type)) return unknown(`${resource.address}: cannot be decided statically: ${type.reason}`);
    if (typeof type === 'string' && type.toUpperCase() !== 'NONE')
      return pass(`${resource.address}: requires ${type} authorization`);
    return fail(
      `${resource.address}: authorization type is ${typeof type === 'string' ? type : 'NONE (the default)'}; API keys alone do not authenticate callers`,
    );
  },
};
