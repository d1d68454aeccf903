import { isUnknown } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import {
  and,
  hasRestrictingCondition,
  hasPublicPrincipal,
  isAllow,
  judgeStatements,
  or,
  readPolicyDocument,
  verdictOutcome,
  type PolicyStatement,
  type Tri,
} from './policy-document.js';

/** A federated (OIDC/SAML) principal: without conditions on audience and subject, any identity of that provider can assume the role. */
function trustsFederatedPrincipal(statement: PolicyStatement): Tri {
  let undecided: Tri = false;
  for (const p of statement.principals) {
    if (p.type !== 'Federated') continue;
    if (isUnknown(p.id)) undecided = p.id;
    else return true;
  }
  return undecided;
}

export const iamRoleTrustNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'iam_role_trust_not_public',
  title:
    'IAM role trust policies do not let everyone, or any identity of a federated provider, assume the role without conditions',
  severity: 'critical',
  resourceTypes: { cloudformation: ['AWS::IAM::Role'], terraform: ['aws_iam_role'] },
  rationale:
    'A trust policy with Principal "*" (or AWS "*") lets any AWS account assume the role. A federated principal (for example GitHub or Cognito OIDC) without conditions on audience and subject lets any user or repository of that provider in. Either hands the role, often a training or deployment role with data access, to strangers.',
  remediation: {
    text: 'Trust named accounts, roles or services, and add conditions (sts:ExternalId for third parties; token.actions.githubusercontent.com:sub and :aud for GitHub OIDC).',
    cloudformation: `AssumeRolePolicyDocument:
  Statement:
    - Effect: Allow
      Principal:
        Federated: !Ref GitHubOidcProvider
      Action: sts:AssumeRoleWithWebIdentity
      Condition:
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
        StringLike:
          token.actions.githubusercontent.com:sub: repo:my-org/my-repo:ref:refs/heads/main`,
    terraform: `statement {
  actions = ["sts:AssumeRole"]
  principals {
    type        = "Service"
    identifiers = ["sagemaker.amazonaws.com"]
  }
  condition {
    test     = "StringEquals"
    variable = "aws:SourceAccount"
    values   = [data.aws_caller_identity.current.account_id]
  }
}`,
  },
  controls: ['cross-account-model-sharing-controlled', 'ai-roles-least-privilege'],
  equivalents: { checkov: ['CKV_AWS_60', 'CKV_AWS_61'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const document = readPolicyDocument(
      resource.properties['AssumeRolePolicyDocument'] ?? resource.properties['assume_role_policy'],
      ctx.graph,
    );
    if (document === undefined)
      return notApplicable(`${resource.address}: has no trust policy in the scanned code`);
    const verdict = judgeStatements([{ where: 'trust policy', statements: document }], (s) =>
      and(isAllow(s), !hasRestrictingCondition(s), or(hasPublicPrincipal(s), trustsFederatedPrincipal(s))),
    );
    return verdictOutcome(resource, verdict, {
      fail: 'lets everyone or any federated identity assume the role without conditions',
      pass: 'trusts named principals or constrains them with conditions',
    });
  },
};
