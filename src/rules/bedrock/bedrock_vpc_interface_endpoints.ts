import { prop } from '../../resources/access.js';
import type { Resource } from '../../resources/types.js';
import { fail, pass, unknown, type GraphRule, type Outcome } from '../types.js';
import { follow } from '../sagemaker/shared.js';
import { endpointBedrockService, endpointProblem, VPC_ENDPOINT_TYPES, VPC_TYPES } from './endpoints.js';
import { agents, bedrockUsage, knowledgeBases } from './shared.js';

export const bedrockVpcInterfaceEndpoints: GraphRule = {
  kind: 'graph',
  id: 'bedrock_vpc_interface_endpoints',
  title:
    'VPCs of Bedrock workloads have private interface endpoints for bedrock-runtime (and bedrock-agent-runtime when agents or knowledge bases are used)',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::EC2::VPC', ...VPC_ENDPOINT_TYPES.cloudformation],
    terraform: ['aws_vpc', ...VPC_ENDPOINT_TYPES.terraform],
  },
  rationale:
    'Without interface endpoints, prompts and answers travel from the VPC to Bedrock over the internet path (NAT gateway), outside endpoint policies that can limit which models and accounts are reachable.',
  remediation: {
    text: 'Create Interface endpoints with private DNS for com.amazonaws.<region>.bedrock-runtime, and bedrock-agent-runtime for agents and knowledge bases.',
    cloudformation:
      'BedrockRuntimeEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    ServiceName: !Sub com.amazonaws.${AWS::Region}.bedrock-runtime\n    VpcEndpointType: Interface\n    PrivateDnsEnabled: true\n    VpcId: !Ref Vpc\n    SubnetIds: [!Ref PrivateSubnetA]\n    SecurityGroupIds: [!Ref EndpointSg]',
    terraform:
      'resource "aws_vpc_endpoint" "bedrock_runtime" {\n  vpc_id              = aws_vpc.main.id\n  service_name        = "com.amazonaws.${var.region}.bedrock-runtime"\n  vpc_endpoint_type   = "Interface"\n  private_dns_enabled = true\n}',
  },
  controls: ['bedrock-private-connectivity'],
  equivalents: { checkov: [], prowler: ['bedrock_vpc_endpoints_configured'], securityhub: [], cdknag: [] },
  evaluateGraph(ctx) {
    const vpcs = ctx.graph.byType(...VPC_TYPES);
    if (vpcs.length === 0 || bedrockUsage(ctx.graph).length === 0) return [];
    const required = ['bedrock-runtime'];
    if (agents(ctx.graph).length > 0 || knowledgeBases(ctx.graph).length > 0)
      required.push('bedrock-agent-runtime');
    const endpoints = ctx.graph.byType(...VPC_ENDPOINT_TYPES.cloudformation, ...VPC_ENDPOINT_TYPES.terraform);
    const vpcOf = (endpoint: Resource): Resource | undefined =>
      follow(ctx, prop(endpoint, { cloudformation: 'VpcId', terraform: 'vpc_id' }));
    return vpcs.map((vpc): Outcome & { resource: Resource } => {
      const missing: string[] = [];
      let undecided: string | undefined;
      for (const service of required) {
        const candidates = endpoints.filter((e) => {
          const target = vpcOf(e);
          return target === vpc || (target === undefined && vpcs.length === 1);
        });
        const forService = candidates.filter((e) => endpointBedrockService(e) === service);
        const unresolved = candidates.find((e) => typeof endpointBedrockService(e) === 'object');
        const good = forService.find((e) => endpointProblem(e) === undefined);
        if (good) continue;
        const problems = forService.map(endpointProblem);
        const firstText = problems.find((p): p is string => typeof p === 'string');
        const firstUnknown = problems.find((p): p is { unknown: string } => typeof p === 'object');
        if (firstUnknown) undecided ??= `${service} endpoint: ${firstUnknown.unknown}`;
        else if (unresolved && forService.length === 0)
          undecided ??= `${unresolved.address} has a service name that cannot be decided statically`;
        else missing.push(firstText ? `${service} (${firstText})` : service);
      }
      if (missing.length > 0)
        return {
          resource: vpc,
          ...fail(
            `${vpc.address} hosts a Bedrock workload but lacks private interface endpoints for ${missing.join(', ')}`,
          ),
        };
      if (undecided) return { resource: vpc, ...unknown(`${vpc.address}: ${undecided}`) };
      return {
        resource: vpc,
        ...pass(`${vpc.address} has private interface endpoints for ${required.join(' and ')}`),
      };
    });
  },
};
