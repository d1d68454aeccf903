import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from '../sagemaker/shared.js';

export const bedrockAgentcoreGatewayAuthorizer: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_gateway_authorizer',
  title: 'Bedrock AgentCore gateways require authorization for inbound requests',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::Gateway'],
    terraform: ['aws_bedrockagentcore_gateway'],
  },
  rationale:
    "A gateway exposes tools (APIs, Lambda functions, MCP servers) to agents. Without an authorizer anyone who finds the endpoint can call those tools with the gateway's credentials.",
  remediation: {
    text: 'Set AuthorizerType to CUSTOM_JWT (with an identity provider) or AWS_IAM.',
    cloudformation:
      'Gateway:\n  Type: AWS::BedrockAgentCore::Gateway\n  Properties:\n    AuthorizerType: AWS_IAM',
    terraform: 'resource "aws_bedrockagentcore_gateway" "g" {\n  authorizer_type = "AWS_IAM"\n}',
  },
  controls: ['ai-api-authorizer-required'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.2'], cdknag: [] },
  evaluate(resource) {
    const type = asText(prop(resource, { cloudformation: 'AuthorizerType', terraform: 'authorizer_type' }));
    if (isUnknown(type))
      return unknown(`${resource.address}: authorizer type cannot be decided statically: ${type.reason}`);
    if (type === undefined) return fail(`${resource.address} sets no authorizer type`);
    if (type.trim().toUpperCase() === 'NONE')
      return fail(`${resource.address} accepts inbound requests without authorization`);
    return pass(`${resource.address} authorizes inbound requests with ${type}`);
  },
};
