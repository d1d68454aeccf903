import { asArray, isUnknown, type Resource, type Unknown } from '../../resources/index.js';

/** Terraform resources that attach a managed policy ARN to a role, user or group. */
export const POLICY_ATTACHMENT_TYPES = [
  'aws_iam_role_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_policy_attachment',
  'aws_ssoadmin_managed_policy_attachment',
];

/** The managed policy ARNs a resource attaches: its own list (roles, users, groups) or an attachment's policy_arn. */
export function attachedPolicyArns(resource: Resource): Array<string | Unknown> {
  const raw = POLICY_ATTACHMENT_TYPES.includes(resource.type)
    ? (resource.properties['policy_arn'] ?? resource.properties['managed_policy_arn'])
    : (resource.properties['ManagedPolicyArns'] ?? resource.properties['managed_policy_arns']);
  if (isUnknown(raw)) return [raw];
  return asArray(raw).filter((v): v is string | Unknown => typeof v === 'string' || isUnknown(v));
}

/** The AWS managed policy names (`AdministratorAccess`) among the attached ARNs that are in `names`. */
export function attachedAwsManaged(
  resource: Resource,
  names: readonly string[],
): { found: string[]; undecided?: Unknown } {
  const found: string[] = [];
  let undecided: Unknown | undefined;
  for (const arn of attachedPolicyArns(resource)) {
    if (isUnknown(arn)) {
      undecided ??= arn;
      continue;
    }
    const match = /^arn:[^:]*:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn);
    if (match?.[1] && names.includes(match[1])) found.push(match[1]);
  }
  return undecided ? { found, undecided } : { found };
}
