import { prop } from '../../resources/access.js';
import { isUnknown, type Resource } from '../../resources/types.js';
import { asText, effectiveBoolean } from '../sagemaker/shared.js';

/** Interface VPC endpoints for Bedrock, read from either dialect. */

export const VPC_ENDPOINT_TYPES = {
  cloudformation: ['AWS::EC2::VPCEndpoint'],
  terraform: ['aws_vpc_endpoint'],
};
export const VPC_TYPES = ['AWS::EC2::VPC', 'aws_vpc'];

export const BEDROCK_ENDPOINT_SERVICES = [
  'bedrock-runtime',
  'bedrock-agent-runtime',
  'bedrock',
  'bedrock-agent',
];

/** The Bedrock service an endpoint is for (`bedrock-runtime`), undefined for others, Unknown when unresolved. */
export function endpointBedrockService(endpoint: Resource): string | undefined | { unknown: string } {
  const name = asText(prop(endpoint, { cloudformation: 'ServiceName', terraform: 'service_name' }));
  if (isUnknown(name)) return { unknown: name.reason };
  if (name === undefined) return undefined;
  const last = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return BEDROCK_ENDPOINT_SERVICES.includes(last) && name.includes('.') ? last : undefined;
}

export type EndpointProblem = string | undefined | { unknown: string };

/** Why an endpoint does not give private, name-transparent access (undefined when it does). */
export function endpointProblem(endpoint: Resource): EndpointProblem {
  const type = asText(prop(endpoint, { cloudformation: 'VpcEndpointType', terraform: 'vpc_endpoint_type' }));
  if (isUnknown(type)) return { unknown: `endpoint type: ${type.reason}` };
  if ((type ?? 'Gateway') !== 'Interface')
    return `${endpoint.address} is a ${type ?? 'Gateway (default)'} endpoint, not Interface`;
  const dns = effectiveBoolean(
    endpoint,
    { cloudformation: 'PrivateDnsEnabled', terraform: 'private_dns_enabled' },
    false,
  );
  if (isUnknown(dns)) return { unknown: `private DNS: ${dns.reason}` };
  if (!dns)
    return `${endpoint.address} does not enable private DNS, so SDK calls still resolve to the public endpoint`;
  return undefined;
}
