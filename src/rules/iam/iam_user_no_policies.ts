import {
  asArray,
  isResourceRef,
  isUnknown,
  type Resource,
  type ResourceGraph,
} from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type Outcome, type ResourceRule } from '../types.js';
import { describeValue } from '../cloudtrail/references.js';

/** Resources that give a user permissions, and the attributes that name the user. */
const USER_GRANTS: Record<string, string[]> = {
  'AWS::IAM::Policy': ['Users'],
  'AWS::IAM::ManagedPolicy': ['Users'],
  'AWS::IAM::UserPolicy': ['UserName'],
  aws_iam_user_policy: ['user'],
  aws_iam_user_policy_attachment: ['user'],
  aws_iam_policy_attachment: ['users'],
};

const USER_TYPES = ['AWS::IAM::User', 'aws_iam_user'];

/**
 * A policy or attachment that names users: judged on the user when the user is scanned, otherwise on
 * itself (the user lives in another stack or was created by hand).
 */
function judgeGrant(grant: Resource, graph: ResourceGraph): Outcome {
  const named = (USER_GRANTS[grant.type] ?? []).flatMap((f) => asArray(grant.properties[f]));
  if (named.some(isUnknown))
    return unknown(`${grant.address}: the users it names cannot be resolved statically`);
  if (named.length === 0) return notApplicable(`${grant.address}: attaches to no user`);
  const scanned = graph
    .byType(...USER_TYPES)
    .filter((u) => named.some((v) => (isResourceRef(v) ? v.address === u.address : v === names(u))));
  if (scanned.length === named.length)
    return notApplicable(`${grant.address}: judged on ${scanned.map((u) => u.address).join(', ')}`);
  return fail(
    `${grant.address}: attaches permissions directly to IAM users (${named.map((v) => describeValue(v)).join(', ')})`,
  );
}

function names(user: Resource): string | undefined {
  const name = user.properties['UserName'] ?? user.properties['name'];
  return typeof name === 'string' ? name : undefined;
}

export const iamUserNoPolicies: ResourceRule = {
  kind: 'resource',
  id: 'iam_user_no_policies',
  title: 'IAM users have no inline or attached policies (permissions go through roles or groups)',
  severity: 'low',
  resourceTypes: {
    cloudformation: ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::UserPolicy'],
    terraform: [
      'aws_iam_user',
      'aws_iam_user_policy',
      'aws_iam_user_policy_attachment',
      'aws_iam_policy_attachment',
    ],
  },
  rationale:
    'Permissions attached directly to users are hard to review and usually come with long-term access keys used from laptops and CI. AI workloads and people should get short-term credentials through roles (IAM Identity Center, OIDC federation); where users remain, manage their permissions through groups.',
  remediation: {
    text: 'Move the permissions to a role assumed through IAM Identity Center or OIDC federation, or at least to a group.',
    cloudformation: `DataScientists:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns: [!Ref DataScientistPolicy]`,
    terraform: `resource "aws_iam_group_policy_attachment" "data_scientists" {
  group      = aws_iam_group.data_scientists.name
  policy_arn = aws_iam_policy.data_scientist.arn
}`,
  },
  controls: ['short-term-credentials-only'],
  equivalents: {
    checkov: ['CKV_AWS_40'],
    prowler: ['iam_policy_attached_only_to_group_or_roles'],
    securityhub: ['IAM.2'],
    cdknag: ['NIST.800.53.R5-IAMUserNoPolicies', 'HIPAA.Security-IAMUserNoPolicies'],
  },
  evaluate(resource, ctx) {
    if (resource.type in USER_GRANTS) return judgeGrant(resource, ctx.graph);
    const grants: string[] = [];
    const inline = resource.properties['Policies'];
    if (asArray(inline).length > 0 || isUnknown(inline)) grants.push('inline Policies');
    const managed = resource.properties['ManagedPolicyArns'];
    if (asArray(managed).length > 0 || isUnknown(managed)) grants.push('ManagedPolicyArns');
    const userName = names(resource);
    for (const grant of ctx.graph.byType(...Object.keys(USER_GRANTS))) {
      const fields = USER_GRANTS[grant.type] ?? [];
      const named = fields.some((f) =>
        asArray(grant.properties[f]).some((v) =>
          isResourceRef(v) ? v.address === resource.address : userName !== undefined && v === userName,
        ),
      );
      if (named) grants.push(grant.address);
    }
    if (grants.length > 0)
      return fail(`${resource.address}: has permissions attached directly (${grants.join(', ')})`);
    return pass(`${resource.address}: has no policies of its own`);
  },
};
