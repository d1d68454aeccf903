import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';
import { GUARDRAIL_TYPES } from './shared.js';

export const bedrockGuardrailCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_cmk',
  title: 'Bedrock guardrails are encrypted with a customer managed KMS key',
  severity: 'low',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'A guardrail holds the denied topics, word lists and regexes that describe what the business considers sensitive. A customer managed key limits who can read or change them.',
  remediation: {
    text: 'Set KmsKeyArn to a customer managed KMS key.',
    cloudformation:
      'Guardrail:\n  Type: AWS::Bedrock::Guardrail\n  Properties:\n    KmsKeyArn: !GetAtt GuardrailKey.Arn',
    terraform: 'resource "aws_bedrock_guardrail" "g" {\n  kms_key_arn = aws_kms_key.guardrail.arn\n}',
  },
  controls: ['bedrock-prompt-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKeyArn', terraform: 'kms_key_arn' }),
      'the guardrail configuration',
    );
  },
};
