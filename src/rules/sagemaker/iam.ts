import { asArray } from '../../resources/access.js';
import { policiesOfRole, roleOf as resourceRoleOf, type NormalizedStatement } from '../../resources/iam.js';
import { isUnknown, Unknown, type Resource } from '../../resources/types.js';
import type { RuleContext } from '../types.js';

/**
 * Judges what an IAM role may do, as far as the scanned files show, on top of the shared
 * `policiesOfRole` join (inline policies, attached customer managed and AWS managed policies).
 */

/** AWS managed policies with administrator-level rights. */
const ADMIN_MANAGED_POLICIES = ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'];

/** The IAM role a `RoleArn`-like property designates, when it is in the scanned files. */
export function roleOf(ctx: RuleContext, value: unknown): Resource | undefined {
  return resourceRoleOf(value, ctx.graph);
}

/** The name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/AdministratorAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:[a-z-]+:iam::aws:policy\/(?:[A-Za-z0-9+=,.@_-]+\/)*([A-Za-z0-9+=,.@_-]+)$/.exec(arn.trim());
  return m?.[1];
}

/** Why one Allow statement is overly broad, or undefined; Unknown when its actions cannot be read. */
function broadStatement(statement: NormalizedStatement): string | undefined | Unknown {
  if (isUnknown(statement.Effect)) return statement.Effect;
  if (statement.Effect !== 'Allow') return undefined;
  if (statement.NotAction !== undefined) return 'allows NotAction (everything except a list)';
  const allResources = (statement.Resource ?? []).some((r) => r === '*');
  let undecided: Unknown | undefined;
  for (const action of statement.Action ?? []) {
    if (isUnknown(action)) {
      undecided ??= action;
      continue;
    }
    if (typeof action !== 'string') continue;
    if (action === '*' || action === '*:*') return 'allows "*"';
    if (allResources && /^[a-z0-9-]+:\*$/i.test(action)) return `allows "${action}" on "*"`;
  }
  return undecided;
}

/**
 * Problems with a role's permissions: Allow statements with "*" actions, "service:*" on every
 * resource or NotAction, and administrator-level AWS managed policies (plus `extraManaged`).
 * Unknown when nothing broad was found but some policy could not be read.
 */
export function rolePermissionProblems(
  role: Resource,
  ctx: RuleContext,
  extraManaged: string[] = [],
): string[] | Unknown {
  const managedNames = new Set([...ADMIN_MANAGED_POLICIES, ...extraManaged]);
  const problems: string[] = [];
  let unreadable: Unknown | undefined;
  for (const policy of policiesOfRole(role, ctx.graph)) {
    if (policy.kind === 'aws-managed') {
      const name = policy.arn ? awsManagedPolicyName(policy.arn) : undefined;
      if (name && managedNames.has(name)) problems.push(`AWS managed policy ${name} is attached`);
      continue;
    }
    const doc = policy.document;
    if (doc === undefined) continue;
    if (isUnknown(doc)) {
      unreadable ??= new Unknown(`${policy.name}: ${doc.reason}`);
      continue;
    }
    for (const statement of doc.Statement) {
      const verdict = broadStatement(statement);
      if (isUnknown(verdict)) unreadable ??= new Unknown(`${policy.name}: ${verdict.reason}`);
      else if (verdict) problems.push(`${policy.name} ${verdict}`);
    }
  }
  if (problems.length === 0 && unreadable) return unreadable;
  return problems;
}

/** Resource types that attach managed policies to identities, and where each keeps the ARNs. */
export const POLICY_ATTACHING_TYPES = {
  cloudformation: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  terraform: [
    'aws_iam_role',
    'aws_iam_role_policy_attachment',
    'aws_iam_policy_attachment',
    'aws_iam_user_policy_attachment',
    'aws_iam_group_policy_attachment',
    'aws_iam_role_policy_attachments_exclusive',
  ],
};

/** The policy ARNs a role, user, group or attachment resource attaches itself (not via other resources). */
export function ownPolicyArns(resource: Resource): unknown[] | Unknown {
  const value =
    resource.properties['ManagedPolicyArns'] ??
    resource.properties['managed_policy_arns'] ??
    resource.properties['policy_arns'] ??
    resource.properties['policy_arn'];
  if (isUnknown(value)) return value;
  return asArray(value);
}

/** Whether a resource attaches a given AWS managed policy: 'attached', 'not-attached', 'none' (attaches nothing), or Unknown. */
export function attachesAwsManagedPolicy(
  resource: Resource,
  policyName: string,
): 'attached' | 'not-attached' | 'none' | Unknown {
  const arns = ownPolicyArns(resource);
  if (isUnknown(arns)) return arns;
  if (arns.some((a) => typeof a === 'string' && awsManagedPolicyName(a) === policyName)) return 'attached';
  const undecided = arns.find(isUnknown);
  if (undecided) return undecided;
  return arns.length === 0 ? 'none' : 'not-attached';
}
