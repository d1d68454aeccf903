import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from './shared.js';

export const sagemakerDomainKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_domain_kms_cmk',
  title: 'SageMaker domains encrypt their EFS home volume with a customer managed KMS key',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::SageMaker::Domain'], terraform: ['aws_sagemaker_domain'] },
  rationale:
    "The domain EFS volume holds every Studio user's home directory: notebooks, data extracts and model artifacts. Without KmsKeyId it uses an AWS managed key the customer cannot restrict.",
  remediation: {
    text: 'Set KmsKeyId on the domain to a customer managed KMS key.',
    cloudformation: 'Domain:\n  Type: AWS::SageMaker::Domain\n  Properties:\n    KmsKeyId: !Ref StudioKey',
    terraform: 'resource "aws_sagemaker_domain" "studio" {\n  kms_key_id = aws_kms_key.studio.arn\n}',
  },
  controls: ['notebook-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_187'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' }),
      'the domain storage',
    );
  },
};
