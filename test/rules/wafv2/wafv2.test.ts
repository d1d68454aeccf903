import { wafv2EntrypointProtected } from '../../../src/rules/wafv2/wafv2_entrypoint_protected.js';
import { wafv2WebAclLogging } from '../../../src/rules/wafv2/wafv2_web_acl_logging.js';
import { wafv2WebAclManagedRuleSets } from '../../../src/rules/wafv2/wafv2_web_acl_managed_rule_sets.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const visibility = { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'm' };
const managedRule = (name: string) => ({
  Name: name,
  Priority: 1,
  OverrideAction: { None: {} },
  Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
  VisibilityConfig: visibility,
});
const acl = (rules: unknown[]) => ({
  Type: 'AWS::WAFv2::WebACL',
  Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: visibility, Rules: rules },
});
const W = 'AWS::WAFv2::WebACL.Acl';
const tfAcl = (rules: string) => `resource "aws_wafv2_web_acl" "acl" {
  name  = "inference"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    sampled_requests_enabled   = true
    cloudwatch_metrics_enabled = true
    metric_name                = "acl"
  }
${rules}
}`;
const tfManaged = (name: string) => `  rule {
    name     = "${name}"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "${name}"
      }
    }
    visibility_config {
      sampled_requests_enabled   = true
      cloudwatch_metrics_enabled = true
      metric_name                = "r"
    }
  }`;
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(wafv2WebAclManagedRuleSets, [
  {
    name: 'common rule set',
    format: 'cloudformation',
    source: cfn({ Acl: acl([managedRule('AWSManagedRulesCommonRuleSet')]) }),
    expected: { [W]: 'pass' },
  },
  {
    name: 'bot control',
    format: 'cloudformation',
    source: cfn({ Acl: acl([managedRule('AWSManagedRulesBotControlRuleSet')]) }),
    expected: { [W]: 'pass' },
  },
  {
    name: 'only the SQLi set',
    format: 'cloudformation',
    source: cfn({ Acl: acl([managedRule('AWSManagedRulesSQLiRuleSet')]) }),
    expected: { [W]: 'fail' },
  },
  { name: 'no rules', format: 'cloudformation', source: cfn({ Acl: acl([]) }), expected: { [W]: 'fail' } },
  { name: 'no web ACL', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'common rule set',
    format: 'terraform',
    source: tfAcl(tfManaged('AWSManagedRulesCommonRuleSet')),
    expected: { 'aws_wafv2_web_acl.acl': 'pass' },
  },
  { name: 'no rules', format: 'terraform', source: tfAcl(''), expected: { 'aws_wafv2_web_acl.acl': 'fail' } },
  { name: 'no web ACL', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(wafv2WebAclLogging, [
  {
    name: 'logging configuration',
    format: 'cloudformation',
    source: cfn({
      Acl: acl([]),
      Logs: {
        Type: 'AWS::WAFv2::LoggingConfiguration',
        Properties: {
          ResourceArn: getAtt('Acl', 'Arn'),
          LogDestinationConfigs: ['arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x'],
        },
      },
    }),
    expected: { [W]: 'pass' },
  },
  { name: 'no logging', format: 'cloudformation', source: cfn({ Acl: acl([]) }), expected: { [W]: 'fail' } },
  { name: 'no web ACL', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'logging configuration',
    format: 'terraform',
    source: `${tfAcl('')}
resource "aws_wafv2_web_acl_logging_configuration" "l" {
  resource_arn            = aws_wafv2_web_acl.acl.arn
  log_destination_configs = ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"]
}`,
    expected: { 'aws_wafv2_web_acl.acl': 'pass' },
  },
  {
    name: 'no logging',
    format: 'terraform',
    source: tfAcl(''),
    expected: { 'aws_wafv2_web_acl.acl': 'fail' },
  },
  { name: 'no web ACL', format: 'terraform', source: noneTf, expected: {} },
]);

const S = 'AWS::ApiGateway::Stage.Prod';
const stageTemplate = (association?: unknown) =>
  cfn({
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'inference' } },
    Prod: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: ref('Api'), StageName: 'prod', DeploymentId: 'd' },
    },
    Acl: acl([]),
    ...(association === undefined
      ? {}
      : {
          Assoc: {
            Type: 'AWS::WAFv2::WebACLAssociation',
            Properties: { ResourceArn: association, WebACLArn: getAtt('Acl', 'Arn') },
          },
        }),
  });
const albTemplate = (props: Record<string, unknown>, associated: boolean) =>
  cfn({
    Alb: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Subnets: ['s1', 's2'], ...props },
    },
    Acl: acl([]),
    ...(associated
      ? {
          Assoc: {
            Type: 'AWS::WAFv2::WebACLAssociation',
            Properties: { ResourceArn: ref('Alb'), WebACLArn: getAtt('Acl', 'Arn') },
          },
        }
      : {}),
  });
runRuleCases(wafv2EntrypointProtected, [
  {
    name: 'stage ARN built with Sub',
    format: 'cloudformation',
    source: stageTemplate({
      'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Prod}',
    }),
    expected: { [S]: 'pass' },
  },
  {
    name: 'stage without a web ACL',
    format: 'cloudformation',
    source: stageTemplate(),
    expected: { [S]: 'fail' },
  },
  {
    name: 'ALB associated',
    format: 'cloudformation',
    source: albTemplate({}, true),
    expected: { 'AWS::ElasticLoadBalancingV2::LoadBalancer.Alb': 'pass' },
  },
  {
    name: 'internet-facing ALB without a web ACL',
    format: 'cloudformation',
    source: albTemplate({}, false),
    expected: { 'AWS::ElasticLoadBalancingV2::LoadBalancer.Alb': 'fail' },
  },
  {
    name: 'internal ALB',
    format: 'cloudformation',
    source: albTemplate({ Scheme: 'internal' }, false),
    expected: { 'AWS::ElasticLoadBalancingV2::LoadBalancer.Alb': 'not_applicable' },
  },
  {
    name: 'stage associated by ARN reference',
    format: 'terraform',
    source: `resource "aws_api_gateway_rest_api" "api" {
  name = "inference"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  stage_name    = "prod"
  deployment_id = "d"
}
${tfAcl('')}
resource "aws_wafv2_web_acl_association" "a" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.acl.arn
}`,
    expected: { 'aws_api_gateway_stage.prod': 'pass' },
  },
  {
    name: 'ALB without a web ACL',
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
]);
