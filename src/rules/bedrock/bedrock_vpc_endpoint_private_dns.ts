import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { endpointBedrockService, endpointProblem, VPC_ENDPOINT_TYPES } from './endpoints.js';

export const bedrockVpcEndpointPrivateDns: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_vpc_endpoint_private_dns',
  title: 'Bedrock VPC endpoints are interface endpoints with private DNS enabled',
  severity: 'medium',
  resourceTypes: VPC_ENDPOINT_TYPES,
  rationale:
    'Without private DNS the default SDK endpoint (bedrock-runtime.<region>.amazonaws.com) still resolves to public addresses, so traffic leaves through the NAT and the endpoint policy is bypassed.',
  remediation: {
    text: 'Use VpcEndpointType Interface and PrivateDnsEnabled true for every Bedrock endpoint.',
    cloudformation:
      'BedrockRuntimeEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    ServiceName: !Sub com.amazonaws.${AWS::Region}.bedrock-runtime\n    VpcEndpointType: Interface\n    PrivateDnsEnabled: true\n    VpcId: !Ref Vpc\n    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n    SecurityGroupIds: [!Ref EndpointSg]',
    terraform:
      'resource "aws_vpc_endpoint" "bedrock_runtime" {\n  vpc_id              = aws_vpc.main.id\n  service_name        = "com.amazonaws.${var.region}.bedrock-runtime"\n  vpc_endpoint_type   = "Interface"\n  private_dns_enabled = true\n  subnet_ids          = aws_subnet.private[*].id\n  security_group_ids  = [aws_security_group.endpoints.id]\n}',
  },
  controls: ['bedrock-private-connectivity'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const service = endpointBedrockService(resource);
    if (service === undefined) return notApplicable(`${resource.address} is not a Bedrock endpoint`);
    if (typeof service === 'object')
      return unknown(`${resource.address}: service name cannot be decided statically: ${service.unknown}`);
    const problem = endpointProblem(resource);
    if (problem === undefined)
      return pass(`${resource.address} is a private interface endpoint for ${service}`);
    if (typeof problem === 'object') return unknown(`${resource.address}: ${problem.unknown}`);
    return fail(problem);
  },
};
