import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockAgentcoreGatewayCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_gateway_cmk',
  title: 'Bedrock AgentCore gateways are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::Gateway'],
    terraform: ['aws_bedrockagentcore_gateway'],
  },
  rationale:
    'A gateway stores the tool definitions and the credentials configuration agents use to reach APIs and Lambda tools.',
  remediation: {
    text: 'Set KmsKeyArn to a customer managed KMS key.',
    cloudformation:
      'Gateway:\n  Type: AWS::BedrockAgentCore::Gateway\n  Properties:\n    KmsKeyArn: !GetAtt GatewayKey.Arn',
    terraform: 'resource "aws_bedrockagentcore_gateway" "g" {\n  kms_key_arn = aws_kms_key.gateway.arn\n}',
  },
  controls: ['bedrock-agent-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.4'], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKeyArn', terraform: 'kms_key_arn' }),
      'gateway configuration',
    );
  },
};
