import { ec2EbsEncryptionByDefault } from '../../../src/rules/ec2/ec2_ebs_encryption_by_default.js';
import { ec2EbsVolumeEncrypted } from '../../../src/rules/ec2/ec2_ebs_volume_encrypted.js';
import { ec2EbsVolumeEncryptedWithCmk } from '../../../src/rules/ec2/ec2_ebs_volume_encrypted_with_cmk.js';
import { ec2InstanceImdsv2Required } from '../../../src/rules/ec2/ec2_instance_imdsv2_required.js';
import { ec2InstanceNoPublicIp } from '../../../src/rules/ec2/ec2_instance_no_public_ip.js';
import { ec2LaunchTemplateImdsv2Required } from '../../../src/rules/ec2/ec2_launch_template_imdsv2_required.js';
import { ec2SecurityGroupInferencePathPrivate } from '../../../src/rules/ec2/ec2_security_group_inference_path_private.js';
import { ec2SecurityGroupNoPublicIngress } from '../../../src/rules/ec2/ec2_security_group_no_public_ingress.js';
import { ec2VpcFlowLogsEnabled } from '../../../src/rules/ec2/ec2_vpc_flow_logs_enabled.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const SG = 'AWS::EC2::SecurityGroup.Sg';
const TSG = 'aws_security_group.sg';
const ingress = (port: number | [number, number], cidr = '0.0.0.0/0', protocol = 'tcp') => ({
  IpProtocol: protocol,
  FromPort: Array.isArray(port) ? port[0] : port,
  ToPort: Array.isArray(port) ? port[1] : port,
  ...(cidr.includes(':') ? { CidrIpv6: cidr } : { CidrIp: cidr }),
});
const group = (
  rules: unknown[],
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Sg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'sg', SecurityGroupIngress: rules },
    },
    ...extra,
  });
const tfGroup = (rules: string, extra = '') => `resource "aws_security_group" "sg" {
  name = "sg"
${rules}
}
${extra}`;
const tfIngress = (from: number, to: number, cidr: string, protocol = 'tcp') => `  ingress {
    from_port   = ${from}
    to_port     = ${to}
    protocol    = "${protocol}"
    ${cidr.includes(':') ? 'ipv6_cidr_blocks' : 'cidr_blocks'} = ["${cidr}"]
  }`;
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const tfInvokeRole = (action: string) => `resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "model"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["${action}"], Resource = "*" }] })
  }
}`;
const noneTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(ec2SecurityGroupNoPublicIngress, [
  {
    name: 'HTTPS from the internet',
    format: 'cloudformation',
    source: group([ingress(443), ingress(80, '::/0')]),
    expected: { [SG]: 'pass' },
  },
  {
    name: 'SSH from the internet',
    format: 'cloudformation',
    source: group([ingress(22)]),
    expected: { [SG]: 'fail' },
    messageIncludes: 'tcp/22',
  },
  {
    name: 'all traffic over IPv6',
    format: 'cloudformation',
    source: group([ingress(0, '::/0', '-1')]),
    expected: { [SG]: 'fail' },
    messageIncludes: 'all ports',
  },
  {
    name: 'range covering 443 and more',
    format: 'cloudformation',
    source: group([ingress([80, 443])]),
    expected: { [SG]: 'fail' },
  },
  {
    name: 'SSH from a private range',
    format: 'cloudformation',
    source: group([ingress(22, '10.0.0.0/8')]),
    expected: { [SG]: 'pass' },
  },
  {
    name: 'separate ingress resource opens 8888',
    format: 'cloudformation',
    source: group([], {
      Rule: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: getAtt('Sg', 'GroupId'), ...ingress(8888) },
      },
    }),
    expected: { [SG]: 'fail', 'AWS::EC2::SecurityGroupIngress.Rule': 'not_applicable' },
  },
  {
    name: 'ingress resource for a group outside the scanned code',
    format: 'cloudformation',
    source: cfn({
      Rule: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-0123', ...ingress(22) } },
    }),
    expected: { 'AWS::EC2::SecurityGroupIngress.Rule': 'fail' },
  },
  { name: 'no group', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'HTTPS from the internet',
    format: 'terraform',
    source: tfGroup(tfIngress(443, 443, '0.0.0.0/0')),
    expected: { [TSG]: 'pass' },
  },
  {
    name: 'RDP from the internet',
    format: 'terraform',
    source: tfGroup(tfIngress(3389, 3389, '0.0.0.0/0')),
    expected: { [TSG]: 'fail' },
  },
  {
    name: 'aws_vpc_security_group_ingress_rule opens 5432',
    format: 'terraform',
    source: tfGroup(
      '',
      `resource "aws_vpc_security_group_ingress_rule" "db" {
  security_group_id = aws_security_group.sg.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
}`,
    ),
    expected: { [TSG]: 'fail', 'aws_vpc_security_group_ingress_rule.db': 'not_applicable' },
  },
  {
    name: 'aws_security_group_rule from a private range',
    format: 'terraform',
    source: tfGroup(
      '',
      `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.sg.id
  cidr_blocks       = ["10.0.0.0/16"]
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
}`,
    ),
    expected: { [TSG]: 'pass', 'aws_security_group_rule.r': 'not_applicable' },
  },
  {
    name: 'egress rule resource',
    format: 'terraform',
    source:
      'resource "aws_security_group_rule" "out" {\n type = "egress"\n security_group_id = "sg-0123"\n cidr_blocks = ["0.0.0.0/0"]\n protocol = "-1"\n from_port = 0\n to_port = 0\n}',
    expected: { 'aws_security_group_rule.out': 'not_applicable' },
  },
  { name: 'no group', format: 'terraform', source: noneTf, expected: {} },
]);

const notebook = {
  Type: 'AWS::SageMaker::NotebookInstance',
  Properties: {
    InstanceType: 'ml.t3.medium',
    RoleArn: 'arn:aws:iam::111122223333:role/nb',
    SubnetId: 'subnet-1',
    SecurityGroupIds: [ref('Sg')],
  },
};
runRuleCases(ec2SecurityGroupInferencePathPrivate, [
  {
    name: 'notebook group open on 443',
    format: 'cloudformation',
    source: group([ingress(443)], { Nb: notebook }),
    expected: { [SG]: 'fail' },
  },
  {
    name: 'notebook group from the VPC only',
    format: 'cloudformation',
    source: group([ingress(443, '10.0.0.0/16')], { Nb: notebook }),
    expected: { [SG]: 'pass' },
  },
  {
    name: 'bedrock-runtime interface endpoint group open to ::/0',
    format: 'cloudformation',
    source: group([ingress(443, '::/0')], {
      Endpoint: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: {
          ServiceName: 'com.amazonaws.us-east-1.bedrock-runtime',
          VpcEndpointType: 'Interface',
          VpcId: 'vpc-1',
          SecurityGroupIds: [ref('Sg')],
        },
      },
    }),
    expected: { [SG]: 'fail' },
  },
  {
    name: 'group not on an inference path',
    format: 'cloudformation',
    source: group([ingress(443)]),
    expected: { [SG]: 'not_applicable' },
  },
  {
    name: 'load balancer in front of a model-calling function, open on 443',
    format: 'cloudformation',
    source: group([ingress(443)], {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'],
        },
      },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: getAtt('Role', 'Arn'),
          Runtime: 'python3.12',
          Handler: 'a.h',
          Code: { ZipFile: 'x' },
        },
      },
      Alb: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { SecurityGroups: [ref('Sg')], Subnets: ['s1', 's2'] },
      },
      Tg: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: { TargetType: 'lambda', Targets: [{ Id: getAtt('Fn', 'Arn') }] },
      },
      Listener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: ref('Alb'),
          Protocol: 'HTTPS',
          Port: 443,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }],
        },
      },
    }),
    expected: { [SG]: 'fail' },
  },
  {
    name: 'group of a function that invokes models, open on 443',
    format: 'terraform',
    source: tfGroup(
      tfIngress(443, 443, '0.0.0.0/0'),
      `${tfInvokeRole('bedrock:InvokeModel')}
resource "aws_lambda_function" "f" {
  function_name = "invoke"
  role          = aws_iam_role.fn.arn
  vpc_config {
    subnet_ids         = ["subnet-1"]
    security_group_ids = [aws_security_group.sg.id]
  }
}`,
    ),
    expected: { [TSG]: 'fail' },
  },
  {
    name: 'group of a function that calls no model',
    format: 'terraform',
    source: tfGroup(
      tfIngress(443, 443, '0.0.0.0/0'),
      `${tfInvokeRole('s3:GetObject')}
resource "aws_lambda_function" "f" {
  function_name = "thumbnails"
  role          = aws_iam_role.fn.arn
  vpc_config {
    subnet_ids         = ["subnet-1"]
    security_group_ids = [aws_security_group.sg.id]
  }
}`,
    ),
    expected: { [TSG]: 'not_applicable' },
  },
  {
    name: 'load balancer in front of a model-calling function, open on 443',
    format: 'terraform',
    source: tfGroup(
      tfIngress(443, 443, '0.0.0.0/0'),
      `${tfInvokeRole('bedrock:Converse*')}
resource "aws_lambda_function" "f" {
  function_name = "chat"
  role          = aws_iam_role.fn.arn
}
resource "aws_lb" "api" {
  security_groups = [aws_security_group.sg.id]
}
resource "aws_lb_target_group" "fn" {
  target_type = "lambda"
}
resource "aws_lb_target_group_attachment" "fn" {
  target_group_arn = aws_lb_target_group.fn.arn
  target_id        = aws_lambda_function.f.arn
}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.api.arn
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.fn.arn
  }
}`,
    ),
    expected: { [TSG]: 'fail' },
  },
  {
    name: 'OpenSearch domain group from the VPC only',
    format: 'terraform',
    source: tfGroup(
      tfIngress(443, 443, '10.0.0.0/16'),
      `resource "aws_opensearch_domain" "vectors" {
  domain_name = "vectors"
  vpc_options {
    subnet_ids         = ["subnet-1"]
    security_group_ids = [aws_security_group.sg.id]
  }
}`,
    ),
    expected: { [TSG]: 'pass' },
  },
  {
    name: 'group not on an inference path',
    format: 'terraform',
    source: tfGroup(tfIngress(22, 22, '0.0.0.0/0')),
    expected: { [TSG]: 'not_applicable' },
  },
]);

const LT = 'AWS::EC2::LaunchTemplate.Lt';
const template = (options?: Record<string, unknown>) =>
  cfn({
    Lt: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: { InstanceType: 'g5.xlarge', ...(options ? { MetadataOptions: options } : {}) },
      },
    },
  });
runRuleCases(ec2LaunchTemplateImdsv2Required, [
  {
    name: 'tokens required',
    format: 'cloudformation',
    source: template({ HttpTokens: 'required' }),
    expected: { [LT]: 'pass' },
  },
  {
    name: 'endpoint disabled',
    format: 'cloudformation',
    source: template({ HttpEndpoint: 'disabled' }),
    expected: { [LT]: 'pass' },
  },
  {
    name: 'tokens optional',
    format: 'cloudformation',
    source: template({ HttpTokens: 'optional' }),
    expected: { [LT]: 'fail' },
  },
  { name: 'no metadata options', format: 'cloudformation', source: template(), expected: { [LT]: 'fail' } },
  { name: 'no template', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'tokens required',
    format: 'terraform',
    source: 'resource "aws_launch_template" "lt" {\n metadata_options {\n http_tokens = "required"\n }\n}',
    expected: { 'aws_launch_template.lt': 'pass' },
  },
  {
    name: 'no metadata options',
    format: 'terraform',
    source: 'resource "aws_launch_template" "lt" {\n instance_type = "g5.xlarge"\n}',
    expected: { 'aws_launch_template.lt': 'fail' },
  },
  { name: 'no template', format: 'terraform', source: noneTf, expected: {} },
]);

const I = 'AWS::EC2::Instance.Host';
runRuleCases(ec2InstanceImdsv2Required, [
  {
    name: 'launched from an IMDSv2 template',
    format: 'cloudformation',
    source: cfn({
      Lt: {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } },
      },
      Host: {
        Type: 'AWS::EC2::Instance',
        Properties: { ImageId: 'ami-1', LaunchTemplate: { LaunchTemplateId: ref('Lt'), Version: '1' } },
      },
    }),
    expected: { [I]: 'pass' },
  },
  {
    name: 'no metadata options',
    format: 'cloudformation',
    source: cfn({ Host: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1' } } }),
    expected: { [I]: 'fail' },
  },
  { name: 'no instance', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'tokens required',
    format: 'terraform',
    source:
      'resource "aws_instance" "host" {\n ami = "ami-1"\n metadata_options {\n http_tokens = "required"\n }\n}',
    expected: { 'aws_instance.host': 'pass' },
  },
  {
    name: 'tokens optional',
    format: 'terraform',
    source:
      'resource "aws_instance" "host" {\n ami = "ami-1"\n metadata_options {\n http_tokens = "optional"\n }\n}',
    expected: { 'aws_instance.host': 'fail' },
  },
  { name: 'no instance', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(ec2EbsVolumeEncrypted, [
  {
    name: 'encrypted',
    format: 'cloudformation',
    source: cfn({
      Vol: {
        Type: 'AWS::EC2::Volume',
        Properties: { AvailabilityZone: 'us-east-1a', Size: 100, Encrypted: true },
      },
    }),
    expected: { 'AWS::EC2::Volume.Vol': 'pass' },
  },
  {
    name: 'not encrypted',
    format: 'cloudformation',
    source: cfn({
      Vol: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'us-east-1a', Size: 100 } },
    }),
    expected: { 'AWS::EC2::Volume.Vol': 'fail' },
  },
  { name: 'no volume', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'encrypted',
    format: 'terraform',
    source:
      'resource "aws_ebs_volume" "v" {\n availability_zone = "us-east-1a"\n size = 100\n encrypted = true\n}',
    expected: { 'aws_ebs_volume.v': 'pass' },
  },
  {
    name: 'not encrypted',
    format: 'terraform',
    source: 'resource "aws_ebs_volume" "v" {\n availability_zone = "us-east-1a"\n size = 100\n}',
    expected: { 'aws_ebs_volume.v': 'fail' },
  },
  { name: 'no volume', format: 'terraform', source: noneTf, expected: {} },
]);

const V = 'AWS::EC2::VPC.Vpc';
runRuleCases(ec2VpcFlowLogsEnabled, [
  {
    name: 'flow log on the VPC',
    format: 'cloudformation',
    source: cfn({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Flow: {
        Type: 'AWS::EC2::FlowLog',
        Properties: {
          ResourceId: ref('Vpc'),
          ResourceType: 'VPC',
          TrafficType: 'ALL',
          LogDestinationType: 's3',
          LogDestination: 'arn:aws:s3:::logs',
        },
      },
    }),
    expected: { [V]: 'pass' },
  },
  {
    name: 'no flow log',
    format: 'cloudformation',
    source: cfn({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } }),
    expected: { [V]: 'fail' },
  },
  { name: 'no VPC', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'flow log on the VPC',
    format: 'terraform',
    source:
      'resource "aws_vpc" "main" {\n cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "f" {\n vpc_id = aws_vpc.main.id\n traffic_type = "ALL"\n log_destination = "arn:aws:s3:::logs"\n log_destination_type = "s3"\n}',
    expected: { 'aws_vpc.main': 'pass' },
  },
  {
    name: 'no flow log',
    format: 'terraform',
    source: 'resource "aws_vpc" "main" {\n cidr_block = "10.0.0.0/16"\n}',
    expected: { 'aws_vpc.main': 'fail' },
  },
  { name: 'no VPC', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(ec2InstanceNoPublicIp, [
  {
    name: 'private interface',
    format: 'cloudformation',
    source: cfn({
      Host: {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: 'ami-1',
          NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: false, SubnetId: 'subnet-1' }],
        },
      },
    }),
    expected: { [I]: 'pass' },
  },
  {
    name: 'public interface',
    format: 'cloudformation',
    source: cfn({
      Host: {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: 'ami-1',
          NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: 'true', SubnetId: 'subnet-1' }],
        },
      },
    }),
    expected: { [I]: 'fail' },
  },
  {
    name: 'launch template with a public interface',
    format: 'cloudformation',
    source: cfn({
      Lt: {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] },
        },
      },
    }),
    expected: { [LT]: 'fail' },
  },
  { name: 'no instance', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'public address',
    format: 'terraform',
    source: 'resource "aws_instance" "host" {\n ami = "ami-1"\n associate_public_ip_address = true\n}',
    expected: { 'aws_instance.host': 'fail' },
  },
  {
    name: 'no public address',
    format: 'terraform',
    source: 'resource "aws_instance" "host" {\n ami = "ami-1"\n associate_public_ip_address = false\n}',
    expected: { 'aws_instance.host': 'pass' },
  },
  { name: 'no instance', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(ec2EbsVolumeEncryptedWithCmk, [
  {
    name: 'key resource',
    format: 'cloudformation',
    source: cfn({
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Vol: {
        Type: 'AWS::EC2::Volume',
        Properties: { AvailabilityZone: 'a', Size: 1, Encrypted: true, KmsKeyId: ref('Key') },
      },
    }),
    expected: { 'AWS::EC2::Volume.Vol': 'pass' },
  },
  {
    name: 'default aws/ebs key',
    format: 'cloudformation',
    source: cfn({
      Vol: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'a', Size: 1, Encrypted: true } },
    }),
    expected: { 'AWS::EC2::Volume.Vol': 'fail' },
  },
  { name: 'no volume', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key resource',
    format: 'terraform',
    source:
      'resource "aws_kms_key" "k" {}\nresource "aws_ebs_volume" "v" {\n availability_zone = "a"\n size = 1\n encrypted = true\n kms_key_id = aws_kms_key.k.arn\n}',
    expected: { 'aws_ebs_volume.v': 'pass' },
  },
  {
    name: 'unencrypted',
    format: 'terraform',
    source: 'resource "aws_ebs_volume" "v" {\n availability_zone = "a"\n size = 1\n}',
    expected: { 'aws_ebs_volume.v': 'fail' },
  },
  { name: 'no volume', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(ec2EbsEncryptionByDefault, [
  {
    name: 'enabled by default',
    format: 'terraform',
    source: 'resource "aws_ebs_encryption_by_default" "e" {}',
    expected: { 'aws_ebs_encryption_by_default.e': 'pass' },
  },
  {
    name: 'turned off',
    format: 'terraform',
    source: 'resource "aws_ebs_encryption_by_default" "e" {\n enabled = false\n}',
    expected: { 'aws_ebs_encryption_by_default.e': 'fail' },
  },
  { name: 'not managed here', format: 'terraform', source: noneTf, expected: {} },
]);
