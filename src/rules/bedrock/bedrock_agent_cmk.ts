import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';
import { AGENT_TYPES } from './shared.js';

export const bedrockAgentCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agent_cmk',
  title: 'Bedrock agents encrypt their data with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: AGENT_TYPES,
  rationale:
    'An agent stores its instructions, action group schemas and session data. Without CustomerEncryptionKeyArn they are encrypted with an AWS owned key that the customer can neither restrict nor audit.',
  remediation: {
    text: 'Set CustomerEncryptionKeyArn to a customer managed KMS key whose policy lets the agent role use it.',
    cloudformation:
      'Agent:\n  Type: AWS::Bedrock::Agent\n  Properties:\n    CustomerEncryptionKeyArn: !GetAtt AgentKey.Arn',
    terraform:
      'resource "aws_bedrockagent_agent" "agent" {\n  customer_encryption_key_arn = aws_kms_key.agent.arn\n}',
  },
  controls: ['bedrock-agent-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_373'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'CustomerEncryptionKeyArn',
        terraform: 'customer_encryption_key_arn',
      }),
      'agent data',
    );
  },
};
