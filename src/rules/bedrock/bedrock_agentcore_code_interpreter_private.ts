import type { ResourceRule } from '../types.js';
import { networkModeOutcome } from './agentcore.js';

export const bedrockAgentcoreCodeInterpreterPrivate: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_code_interpreter_private',
  title: 'Bedrock AgentCore code interpreters use SANDBOX or VPC network mode',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::CodeInterpreterCustom'],
    terraform: ['aws_bedrockagentcore_code_interpreter'],
  },
  rationale:
    'Code written by a model runs in the interpreter; with public network access, injected code can download tooling and exfiltrate data.',
  remediation: {
    text: 'Set NetworkConfiguration.NetworkMode to SANDBOX (no network) or VPC.',
    cloudformation: 'NetworkConfiguration:\n  NetworkMode: SANDBOX',
    terraform: 'network_configuration {\n  network_mode = "SANDBOX"\n}',
  },
  controls: ['code-execution-sandboxed'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.7'], cdknag: [] },
  evaluate(resource) {
    return networkModeOutcome(resource, ['SANDBOX', 'VPC'], 'model-written code');
  },
};
