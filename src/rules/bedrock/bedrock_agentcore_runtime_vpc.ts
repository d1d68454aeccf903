import type { ResourceRule } from '../types.js';
import { networkModeOutcome } from './agentcore.js';

export const bedrockAgentcoreRuntimeVpc: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_runtime_vpc',
  title: 'Bedrock AgentCore runtimes run in VPC network mode',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::Runtime'],
    terraform: ['aws_bedrockagentcore_agent_runtime'],
  },
  rationale:
    "In PUBLIC mode the agent runtime reaches the internet directly, so a prompt-injected agent can send data anywhere; VPC mode puts its traffic behind the customer's security groups and egress controls.",
  remediation: {
    text: 'Set NetworkConfiguration.NetworkMode to VPC with private subnets and security groups.',
    cloudformation:
      'NetworkConfiguration:\n  NetworkMode: VPC\n  NetworkModeConfig:\n    Subnets: [!Ref PrivateSubnetA]\n    SecurityGroups: [!Ref AgentSg]',
    terraform:
      'network_configuration {\n  network_mode = "VPC"\n  network_mode_config {\n    subnets         = [aws_subnet.a.id]\n    security_groups = [aws_security_group.agent.id]\n  }\n}',
  },
  controls: ['egress-filtering-for-ai-workloads'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.1'], cdknag: [] },
  evaluate(resource) {
    return networkModeOutcome(resource, ['VPC'], 'the agent runtime');
  },
};
