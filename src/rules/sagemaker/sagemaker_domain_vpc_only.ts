import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

export const sagemakerDomainVpcOnly: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_domain_vpc_only',
  title: 'SageMaker domains send Studio traffic through the customer VPC only',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::SageMaker::Domain'], terraform: ['aws_sagemaker_domain'] },
  rationale:
    "With PublicInternetOnly (the default), Studio apps reach the internet through SageMaker's network, bypassing the VPC's security groups, endpoints and egress controls.",
  remediation: {
    text: 'Set AppNetworkAccessType to VpcOnly and provide VPC endpoints (or a NAT) for the services Studio needs.',
    cloudformation:
      'Domain:\n  Type: AWS::SageMaker::Domain\n  Properties:\n    AppNetworkAccessType: VpcOnly',
    terraform: 'resource "aws_sagemaker_domain" "studio" {\n  app_network_access_type = "VpcOnly"\n}',
  },
  controls: ['notebook-in-vpc', 'egress-filtering-for-ai-workloads'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const value = asText(
      prop(resource, { cloudformation: 'AppNetworkAccessType', terraform: 'app_network_access_type' }),
    );
    if (isUnknown(value))
      return unknown(
        `${resource.address}: network access type cannot be decided statically: ${value.reason}`,
      );
    if (value === undefined)
      return fail(
        `${resource.address} does not set the app network access type, which defaults to PublicInternetOnly`,
      );
    if (value.toLowerCase() === 'vpconly')
      return pass(`${resource.address} routes Studio traffic through the VPC only`);
    return fail(`${resource.address} has app network access type ${value}`);
  },
};
