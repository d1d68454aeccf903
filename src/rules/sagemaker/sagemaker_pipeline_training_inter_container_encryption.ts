import type { ResourceRule } from '../types.js';
import { judgeTrainingSteps, PIPELINE_RESOURCE_TYPES, requireTrueArgument } from './pipeline.js';

export const sagemakerPipelineTrainingInterContainerEncryption: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_pipeline_training_inter_container_encryption',
  title: 'SageMaker pipeline training steps encrypt traffic between training instances',
  severity: 'medium',
  resourceTypes: PIPELINE_RESOURCE_TYPES,
  rationale:
    'Distributed training exchanges gradients and data shards between instances; without encryption they cross the network in clear text.',
  remediation: {
    text: 'Set EnableInterContainerTrafficEncryption to true in every Training step.',
    cloudformation:
      '{"Name": "Train", "Type": "Training", "Arguments": {"EnableInterContainerTrafficEncryption": true, ...}}',
    terraform:
      'pipeline_definition = jsonencode({ Steps = [{ Name = "Train", Type = "Training", Arguments = { EnableInterContainerTrafficEncryption = true } }] })',
  },
  controls: ['inter-container-traffic-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_training_jobs_intercontainer_encryption_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    return judgeTrainingSteps(resource, 'inter-container traffic encryption', (job) =>
      requireTrueArgument(job, 'EnableInterContainerTrafficEncryption'),
    );
  },
};
