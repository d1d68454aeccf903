import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockPromptCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_prompt_cmk',
  title: 'Bedrock Prompt Management prompts are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::Bedrock::Prompt'], terraform: ['aws_bedrockagent_prompt'] },
  rationale:
    'Prompt templates carry system instructions, business rules and sometimes examples drawn from real data; they steer every model call that uses them.',
  remediation: {
    text: 'Set CustomerEncryptionKeyArn to a customer managed KMS key.',
    cloudformation:
      'Prompt:\n  Type: AWS::Bedrock::Prompt\n  Properties:\n    CustomerEncryptionKeyArn: !GetAtt PromptKey.Arn',
    terraform:
      'resource "aws_bedrockagent_prompt" "prompt" {\n  customer_encryption_key_arn = aws_kms_key.prompt.arn\n}',
  },
  controls: ['bedrock-prompt-cmk-encryption'],
  equivalents: { checkov: [], prowler: ['bedrock_prompt_encrypted_with_cmk'], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'CustomerEncryptionKeyArn',
        terraform: 'customer_encryption_key_arn',
      }),
      'the prompt',
    );
  },
};
