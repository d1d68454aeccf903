import { isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

const FLOW_LOG_TYPES = ['AWS::EC2::FlowLog', 'aws_flow_log'];

export const ec2VpcFlowLogsEnabled: ResourceRule = {
  kind: 'resource',
  id: 'ec2_vpc_flow_logs_enabled',
  title: 'VPCs record flow logs',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::EC2::VPC'], terraform: ['aws_vpc'] },
  rationale:
    'Flow logs show which hosts talked to model endpoints, vector stores and the internet. They are the only network record when you investigate data exfiltration from a training or inference VPC.',
  remediation: {
    text: 'Add a flow log for the VPC that captures at least rejected traffic (ALL is better) to CloudWatch Logs or S3.',
    cloudformation: `VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceId: !Ref Vpc
    ResourceType: VPC
    TrafficType: ALL
    LogDestinationType: cloud-watch-logs
    LogGroupName: !Ref FlowLogGroup
    DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn`,
    terraform: `resource "aws_flow_log" "vpc" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = aws_iam_role.flow.arn
}`,
  },
  controls: ['vpc-flow-logs-enabled'],
  equivalents: {
    checkov: [],
    prowler: ['vpc_flow_logs_enabled'],
    securityhub: ['EC2.6'],
    cdknag: ['AwsSolutions-VPC7', 'NIST.800.53.R5-VPCFlowLogsEnabled', 'HIPAA.Security-VPCFlowLogsEnabled'],
  },
  evaluate(resource, ctx) {
    const logs = ctx.graph.referrers(resource).filter((r) => FLOW_LOG_TYPES.includes(r.type));
    if (logs[0])
      return pass(`${resource.address}: flow logs are recorded by ${logs.map((l) => l.address).join(', ')}`);
    const unresolved = ctx.graph
      .byType(...FLOW_LOG_TYPES)
      .find((l) => isUnknown(l.properties['ResourceId'] ?? l.properties['vpc_id']));
    if (unresolved)
      return unknown(
        `${resource.address}: ${unresolved.address} logs a VPC that cannot be resolved statically`,
      );
    return fail(`${resource.address}: no flow log records this VPC`);
  },
};
