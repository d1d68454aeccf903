import type { ResourceRule } from '../types.js';
import { requireTrue } from './shared.js';

export const sagemakerModelNetworkIsolation: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_model_network_isolation',
  title: 'SageMaker models run their containers with network isolation',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::SageMaker::Model'], terraform: ['aws_sagemaker_model'] },
  rationale:
    'An inference container from a third party or a poisoned model package can call out to the internet and exfiltrate requests. Network isolation removes all outbound network access from the container.',
  remediation: {
    text: 'Set EnableNetworkIsolation to true (model artifacts are still downloaded by SageMaker before the container starts).',
    cloudformation: 'Model:\n  Type: AWS::SageMaker::Model\n  Properties:\n    EnableNetworkIsolation: true',
    terraform: 'resource "aws_sagemaker_model" "m" {\n  enable_network_isolation = true\n}',
  },
  controls: ['model-network-isolation'],
  equivalents: {
    checkov: ['CKV_AWS_370'],
    prowler: ['sagemaker_models_network_isolation_enabled'],
    securityhub: ['SageMaker.5'],
    cdknag: [],
  },
  evaluate(resource) {
    return requireTrue(
      resource,
      { cloudformation: 'EnableNetworkIsolation', terraform: 'enable_network_isolation' },
      false,
      'network isolation',
    );
  },
};
