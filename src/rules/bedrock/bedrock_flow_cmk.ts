import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockFlowCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_flow_cmk',
  title: 'Bedrock flows are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::Bedrock::Flow'], terraform: ['aws_bedrockagent_flow'] },
  rationale:
    'A flow definition holds prompts, the wiring between models, knowledge bases and Lambda functions, and the data passed between them.',
  remediation: {
    text: 'Set CustomerEncryptionKeyArn to a customer managed KMS key.',
    cloudformation:
      'Flow:\n  Type: AWS::Bedrock::Flow\n  Properties:\n    CustomerEncryptionKeyArn: !GetAtt FlowKey.Arn',
    terraform:
      'resource "aws_bedrockagent_flow" "flow" {\n  customer_encryption_key_arn = aws_kms_key.flow.arn\n}',
  },
  controls: ['bedrock-prompt-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'CustomerEncryptionKeyArn',
        terraform: 'customer_encryption_key_arn',
      }),
      'the flow',
    );
  },
};
