import { asArray, getPath, isUnknown, type Unknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

const BASELINE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesBotControlRuleSet'];

export const wafv2WebAclManagedRuleSets: ResourceRule = {
  kind: 'resource',
  id: 'wafv2_web_acl_managed_rule_sets',
  title: 'WAFv2 web ACLs use the AWS managed common or bot control rule set',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::WAFv2::WebACL'], terraform: ['aws_wafv2_web_acl'] },
  rationale:
    'An empty or custom-only web ACL protects little. The AWS managed common rule set blocks the OWASP classes of bad requests and the bot control rule set stops scrapers and automated abuse that would drain model quota.',
  remediation: {
    text: 'Add the AWSManagedRulesCommonRuleSet (and AWSManagedRulesBotControlRuleSet for public inference APIs) as managed rule group statements.',
    cloudformation: `Rules:
  - Name: common
    Priority: 1
    OverrideAction: { None: {} }
    Statement:
      ManagedRuleGroupStatement:
        VendorName: AWS
        Name: AWSManagedRulesCommonRuleSet
    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }`,
    terraform: `rule {
  name     = "common"
  priority = 1
  override_action {
    none {}
  }
  statement {
    managed_rule_group_statement {
      vendor_name = "AWS"
      name        = "AWSManagedRulesCommonRuleSet"
    }
  }
  visibility_config {
    sampled_requests_enabled   = true
    cloudwatch_metrics_enabled = true
    metric_name                = "common"
  }
}`,
  },
  controls: ['waf-on-ai-endpoints'],
  equivalents: { checkov: [], prowler: ['wafv2_webacl_with_rules'], securityhub: ['WAF.10'], cdknag: [] },
  evaluate(resource) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const rules = resource.properties[cfn ? 'Rules' : 'rule'];
    if (isUnknown(rules))
      return unknown(`${resource.address}: cannot be decided statically: ${rules.reason}`);
    const used: string[] = [];
    let undecided: Unknown | undefined;
    for (const rule of asArray(rules)) {
      const name = getPath(
        rule,
        cfn ? 'Statement.ManagedRuleGroupStatement.Name' : 'statement.managed_rule_group_statement.name',
      );
      const vendor = getPath(
        rule,
        cfn
          ? 'Statement.ManagedRuleGroupStatement.VendorName'
          : 'statement.managed_rule_group_statement.vendor_name',
      );
      if (isUnknown(name)) undecided ??= name;
      else if (typeof name === 'string' && vendor === 'AWS' && BASELINE_GROUPS.includes(name))
        used.push(name);
    }
    if (used.length > 0) return pass(`${resource.address}: uses ${used.join(', ')}`);
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return fail(`${resource.address}: uses neither ${BASELINE_GROUPS.join(' nor ')}`);
  },
};
