import { isUnknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { attachedAwsManaged, POLICY_ATTACHMENT_TYPES } from './managed-policies.js';
import {
  and,
  appliesToAllResources,
  identityPolicies,
  IDENTITY_POLICY_TYPES,
  isAllow,
  judgeStatements,
  type PolicyStatement,
  type Tri,
} from './policy-document.js';

function grantsEverything(statement: PolicyStatement): Tri {
  let undecided: Tri = false;
  for (const action of statement.actions) {
    if (isUnknown(action)) undecided = action;
    else if (action === '*' || action === '*:*') return true;
  }
  return undecided;
}

export const iamPolicyNoAdministratorAccess: ResourceRule = {
  kind: 'resource',
  id: 'iam_policy_no_administrator_access',
  title: 'IAM policies do not grant administrator access ("*" on "*" or AdministratorAccess)',
  severity: 'critical',
  resourceTypes: {
    cloudformation: IDENTITY_POLICY_TYPES.cloudformation,
    terraform: [...IDENTITY_POLICY_TYPES.terraform, ...POLICY_ATTACHMENT_TYPES],
  },
  rationale:
    'An administrator policy on a workload role turns any flaw in the application, a notebook or an agent tool into full control of the account: disable CloudTrail and guardrails, read every dataset, exfiltrate models. AI workloads should never run with it.',
  remediation: {
    text: 'Replace the statement or the AdministratorAccess attachment with the actions and resources the workload needs; use IAM Access Analyzer policy generation from CloudTrail activity to find them.',
    cloudformation: `ManagedPolicyArns: []
Policies:
  - PolicyName: invoke-model
    PolicyDocument:
      Statement:
        - Effect: Allow
          Action: bedrock:InvokeModel
          Resource: !Ref ModelArn`,
    terraform: `statement {
  actions   = ["bedrock:InvokeModel"]
  resources = [var.model_arn]
}`,
  },
  controls: ['no-full-access-managed-policies', 'ai-roles-least-privilege'],
  equivalents: {
    checkov: ['CKV_AWS_62'],
    prowler: [
      'iam_inline_policy_no_administrative_privileges',
      'iam_customer_attached_policy_no_administrative_privileges',
      'iam_aws_attached_policy_no_administrative_privileges',
      'iam_role_administratoraccess_policy',
      'iam_user_administrator_access_policy',
      'iam_group_administrator_access_policy',
    ],
    securityhub: ['IAM.1'],
    cdknag: [
      'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess',
      'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess',
    ],
  },
  evaluate(resource, ctx) {
    const managed = attachedAwsManaged(resource, ['AdministratorAccess']);
    if (managed.found.length > 0) return fail(`${resource.address}: attaches AdministratorAccess`);
    if (POLICY_ATTACHMENT_TYPES.includes(resource.type)) {
      if (managed.undecided)
        return unknown(`${resource.address}: cannot be decided statically: ${managed.undecided.reason}`);
      return pass(`${resource.address}: does not attach AdministratorAccess`);
    }
    const policies = identityPolicies(resource, ctx.graph);
    if (policies === 'used-elsewhere')
      return notApplicable(`${resource.address}: judged where the document is used`);
    if (policies.length === 0 && !managed.undecided)
      return notApplicable(`${resource.address}: holds no policy document`);
    const verdict = judgeStatements(policies, (s) =>
      and(isAllow(s), grantsEverything(s), appliesToAllResources(s)),
    );
    if (verdict.offending.length > 0)
      return fail(`${resource.address}: allows "*" on "*" (${verdict.offending.join(', ')})`);
    const undecided = verdict.undecided ?? managed.undecided;
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return pass(`${resource.address}: grants no administrator access`);
  },
};
