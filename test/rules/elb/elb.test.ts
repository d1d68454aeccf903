import { elbAlbDropsInvalidHeaders } from '../../../src/rules/elb/elb_alb_drops_invalid_headers.js';
import { elbAlbListenerHttps } from '../../../src/rules/elb/elb_alb_listener_https.js';
import { elbListenerTls12Policy } from '../../../src/rules/elb/elb_listener_tls12_policy.js';
import { elbLoadBalancerAccessLogging } from '../../../src/rules/elb/elb_load_balancer_access_logging.js';
import { cfn, runRuleCases } from '../sagemaker/cases.js';

const L = 'AWS::ElasticLoadBalancingV2::Listener.Listener';
const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer.Alb';
const listener = (props: Record<string, unknown>) =>
  cfn({
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: 'arn:lb', Port: 443, ...props },
    },
  });
const lb = (props: Record<string, unknown>) =>
  cfn({
    Alb: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Subnets: ['subnet-1', 'subnet-2'], ...props },
    },
  });
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';
const forward = [{ Type: 'forward', TargetGroupArn: 'arn:tg' }];

runRuleCases(elbAlbListenerHttps, [
  {
    name: 'HTTPS',
    format: 'cloudformation',
    source: listener({
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: 'arn:cert' }],
      DefaultActions: forward,
    }),
    expected: { [L]: 'pass' },
  },
  {
    name: 'HTTP redirecting to HTTPS',
    format: 'cloudformation',
    source: listener({
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    }),
    expected: { [L]: 'pass' },
  },
  {
    name: 'HTTP forwarding',
    format: 'cloudformation',
    source: listener({ Protocol: 'HTTP', Port: 80, DefaultActions: forward }),
    expected: { [L]: 'fail' },
  },
  {
    name: 'TCP on a network load balancer',
    format: 'cloudformation',
    source: listener({ Protocol: 'TCP', DefaultActions: forward }),
    expected: { [L]: 'not_applicable' },
  },
  {
    name: 'HTTPS',
    format: 'terraform',
    source:
      'resource "aws_lb_listener" "l" {\n load_balancer_arn = "arn:lb"\n port = 443\n protocol = "HTTPS"\n certificate_arn = "arn:cert"\n default_action {\n type = "forward"\n target_group_arn = "arn:tg"\n }\n}',
    expected: { 'aws_lb_listener.l': 'pass' },
  },
  {
    name: 'HTTP redirecting to HTTPS',
    format: 'terraform',
    source:
      'resource "aws_lb_listener" "l" {\n load_balancer_arn = "arn:lb"\n port = 80\n protocol = "HTTP"\n default_action {\n type = "redirect"\n redirect {\n port = "443"\n protocol = "HTTPS"\n status_code = "HTTP_301"\n }\n }\n}',
    expected: { 'aws_lb_listener.l': 'pass' },
  },
  {
    name: 'HTTP forwarding',
    format: 'terraform',
    source:
      'resource "aws_alb_listener" "l" {\n load_balancer_arn = "arn:lb"\n port = 80\n protocol = "HTTP"\n default_action {\n type = "forward"\n target_group_arn = "arn:tg"\n }\n}',
    expected: { 'aws_alb_listener.l': 'fail' },
  },
  { name: 'no listener', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(elbAlbDropsInvalidHeaders, [
  {
    name: 'attribute on',
    format: 'cloudformation',
    source: lb({
      LoadBalancerAttributes: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }],
    }),
    expected: { [LB]: 'pass' },
  },
  { name: 'attribute absent', format: 'cloudformation', source: lb({}), expected: { [LB]: 'fail' } },
  {
    name: 'network load balancer',
    format: 'cloudformation',
    source: lb({ Type: 'network' }),
    expected: { [LB]: 'not_applicable' },
  },
  {
    name: 'attribute on',
    format: 'terraform',
    source: 'resource "aws_lb" "alb" {\n drop_invalid_header_fields = true\n}',
    expected: { 'aws_lb.alb': 'pass' },
  },
  {
    name: 'attribute absent',
    format: 'terraform',
    source: 'resource "aws_lb" "alb" {\n internal = false\n}',
    expected: { 'aws_lb.alb': 'fail' },
  },
  {
    name: 'network load balancer',
    format: 'terraform',
    source: 'resource "aws_lb" "nlb" {\n load_balancer_type = "network"\n}',
    expected: { 'aws_lb.nlb': 'not_applicable' },
  },
  { name: 'no load balancer', format: 'cloudformation', source: noneCfn, expected: {} },
]);

runRuleCases(elbLoadBalancerAccessLogging, [
  {
    name: 'logs enabled',
    format: 'cloudformation',
    source: lb({
      LoadBalancerAttributes: [
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: 'logs' },
      ],
    }),
    expected: { [LB]: 'pass' },
  },
  { name: 'logs off', format: 'cloudformation', source: lb({}), expected: { [LB]: 'fail' } },
  { name: 'no load balancer', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'access_logs block',
    format: 'terraform',
    source: 'resource "aws_lb" "alb" {\n access_logs {\n bucket = "logs"\n enabled = true\n }\n}',
    expected: { 'aws_lb.alb': 'pass' },
  },
  {
    name: 'access_logs without enabled (defaults to false)',
    format: 'terraform',
    source: 'resource "aws_lb" "alb" {\n access_logs {\n bucket = "logs"\n }\n}',
    expected: { 'aws_lb.alb': 'fail' },
  },
  {
    name: 'access_logs disabled',
    format: 'terraform',
    source: 'resource "aws_lb" "alb" {\n access_logs {\n bucket = "logs"\n enabled = false\n }\n}',
    expected: { 'aws_lb.alb': 'fail' },
  },
  { name: 'no load balancer', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(elbListenerTls12Policy, [
  {
    name: 'TLS 1.3 policy',
    format: 'cloudformation',
    source: listener({
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: forward,
    }),
    expected: { [L]: 'pass' },
  },
  {
    name: '2016-08 policy',
    format: 'cloudformation',
    source: listener({ Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: forward }),
    expected: { [L]: 'fail' },
  },
  {
    name: 'no policy',
    format: 'cloudformation',
    source: listener({ Protocol: 'HTTPS', DefaultActions: forward }),
    expected: { [L]: 'fail' },
  },
  {
    name: 'plain HTTP',
    format: 'cloudformation',
    source: listener({ Protocol: 'HTTP', DefaultActions: forward }),
    expected: { [L]: 'not_applicable' },
  },
  {
    name: 'FS 1.2 policy',
    format: 'terraform',
    source:
      'resource "aws_lb_listener" "l" {\n protocol = "HTTPS"\n ssl_policy = "ELBSecurityPolicy-FS-1-2-Res-2020-10"\n}',
    expected: { 'aws_lb_listener.l': 'pass' },
  },
  {
    name: 'TLS 1.1 policy',
    format: 'terraform',
    source:
      'resource "aws_lb_listener" "l" {\n protocol = "HTTPS"\n ssl_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"\n}',
    expected: { 'aws_lb_listener.l': 'fail' },
  },
  {
    name: 'TCP',
    format: 'terraform',
    source: 'resource "aws_lb_listener" "l" {\n protocol = "TCP"\n}',
    expected: { 'aws_lb_listener.l': 'not_applicable' },
  },
]);
