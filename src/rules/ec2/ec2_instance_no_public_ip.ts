import { asArray, asBoolean, getPath, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const ec2InstanceNoPublicIp: ResourceRule = {
  kind: 'resource',
  id: 'ec2_instance_no_public_ip',
  title: 'EC2 instances and launch templates do not assign public IP addresses',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
    terraform: ['aws_instance', 'aws_launch_template'],
  },
  rationale:
    'Training and inference hosts with public addresses are one security group mistake away from exposing model servers, notebooks and SSH to the internet. Keep them in private subnets and reach them through load balancers, endpoints or Session Manager.',
  remediation: {
    text: 'Do not associate a public IP address; place the instance in a private subnet.',
    cloudformation: `NetworkInterfaces:
  - DeviceIndex: '0'
    AssociatePublicIpAddress: false
    SubnetId: !Ref PrivateSubnet`,
    terraform: `associate_public_ip_address = false
subnet_id                   = aws_subnet.private.id`,
  },
  controls: ['security-groups-least-privilege', 'egress-filtering-for-ai-workloads'],
  equivalents: {
    checkov: ['CKV_AWS_88'],
    prowler: ['ec2_instance_public_ip', 'ec2_launch_template_no_public_ip'],
    securityhub: ['EC2.9'],
    cdknag: [],
  },
  evaluate(resource) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const interfaces =
      resource.type === 'AWS::EC2::LaunchTemplate'
        ? prop(resource, { cloudformation: 'LaunchTemplateData.NetworkInterfaces' })
        : resource.type === 'aws_launch_template'
          ? prop(resource, { terraform: 'network_interfaces' })
          : prop(resource, { cloudformation: 'NetworkInterfaces' });
    const values: unknown[] = asArray(interfaces).map((ni) =>
      getPath(ni, cfn ? 'AssociatePublicIpAddress' : 'associate_public_ip_address'),
    );
    if (resource.type === 'aws_instance') values.push(resource.properties['associate_public_ip_address']);
    if (isUnknown(interfaces)) values.push(interfaces);
    for (const value of values) {
      const b = asBoolean(value);
      if (isUnknown(b)) return unknown(`${resource.address}: cannot be decided statically: ${b.reason}`);
      if (b === true) return fail(`${resource.address}: assigns a public IP address`);
    }
    // Without an explicit setting the subnet decides (MapPublicIpOnLaunch), which the subnet rules judge.
    return pass(`${resource.address}: does not request a public IP address`);
  },
};
