import { fail, pass, type ResourceRule } from '../types.js';

const LOGGING_TYPES = ['AWS::WAFv2::LoggingConfiguration', 'aws_wafv2_web_acl_logging_configuration'];

export const wafv2WebAclLogging: ResourceRule = {
  kind: 'resource',
  id: 'wafv2_web_acl_logging',
  title: 'WAFv2 web ACLs have logging configured',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::WAFv2::WebACL'], terraform: ['aws_wafv2_web_acl'] },
  rationale:
    'WAF logs show which requests to the model API were blocked or counted and why. Without them you cannot tune rules, spot an attack campaign against the inference endpoint or show that the protection works.',
  remediation: {
    text: 'Add a logging configuration that sends the web ACL logs to CloudWatch Logs, S3 or Firehose (log group names must start with aws-waf-logs-).',
    cloudformation: `WebAclLogging:
  Type: AWS::WAFv2::LoggingConfiguration
  Properties:
    ResourceArn: !GetAtt WebAcl.Arn
    LogDestinationConfigs: [!GetAtt WafLogGroup.Arn]`,
    terraform: `resource "aws_wafv2_web_acl_logging_configuration" "main" {
  resource_arn            = aws_wafv2_web_acl.main.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}`,
  },
  controls: ['waf-on-ai-endpoints', 'guardrail-interventions-monitored'],
  equivalents: {
    checkov: [],
    prowler: ['wafv2_webacl_logging_enabled'],
    securityhub: ['WAF.11'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const logging = ctx.graph.referrers(resource).find((r) => LOGGING_TYPES.includes(r.type));
    if (logging) return pass(`${resource.address}: logs through ${logging.address}`);
    return fail(`${resource.address}: no logging configuration references this web ACL`);
  },
};
