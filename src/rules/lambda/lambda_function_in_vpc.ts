import { asArray, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { LAMBDA_FUNCTION_TYPES } from './lambda-types.js';

export const lambdaFunctionInVpc: ResourceRule = {
  kind: 'resource',
  id: 'lambda_function_in_vpc',
  title: 'Lambda functions run inside a VPC',
  severity: 'low',
  resourceTypes: LAMBDA_FUNCTION_TYPES,
  rationale:
    'A function in a VPC reaches Bedrock, SageMaker and data stores through VPC endpoints and security groups you control, and its egress to the internet can be restricted, which limits where a compromised or prompt-injected function can send data.',
  remediation: {
    text: 'Attach the function to private subnets and a security group, and reach AWS services through interface endpoints.',
    cloudformation: `VpcConfig:
  SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
  SecurityGroupIds: [!Ref FunctionSecurityGroup]`,
    terraform: `vpc_config {
  subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids = [aws_security_group.function.id]
}`,
  },
  controls: ['bedrock-private-connectivity', 'egress-filtering-for-ai-workloads'],
  equivalents: {
    checkov: ['CKV_AWS_117'],
    prowler: ['awslambda_function_inside_vpc'],
    securityhub: ['Lambda.3'],
    cdknag: ['NIST.800.53.R5-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC'],
  },
  evaluate(resource) {
    const subnets = prop(resource, {
      cloudformation: 'VpcConfig.SubnetIds',
      terraform: 'vpc_config.subnet_ids',
    });
    if (isUnknown(subnets))
      return unknown(`${resource.address}: cannot be decided statically: ${subnets.reason}`);
    if (asArray(subnets).length > 0) return pass(`${resource.address}: runs in VPC subnets`);
    return fail(`${resource.address}: runs outside any VPC`);
  },
};
