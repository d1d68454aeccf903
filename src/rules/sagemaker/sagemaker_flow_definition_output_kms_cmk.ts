import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from './shared.js';

export const sagemakerFlowDefinitionOutputKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_flow_definition_output_kms_cmk',
  title: 'SageMaker human review (A2I) flow definitions encrypt their output with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: [], terraform: ['aws_sagemaker_flow_definition'] },
  rationale: "Human review output holds the reviewed inputs, model predictions and the reviewers' answers.",
  remediation: {
    text: 'Set output_config.kms_key_id to a customer managed KMS key (CloudFormation has no flow definition resource).',
    terraform:
      'output_config {\n  s3_output_path = "s3://${aws_s3_bucket.reviews.bucket}/"\n  kms_key_id     = aws_kms_key.reviews.arn\n}',
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_372'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { terraform: 'output_config.kms_key_id' }),
      'human review output',
    );
  },
};
