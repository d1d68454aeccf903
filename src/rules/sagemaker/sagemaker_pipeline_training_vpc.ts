import { getPath } from '../../resources/access.js';
import { Unknown } from '../../resources/types.js';
import type { ResourceRule } from '../types.js';
import {
  isPipelineExpression,
  judgeTrainingSteps,
  PIPELINE_RESOURCE_TYPES,
  type StepVerdict,
} from './pipeline.js';

function vpcVerdict(job: unknown): StepVerdict {
  const subnets = getPath(job, 'VpcConfig.Subnets');
  if (isPipelineExpression(subnets))
    return new Unknown('VpcConfig.Subnets is a pipeline parameter or expression');
  if (Array.isArray(subnets) && subnets.length > 0) return { ok: true };
  return { ok: false, why: 'has no VpcConfig' };
}

export const sagemakerPipelineTrainingVpc: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_pipeline_training_vpc',
  title: 'SageMaker pipeline training steps run in a customer VPC',
  severity: 'high',
  resourceTypes: PIPELINE_RESOURCE_TYPES,
  rationale:
    "Training jobs outside a customer VPC reach data and the internet over SageMaker's network, without the VPC's security groups, endpoint policies and flow logs.",
  remediation: {
    text: 'Set VpcConfig (Subnets, SecurityGroupIds) in every Training step.',
    cloudformation:
      '"Arguments": {"VpcConfig": {"Subnets": ["subnet-..."], "SecurityGroupIds": ["sg-..."]}, ...}',
    terraform:
      'Arguments = {\n  VpcConfig = { Subnets = [aws_subnet.a.id], SecurityGroupIds = [aws_security_group.training.id] }\n}',
  },
  controls: ['training-job-network-isolation'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_training_jobs_vpc_settings_configured'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    return judgeTrainingSteps(resource, 'a VPC configuration', vpcVerdict);
  },
};
