import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockAgentcoreMemoryCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_memory_cmk',
  title: 'Bedrock AgentCore memories are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::Memory'],
    terraform: ['aws_bedrockagentcore_memory'],
  },
  rationale:
    'Agent memory keeps conversation events and extracted long-term facts about users across sessions.',
  remediation: {
    text: 'Set EncryptionKeyArn to a customer managed KMS key.',
    cloudformation:
      'Memory:\n  Type: AWS::BedrockAgentCore::Memory\n  Properties:\n    EncryptionKeyArn: !GetAtt MemoryKey.Arn',
    terraform:
      'resource "aws_bedrockagentcore_memory" "m" {\n  encryption_key_arn = aws_kms_key.memory.arn\n}',
  },
  controls: ['bedrock-agent-cmk-encryption', 'agent-memory-integrity'],
  equivalents: { checkov: [], prowler: [], securityhub: ['BedrockAgentCore.3'], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'EncryptionKeyArn', terraform: 'encryption_key_arn' }),
      'agent memory',
    );
  },
};
