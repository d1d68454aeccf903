import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockCustomModelCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_custom_model_cmk',
  title: 'Bedrock custom models are encrypted with a customer managed KMS key',
  severity: 'high',
  resourceTypes: { cloudformation: [], terraform: ['aws_bedrock_custom_model'] },
  rationale:
    "A fine-tuned or continued-pretraining model encodes its training data and can reproduce it. A customer managed key keeps its use under the owner's key policy and in CloudTrail.",
  remediation: {
    text: 'Set custom_model_kms_key_id to a customer managed KMS key (CloudFormation has no custom model resource).',
    terraform:
      'resource "aws_bedrock_custom_model" "tuned" {\n  custom_model_kms_key_id = aws_kms_key.models.arn\n}',
  },
  controls: ['bedrock-custom-model-cmk-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_custom_model_encrypted_with_cmk'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { terraform: 'custom_model_kms_key_id' }),
      'the custom model',
    );
  },
};
