import { asArray, getPath } from '../../resources/access.js';
import { isResourceRef, isUnknown, Unknown, type Resource } from '../../resources/types.js';
import type { RuleContext } from '../types.js';
import { jsonValue } from './shared.js';

/**
 * Reads what an IAM role may do, as far as the scanned files show: its inline policies, the
 * customer managed policies attached to it (inside the role or through attachment resources), and
 * the AWS managed policy ARNs attached to it. Shared by the "role is not overly permissive" rules.
 */

const ROLE_TYPES = new Set(['AWS::IAM::Role', 'aws_iam_role']);

/** AWS managed policies that grant administrator-level or IAM-wide rights. */
const ADMIN_MANAGED_POLICIES = ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'];

export interface PolicySource {
  /** Where the document came from, for messages (`AWS::IAM::Policy.P`, `inline policy 0`). */
  origin: string;
  document: unknown;
}

export function roleOf(ctx: RuleContext, value: unknown): Resource | undefined {
  if (!isResourceRef(value)) return undefined;
  const target = ctx.graph.deref(value);
  return target && ROLE_TYPES.has(target.type) ? target : undefined;
}

/** The name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/AdministratorAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:[a-z-]+:iam::aws:policy\/(?:[A-Za-z0-9+=,.@_-]+\/)*([A-Za-z0-9+=,.@_-]+)$/.exec(arn.trim());
  return m?.[1];
}

/** Every policy ARN attached to a role: in the role itself and through attachment resources. */
export function attachedPolicyArns(role: Resource, ctx: RuleContext): unknown[] {
  const arns: unknown[] = [];
  const own = role.properties['ManagedPolicyArns'] ?? role.properties['managed_policy_arns'];
  if (isUnknown(own)) arns.push(own);
  else arns.push(...asArray(own));
  for (const ref of ctx.graph.referrers(role)) {
    if (ref.type === 'aws_iam_role_policy_attachment' || ref.type === 'aws_iam_policy_attachment') {
      arns.push(ref.properties['policy_arn']);
    } else if (ref.type === 'aws_iam_role_policy_attachments_exclusive') {
      arns.push(...asArray(ref.properties['policy_arns']));
    }
  }
  return arns;
}

/** Policy documents that grant the role permissions, with where each came from. */
export function rolePolicyDocuments(role: Resource, ctx: RuleContext): PolicySource[] {
  const docs: PolicySource[] = [];
  const inline = role.properties['Policies'] ?? role.properties['inline_policy'];
  asArray(inline).forEach((p, i) => {
    const doc = getPath(p, 'PolicyDocument') ?? getPath(p, 'policy');
    if (doc !== undefined) docs.push({ origin: `${role.address} inline policy ${i}`, document: resolveDocument(doc, ctx) });
  });
  for (const arn of attachedPolicyArns(role, ctx)) {
    const target = isResourceRef(arn) ? ctx.graph.deref(arn) : undefined;
    if (target) docs.push(...documentsOf(target, ctx));
  }
  for (const ref of ctx.graph.referrers(role)) {
    if (ref.type === 'AWS::IAM::Policy' || ref.type === 'AWS::IAM::ManagedPolicy' || ref.type === 'aws_iam_role_policy') {
      docs.push(...documentsOf(ref, ctx));
    }
  }
  return docs;
}

function documentsOf(policy: Resource, ctx: RuleContext): PolicySource[] {
  const doc = policy.properties['PolicyDocument'] ?? policy.properties['policy'];
  return doc === undefined ? [] : [{ origin: policy.address, document: resolveDocument(doc, ctx) }];
}

/** A policy document as JSON text, an object, or a reference to a `data.aws_iam_policy_document`. */
function resolveDocument(doc: unknown, ctx: RuleContext): unknown {
  if (isResourceRef(doc)) {
    const target = ctx.graph.deref(doc);
    if (target?.type === 'aws_iam_policy_document') return { Statement: statementsFromDataSource(target) };
    return new Unknown(`policy document ${doc.address} is not in the scanned files`);
  }
  return jsonValue(doc);
}

function statementsFromDataSource(source: Resource): unknown[] {
  return asArray(source.properties['statement']).map((s) => ({
    Effect: getPath(s, 'effect') ?? 'Allow',
    Action: getPath(s, 'actions'),
    NotAction: getPath(s, 'not_actions'),
    Resource: getPath(s, 'resources'),
  }));
}

function strings(value: unknown): Array<string | Unknown> {
  if (isUnknown(value)) return [value];
  return asArray(value).map((v) => (typeof v === 'string' ? v : isUnknown(v) ? v : new Unknown('non-string policy element')));
}

/**
 * Allow statements that grant everything, or every action of a service on every resource, or that use
 * NotAction. Returns Unknown when a document cannot be read and nothing broad was found elsewhere.
 */
export function broadGrants(sources: PolicySource[]): string[] | Unknown {
  const findings: string[] = [];
  let unreadable: Unknown | undefined;
  for (const { origin, document } of sources) {
    if (isUnknown(document)) {
      unreadable ??= new Unknown(`${origin}: ${document.reason}`);
      continue;
    }
    for (const statement of asArray(getPath(document, 'Statement'))) {
      const effect = getPath(statement, 'Effect');
      if (isUnknown(effect)) {
        unreadable ??= new Unknown(`${origin}: statement effect is unknown`);
        continue;
      }
      if (effect !== 'Allow') continue;
      if (getPath(statement, 'NotAction') !== undefined && getPath(statement, 'NotAction') !== null) {
        findings.push(`${origin} allows NotAction (everything except a list)`);
        continue;
      }
      const actions = strings(getPath(statement, 'Action'));
      const resources = strings(getPath(statement, 'Resource'));
      const allResources = resources.some((r) => r === '*');
      for (const action of actions) {
        if (isUnknown(action)) {
          unreadable ??= new Unknown(`${origin}: action is unknown`);
        } else if (action === '*' || action === '*:*') {
          findings.push(`${origin} allows "*"`);
        } else if (allResources && /^[a-z0-9-]+:\*$/i.test(action)) {
          findings.push(`${origin} allows "${action}" on "*"`);
        }
      }
    }
  }
  if (findings.length === 0 && unreadable) return unreadable;
  return findings;
}

/** AWS managed policies with administrator-level rights attached to the role. */
export function adminManagedPolicies(role: Resource, ctx: RuleContext, extra: string[] = []): string[] {
  const names = new Set([...ADMIN_MANAGED_POLICIES, ...extra]);
  const found: string[] = [];
  for (const arn of attachedPolicyArns(role, ctx)) {
    if (typeof arn !== 'string') continue;
    const name = awsManagedPolicyName(arn);
    if (name && names.has(name)) found.push(name);
  }
  return found;
}

/** The full judgement used by role rules: broad statements and admin-level managed policies. */
export function rolePermissionProblems(role: Resource, ctx: RuleContext, extraManaged: string[] = []): string[] | Unknown {
  const broad = broadGrants(rolePolicyDocuments(role, ctx));
  const managed = adminManagedPolicies(role, ctx, extraManaged).map((n) => `AWS managed policy ${n} is attached`);
  if (isUnknown(broad)) return managed.length > 0 ? managed : broad;
  return [...broad, ...managed];
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
export function attachesAwsManagedPolicy(resource: Resource, policyName: string): 'attached' | 'not-attached' | 'none' | Unknown {
  const arns = ownPolicyArns(resource);
  if (isUnknown(arns)) return arns;
  if (arns.some((a) => typeof a === 'string' && awsManagedPolicyName(a) === policyName)) return 'attached';
  const undecided = arns.find(isUnknown);
  if (undecided) return undecided;
  return arns.length === 0 ? 'none' : 'not-attached';
}
