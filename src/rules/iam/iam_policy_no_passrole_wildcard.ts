import { notApplicable, type ResourceRule } from '../types.js';
import {
  and,
  appliesToAllResources,
  grantsActionWhere,
  iamPatternMatches,
  identityPolicies,
  IDENTITY_POLICY_TYPES,
  isAllow,
  judgeStatements,
  verdictOutcome,
} from './policy-document.js';

export const iamPolicyNoPassroleWildcard: ResourceRule = {
  kind: 'resource',
  id: 'iam_policy_no_passrole_wildcard',
  title: 'IAM policies do not allow iam:PassRole on all roles',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale:
    'iam:PassRole on "*" lets a principal hand any role in the account, including administrator roles, to a SageMaker training job, notebook, Bedrock agent, Lambda function or Glue job it creates, and then act with that role: the classic privilege escalation path of ML platforms. A condition on iam:PassedToService narrows the service, not the role.',
  remediation: {
    text: 'List the execution role ARNs that may be passed, and add an iam:PassedToService condition.',
    cloudformation: `- Effect: Allow
  Action: iam:PassRole
  Resource: !GetAtt TrainingExecutionRole.Arn
  Condition:
    StringEquals:
      iam:PassedToService: sagemaker.amazonaws.com`,
    terraform: `statement {
  actions   = ["iam:PassRole"]
  resources = [aws_iam_role.training.arn]
  condition {
    test     = "StringEquals"
    variable = "iam:PassedToService"
    values   = ["sagemaker.amazonaws.com"]
  }
}`,
  },
  controls: ['no-passrole-on-wildcard'],
  equivalents: {
    checkov: [],
    prowler: ['iam_policy_allows_privilege_escalation', 'iam_inline_policy_allows_privilege_escalation'],
    securityhub: [],
    cdknag: ['AwsSolutions-IAM5'],
  },
  evaluate(resource, ctx) {
    const policies = identityPolicies(resource, ctx.graph);
    if (policies === 'used-elsewhere')
      return notApplicable(`${resource.address}: judged where the document is used`);
    if (policies.length === 0) return notApplicable(`${resource.address}: holds no policy document`);
    // "*" alone is the administrator rule's finding; here it is the explicit or service-wide PassRole grant.
    const passRole = (p: string): boolean => p !== '*' && p !== '*:*' && iamPatternMatches(p, 'iam:PassRole');
    const verdict = judgeStatements(policies, (s) =>
      and(
        isAllow(s),
        s.actions.length > 0 ? grantsActionWhere(s, passRole) : false,
        appliesToAllResources(s),
      ),
    );
    return verdictOutcome(resource, verdict, {
      fail: 'allows iam:PassRole on Resource "*"',
      pass: 'allows iam:PassRole only on named roles, if at all',
    });
  },
};
