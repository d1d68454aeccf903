import type { ResourceRule } from '../types.js';
import { judgeTrainingSteps, PIPELINE_RESOURCE_TYPES, requireTrueArgument } from './pipeline.js';

export const sagemakerPipelineTrainingNetworkIsolation: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_pipeline_training_network_isolation',
  title: 'SageMaker pipeline training steps run with network isolation',
  severity: 'high',
  resourceTypes: PIPELINE_RESOURCE_TYPES,
  rationale:
    'Training containers read the whole training set. Network isolation stops a third-party algorithm or a compromised dependency from sending it out.',
  remediation: {
    text: 'Set EnableNetworkIsolation to true in every Training step (and in TrainingJobDefinition of Tuning steps).',
    cloudformation:
      '{"Name": "Train", "Type": "Training", "Arguments": {"EnableNetworkIsolation": true, ...}}',
    terraform:
      'pipeline_definition = jsonencode({ Steps = [{ Name = "Train", Type = "Training", Arguments = { EnableNetworkIsolation = true } }] })',
  },
  controls: ['training-job-network-isolation'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_training_jobs_network_isolation_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    return judgeTrainingSteps(resource, 'network isolation', (job) =>
      requireTrueArgument(job, 'EnableNetworkIsolation'),
    );
  },
};
