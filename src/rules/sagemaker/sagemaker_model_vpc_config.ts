import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { isSet } from './shared.js';

export const sagemakerModelVpcConfig: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_model_vpc_config',
  title: 'SageMaker models run their inference containers in a customer VPC',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::SageMaker::Model'], terraform: ['aws_sagemaker_model'] },
  rationale:
    "Without VpcConfig, inference containers reach S3, ECR and other services over SageMaker's network; in a VPC the traffic is subject to security groups, endpoint policies and flow logs.",
  remediation: {
    text: 'Add VpcConfig with private subnets and a security group.',
    cloudformation:
      'Model:\n  Type: AWS::SageMaker::Model\n  Properties:\n    VpcConfig:\n      Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      SecurityGroupIds: [!Ref ModelSg]',
    terraform:
      'resource "aws_sagemaker_model" "m" {\n  vpc_config {\n    subnets            = [aws_subnet.a.id, aws_subnet.b.id]\n    security_group_ids = [aws_security_group.model.id]\n  }\n}',
  },
  controls: ['model-network-isolation'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_models_vpc_settings_configured'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const subnets = prop(resource, { cloudformation: 'VpcConfig.Subnets', terraform: 'vpc_config.subnets' });
    if (isUnknown(subnets))
      return unknown(
        `${resource.address}: VPC configuration cannot be decided statically: ${subnets.reason}`,
      );
    if (isSet(subnets)) return pass(`${resource.address} runs its containers in customer VPC subnets`);
    return fail(`${resource.address} has no VPC configuration`);
  },
};
