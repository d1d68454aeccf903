import type { ResourceRule } from '../types.js';
import { networkModeOutcome } from './agentcore.js';

export const bedrockAgentcoreBrowserPrivate: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_browser_private',
  title: 'Bedrock AgentCore custom browsers do not use PUBLIC network mode',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::BrowserCustom'],
    terraform: ['aws_bedrockagentcore_browser'],
  },
  rationale:
    'A browser driven by an agent in public mode can be steered by page content (indirect prompt injection) to any site, including to post data out.',
  remediation: {
    text: 'Set NetworkConfiguration.NetworkMode to VPC and filter egress.',
    cloudformation: 'NetworkConfiguration:\n  NetworkMode: VPC',
    terraform: 'network_configuration {\n  network_mode = "VPC"\n}',
  },
  controls: ['egress-filtering-for-ai-workloads'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.5'], cdknag: [] },
  evaluate(resource) {
    return networkModeOutcome(resource, ['VPC'], 'the agent browser');
  },
};
