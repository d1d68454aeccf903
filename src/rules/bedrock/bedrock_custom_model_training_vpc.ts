import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { isSet } from '../sagemaker/shared.js';

export const bedrockCustomModelTrainingVpc: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_custom_model_training_vpc',
  title: 'Bedrock model customization jobs read training data through a customer VPC',
  severity: 'medium',
  resourceTypes: { cloudformation: [], terraform: ['aws_bedrock_custom_model'] },
  rationale:
    "With a VPC configuration the customization job reaches the training data bucket through the customer's subnets, so bucket policies can require the VPC endpoint and flow logs record the access.",
  remediation: {
    text: 'Add vpc_config with private subnets and a security group.',
    terraform:
      'resource "aws_bedrock_custom_model" "tuned" {\n  vpc_config {\n    subnet_ids         = [aws_subnet.a.id]\n    security_group_ids = [aws_security_group.tuning.id]\n  }\n}',
  },
  controls: ['training-job-network-isolation'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const subnets = prop(resource, { terraform: 'vpc_config.subnet_ids' });
    if (isUnknown(subnets))
      return unknown(
        `${resource.address}: VPC configuration cannot be decided statically: ${subnets.reason}`,
      );
    if (isSet(subnets)) return pass(`${resource.address} runs its customization job in customer VPC subnets`);
    return fail(`${resource.address} has no VPC configuration for its customization job`);
  },
};
