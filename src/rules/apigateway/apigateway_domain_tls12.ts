import { asArray, getPath, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const apigatewayDomainTls12: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_domain_tls12',
  title: 'API Gateway custom domain names require TLS 1.2 or later',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
    terraform: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
  },
  rationale:
    'The custom domain is the public front door of a model API. Its security policy decides which TLS versions clients may use; TLS_1_0 keeps protocols with known weaknesses available for prompts and bearer tokens.',
  remediation: {
    text: 'Set the security policy to TLS_1_2 (or a newer enhanced policy).',
    cloudformation: `SecurityPolicy: TLS_1_2`,
    terraform: `security_policy = "TLS_1_2"`,
  },
  controls: ['tls-on-public-ai-endpoints'],
  equivalents: { checkov: ['CKV_AWS_206'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const v2 =
      resource.type === 'AWS::ApiGatewayV2::DomainName' || resource.type === 'aws_apigatewayv2_domain_name';
    const policies = v2
      ? asArray(
          prop(resource, {
            cloudformation: 'DomainNameConfigurations',
            terraform: 'domain_name_configuration',
          }),
        ).map((c) =>
          getPath(
            c,
            resource.source === 'cloudformation' || resource.source === 'cdk'
              ? 'SecurityPolicy'
              : 'security_policy',
          ),
        )
      : [prop(resource, { cloudformation: 'SecurityPolicy', terraform: 'security_policy' })];
    if (policies.length === 0) policies.push(undefined);
    for (const policy of policies) {
      if (isUnknown(policy))
        return unknown(`${resource.address}: cannot be decided statically: ${policy.reason}`);
      // Without a policy REST domains have historically defaulted to TLS_1_0.
      if (policy === undefined || (typeof policy === 'string' && /TLS_1_0/i.test(policy))) {
        return fail(
          `${resource.address}: security policy ${typeof policy === 'string' ? policy : 'is not set (TLS_1_0 by default)'} allows TLS 1.0`,
        );
      }
    }
    return pass(`${resource.address}: requires TLS 1.2 or later`);
  },
};
