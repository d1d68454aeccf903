import { isUnknown, type Unknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import {
  SECURITY_GROUP_TYPES,
  STANDALONE_INGRESS_TYPES,
  type IngressPermission,
  describePorts,
  ingressPermissions,
  isIcmp,
  isWebOnly,
  opensToWorld,
  standalonePermission,
} from './security-group-ingress.js';

export const ec2SecurityGroupNoPublicIngress: ResourceRule = {
  kind: 'resource',
  id: 'ec2_security_group_no_public_ingress',
  title: 'Security groups admit the internet (0.0.0.0/0, ::/0) on no port other than 80 and 443',
  severity: 'high',
  resourceTypes: {
    cloudformation: [...SECURITY_GROUP_TYPES.cloudformation, ...STANDALONE_INGRESS_TYPES.cloudformation],
    terraform: [...SECURITY_GROUP_TYPES.terraform, ...STANDALONE_INGRESS_TYPES.terraform],
  },
  rationale:
    'SSH, RDP, database, notebook (8888) and model-server ports (8080, 8501, 7860) reachable from the internet are scanned within minutes of exposure. Only web ports of a public load balancer belong open to the world; everything else should be reached through a load balancer, VPN or Session Manager.',
  remediation: {
    text: 'Restrict the source to known CIDRs or security groups, or reach the host through Systems Manager Session Manager or a load balancer.',
    cloudformation: `SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    SourceSecurityGroupId: !Ref LoadBalancerSecurityGroup`,
    terraform: `ingress {
  from_port       = 443
  to_port         = 443
  protocol        = "tcp"
  security_groups = [aws_security_group.alb.id]
}`,
  },
  controls: ['security-groups-least-privilege'],
  equivalents: {
    checkov: [],
    prowler: [
      'ec2_securitygroup_allow_ingress_from_internet_to_any_port',
      'ec2_securitygroup_allow_ingress_from_internet_to_all_ports',
      'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22',
      'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389',
      'ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports',
    ],
    securityhub: ['EC2.18', 'EC2.19', 'EC2.13', 'EC2.14'],
    cdknag: ['AwsSolutions-EC23'],
  },
  evaluate(resource, ctx) {
    let permissions: IngressPermission[];
    if (
      STANDALONE_INGRESS_TYPES.cloudformation.includes(resource.type) ||
      STANDALONE_INGRESS_TYPES.terraform.includes(resource.type)
    ) {
      const { permission, group } = standalonePermission(resource, ctx.graph);
      if (group) return notApplicable(`${resource.address}: judged with its security group ${group.address}`);
      if (!permission) return notApplicable(`${resource.address}: not an ingress rule`);
      permissions = [permission];
    } else permissions = ingressPermissions(resource, ctx.graph);
    const exposed: string[] = [];
    let undecided: Unknown | undefined;
    for (const permission of permissions) {
      if (isIcmp(permission)) continue;
      const world = opensToWorld(permission);
      if (world === false) continue;
      const web = isWebOnly(permission);
      if (web === true) continue;
      if (isUnknown(world)) undecided ??= world;
      else if (isUnknown(web)) undecided ??= web;
      else exposed.push(`${describePorts(permission)} in ${permission.origin}`);
    }
    if (exposed.length > 0) return fail(`${resource.address}: open to the internet on ${exposed.join(', ')}`);
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return pass(`${resource.address}: no ingress from the internet beyond tcp/80 and tcp/443`);
  },
};
