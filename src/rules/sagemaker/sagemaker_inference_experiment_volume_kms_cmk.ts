import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from './shared.js';

export const sagemakerInferenceExperimentVolumeKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_inference_experiment_volume_kms_cmk',
  title:
    'SageMaker inference experiments encrypt the instance storage of their shadow variants with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::SageMaker::InferenceExperiment'], terraform: [] },
  rationale:
    'Shadow variants receive a copy of live production requests; their instance volumes hold the model and cached payloads like any production endpoint.',
  remediation: {
    text: 'Set KmsKey to a customer managed KMS key (Terraform has no inference experiment resource).',
    cloudformation:
      'Experiment:\n  Type: AWS::SageMaker::InferenceExperiment\n  Properties:\n    KmsKey: !GetAtt InferenceKey.Arn',
  },
  controls: ['inference-endpoint-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: ['SageMaker.23'], cdknag: [] },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKey' }),
      'the shadow variant storage',
    );
  },
};
