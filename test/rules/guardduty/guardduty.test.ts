import { guarddutyDetectorEnabled } from '../../../src/rules/guardduty/guardduty_detector_enabled.js';
import { guarddutyFindingsRoutedToResponder } from '../../../src/rules/guardduty/guardduty_findings_routed_to_responder.js';
import { guarddutyRuntimeMonitoringEnabled } from '../../../src/rules/guardduty/guardduty_runtime_monitoring_enabled.js';
import { guarddutyS3ProtectionEnabled } from '../../../src/rules/guardduty/guardduty_s3_protection_enabled.js';
import { cfn, ref, runRuleCases } from '../sagemaker/cases.js';

const D = 'AWS::GuardDuty::Detector.Detector';
const TD = 'aws_guardduty_detector.main';
const detector = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({ Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true, ...props } }, ...extra });
const tfDetector = (body: string, extra = '') => `resource "aws_guardduty_detector" "main" {
  ${body}
}
${extra}`;
const tfFeature = (
  name: string,
  status = 'ENABLED',
) => `resource "aws_guardduty_detector_feature" "${name.toLowerCase()}" {
  detector_id = aws_guardduty_detector.main.id
  name        = "${name}"
  status      = "${status}"
}`;
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(guarddutyDetectorEnabled, [
  { name: 'enabled', format: 'cloudformation', source: detector({}), expected: { [D]: 'pass' } },
  {
    name: 'suspended',
    format: 'cloudformation',
    source: detector({ Enable: false }),
    expected: { [D]: 'fail' },
  },
  {
    name: 'absent from the scanned code',
    format: 'cloudformation',
    source: noneCfn,
    expected: { 'AWS::S3::Bucket.Bucket': 'fail' },
    messageIncludes: 'no GuardDuty detector',
  },
  { name: 'empty template', format: 'cloudformation', source: cfn({}), expected: {} },
  { name: 'enabled by default', format: 'terraform', source: tfDetector(''), expected: { [TD]: 'pass' } },
  {
    name: 'suspended',
    format: 'terraform',
    source: tfDetector('enable = false'),
    expected: { [TD]: 'fail' },
  },
  {
    name: 'absent from the scanned code',
    format: 'terraform',
    source: noneTf,
    expected: { 'aws_s3_bucket.b': 'fail' },
  },
  { name: 'nothing scanned', format: 'terraform', source: 'variable "x" {}', expected: {} },
]);

runRuleCases(guarddutyS3ProtectionEnabled, [
  {
    name: 'S3_DATA_EVENTS feature',
    format: 'cloudformation',
    source: detector({ Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }] }),
    expected: { [D]: 'pass' },
  },
  {
    name: 'legacy S3Logs data source',
    format: 'cloudformation',
    source: detector({ DataSources: { S3Logs: { Enable: true } } }),
    expected: { [D]: 'pass' },
  },
  {
    name: 'feature disabled',
    format: 'cloudformation',
    source: detector({ Features: [{ Name: 'S3_DATA_EVENTS', Status: 'DISABLED' }] }),
    expected: { [D]: 'fail' },
  },
  { name: 'no detector', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'feature resource',
    format: 'terraform',
    source: tfDetector('', tfFeature('S3_DATA_EVENTS')),
    expected: { [TD]: 'pass' },
  },
  { name: 'nothing enabled', format: 'terraform', source: tfDetector(''), expected: { [TD]: 'fail' } },
  { name: 'no detector', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(guarddutyRuntimeMonitoringEnabled, [
  {
    name: 'RUNTIME_MONITORING',
    format: 'cloudformation',
    source: detector({ Features: [{ Name: 'RUNTIME_MONITORING', Status: 'ENABLED' }] }),
    expected: { [D]: 'pass' },
  },
  {
    name: 'S3 only',
    format: 'cloudformation',
    source: detector({ Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }] }),
    expected: { [D]: 'fail' },
  },
  { name: 'no detector', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'EKS runtime monitoring',
    format: 'terraform',
    source: tfDetector('', tfFeature('EKS_RUNTIME_MONITORING')),
    expected: { [TD]: 'pass' },
  },
  {
    name: 'disabled',
    format: 'terraform',
    source: tfDetector('', tfFeature('RUNTIME_MONITORING', 'DISABLED')),
    expected: { [TD]: 'fail' },
  },
  { name: 'no detector', format: 'terraform', source: noneTf, expected: {} },
]);

const rule = (source: string, targets: unknown[]) => ({
  Type: 'AWS::Events::Rule',
  Properties: { EventPattern: { source: [source], 'detail-type': ['finding'] }, Targets: targets },
});
runRuleCases(guarddutyFindingsRoutedToResponder, [
  {
    name: 'GuardDuty findings to SNS',
    format: 'cloudformation',
    source: detector(
      {},
      {
        Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
        Route: rule('aws.guardduty', [{ Id: 't', Arn: ref('Topic') }]),
      },
    ),
    expected: { [D]: 'pass' },
  },
  {
    name: 'rule for Security Hub only',
    format: 'cloudformation',
    source: detector(
      {},
      {
        Hub: { Type: 'AWS::SecurityHub::Hub', Properties: {} },
        Route: rule('aws.securityhub', [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:1:sec' }]),
      },
    ),
    expected: { [D]: 'fail', 'AWS::SecurityHub::Hub.Hub': 'pass' },
  },
  {
    name: 'rule without targets',
    format: 'cloudformation',
    source: detector({}, { Route: rule('aws.guardduty', []) }),
    expected: { [D]: 'fail' },
  },
  { name: 'no detector or hub', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'event rule with a Lambda target',
    format: 'terraform',
    source: tfDetector(
      '',
      `resource "aws_lambda_function" "responder" {
  function_name = "responder"
}
resource "aws_cloudwatch_event_rule" "gd" {
  event_pattern = jsonencode({ source = ["aws.guardduty"] })
}
resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.gd.name
  arn  = aws_lambda_function.responder.arn
}`,
    ),
    expected: { [TD]: 'pass' },
  },
  { name: 'no routing rule', format: 'terraform', source: tfDetector(''), expected: { [TD]: 'fail' } },
  { name: 'no detector or hub', format: 'terraform', source: noneTf, expected: {} },
]);
