import { isUnknown, type Unknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { inferencePathUsers } from './inference-path.js';
import {
  SECURITY_GROUP_TYPES,
  describePorts,
  ingressPermissions,
  opensToWorld,
} from './security-group-ingress.js';

export const ec2SecurityGroupInferencePathPrivate: ResourceRule = {
  kind: 'resource',
  id: 'ec2_security_group_inference_path_private',
  title:
    'Security groups on the inference path (models, notebooks, vector stores, AI endpoints, model-calling functions and the load balancers in front of them) admit no traffic from the internet',
  severity: 'critical',
  resourceTypes: SECURITY_GROUP_TYPES,
  rationale:
    'Model endpoints, notebooks, vector stores and the Lambda functions that call models should be reachable only from inside the VPC. A security group open to 0.0.0.0/0 on any port, even 443, lets anyone reach them directly, around the authentication, WAF and guardrails of the front door.',
  remediation: {
    text: 'Admit only the security group of the caller (the load balancer, API or application tier) and keep the resource in private subnets.',
    cloudformation: `SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    SourceSecurityGroupId: !Ref AppSecurityGroup`,
    terraform: `resource "aws_vpc_security_group_ingress_rule" "from_app" {
  security_group_id            = aws_security_group.inference.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
}`,
  },
  controls: [
    'no-open-ingress-on-inference-path',
    'vector-store-not-public',
    'security-groups-least-privilege',
  ],
  equivalents: {
    checkov: [],
    prowler: ['ec2_securitygroup_allow_ingress_from_internet_to_any_port'],
    securityhub: ['EC2.18'],
    cdknag: ['AwsSolutions-EC23'],
  },
  evaluate(resource, ctx) {
    const users = inferencePathUsers(resource, ctx.graph);
    if (users.length === 0)
      return notApplicable(`${resource.address}: not attached to a scanned inference-path resource`);
    const by = users.map((u) => u.address).join(', ');
    const exposed: string[] = [];
    let undecided: Unknown | undefined;
    for (const permission of ingressPermissions(resource, ctx.graph)) {
      const world = opensToWorld(permission);
      if (world === true) exposed.push(`${describePorts(permission)} in ${permission.origin}`);
      else if (isUnknown(world)) undecided ??= world;
    }
    if (exposed.length > 0)
      return fail(`${resource.address}: protects ${by} yet is open to the internet on ${exposed.join(', ')}`);
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return pass(`${resource.address}: protects ${by} and admits no traffic from the internet`);
  },
};
