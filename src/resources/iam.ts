import { isResourceRef, isUnknown, Unknown, type Resource, type ResourceGraph } from './types.js';

/** A policy statement with Action/Resource (and their Not forms) always arrays. Values keep ResourceRef/Unknown. */
export interface NormalizedStatement {
  Sid?: unknown;
  Effect: unknown;
  Action?: unknown[];
  NotAction?: unknown[];
  Resource?: unknown[];
  NotResource?: unknown[];
  Principal?: unknown;
  NotPrincipal?: unknown;
  Condition?: unknown;
}

export interface NormalizedPolicy {
  Version?: unknown;
  Statement: NormalizedStatement[];
}

const MAX_POLICY_JSON = 1_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isResourceRef(v);

const list = (v: unknown): unknown[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/**
 * Normalizes a policy document as templates write it: a CloudFormation object, a JSON string
 * (Terraform jsonencode/heredoc/aws_iam_policy_document), or an object with unknown parts.
 * undefined when there is no document; Unknown when it cannot be read.
 */
export function normalizePolicyDocument(doc: unknown): NormalizedPolicy | Unknown | undefined {
  if (doc === undefined || doc === null || doc === '') return undefined;
  if (isUnknown(doc)) return doc;
  if (isResourceRef(doc))
    return new Unknown(`policy document comes from ${doc.address}, known only after apply`);
  let value: unknown = doc;
  if (typeof doc === 'string') {
    if (doc.length > MAX_POLICY_JSON) return new Unknown('policy document too large');
    try {
      value = JSON.parse(doc);
    } catch {
      return new Unknown('policy document is not valid JSON');
    }
  }
  if (!isRecord(value)) return new Unknown('policy document is not an object');
  const statements = value['Statement'];
  if (isUnknown(statements)) return statements;
  const out: NormalizedStatement[] = [];
  for (const st of list(statements) ?? []) {
    if (!isRecord(st)) return new Unknown('policy statement cannot be read');
    const n: NormalizedStatement = { Effect: st['Effect'] };
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      const v = st[key];
      if (v !== undefined) n[key] = isUnknown(v) ? [v] : list(v);
    }
    for (const key of ['Sid', 'Principal', 'NotPrincipal', 'Condition'] as const)
      if (st[key] !== undefined) n[key] = st[key];
    out.push(n);
  }
  return { Version: value['Version'], Statement: out };
}

/** Whether `value` designates `target`: a ResourceRef to it, or its literal name/ARN (for name-based attachments). */
export function designatesResource(value: unknown, target: Resource, names: readonly unknown[]): boolean {
  if (isResourceRef(value)) return value.address === target.address;
  if (typeof value !== 'string') return false;
  return names.some((n) => typeof n === 'string' && n !== '' && (value === n || value.endsWith(`/${n}`)));
}

export interface RolePolicy {
  /** inline: in the role or a role-policy resource; customer-managed: a policy resource in the graph; aws-managed: an AWS managed policy ARN. */
  kind: 'inline' | 'customer-managed' | 'aws-managed' | 'unknown';
  /** Policy name, ARN, or the address of the resource holding it. */
  name: string;
  /** The resource the document was read from (the role itself for inline policies in it). */
  source: Resource;
  /** AWS managed policy ARN (statements are not known statically; rules judge these by ARN). */
  arn?: string;
  document: NormalizedPolicy | Unknown | undefined;
}

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\//;
const ROLE_POLICY_TYPES = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_iam_policy_attachment',
  'aws_iam_role_policy_attachments_exclusive',
];

function managedPolicy(value: unknown, role: Resource, graph: ResourceGraph): RolePolicy {
  if (typeof value === 'string') {
    return AWS_MANAGED.test(value)
      ? { kind: 'aws-managed', name: value, arn: value, source: role, document: undefined }
      : {
          kind: 'unknown',
          name: value,
          source: role,
          document: new Unknown(`managed policy ${value} is not in the scanned files`),
        };
  }
  const target = graph.deref(value);
  if (target) {
    const doc = target.properties['PolicyDocument'] ?? target.properties['policy'];
    return {
      kind: 'customer-managed',
      name: target.address,
      source: target,
      document: normalizePolicyDocument(doc),
    };
  }
  const reason = isUnknown(value) ? value : new Unknown('managed policy reference cannot be resolved');
  return { kind: 'unknown', name: String(value), source: role, document: reason };
}

const roleFieldsOf = (attachment: Resource): unknown[] => {
  const a = attachment.properties;
  return [a['Roles'], a['RoleName'], a['role'], a['roles']].flatMap((v) => list(v) ?? []);
};

/** Role-policy resources by the roles their role fields name, so a role's lookup does not scan them all. */
interface AttachmentIndex {
  byRefAddress: Map<string, Resource[]>;
  /** A literal role field under itself and under its last `/` segment (an ARN names the role there). */
  byName: Map<string, Resource[]>;
  /** Position in `byType(...ROLE_POLICY_TYPES)`, the order attachments found by name are reported in. */
  position: Map<Resource, number>;
}

const attachmentIndexes = new WeakMap<ResourceGraph, AttachmentIndex>();

function attachmentIndex(graph: ResourceGraph): AttachmentIndex {
  let index = attachmentIndexes.get(graph);
  if (index) return index;
  index = { byRefAddress: new Map(), byName: new Map(), position: new Map() };
  const add = (map: Map<string, Resource[]>, key: string, r: Resource): void => {
    const bucket = map.get(key);
    if (!bucket) map.set(key, [r]);
    else if (bucket[bucket.length - 1] !== r) bucket.push(r);
  };
  for (const attachment of graph.byType(...ROLE_POLICY_TYPES)) {
    if (index.position.has(attachment)) continue;
    index.position.set(attachment, index.position.size);
    for (const v of roleFieldsOf(attachment)) {
      if (isResourceRef(v)) add(index.byRefAddress, v.address, attachment);
      else if (typeof v === 'string') {
        add(index.byName, v, attachment);
        if (v.includes('/')) add(index.byName, lastSegment(v), attachment);
      }
    }
  }
  attachmentIndexes.set(graph, index);
  return index;
}

const lastSegment = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/** Role-policy resources whose role fields designate `role`: referrers first, in graph order, then the rest. */
function attachmentsOfRole(role: Resource, names: readonly unknown[], graph: ResourceGraph): Resource[] {
  const index = attachmentIndex(graph);
  // The index gives candidates; `designatesResource` decides, as it did when every attachment was tried.
  const matched = new Set<Resource>(index.byRefAddress.get(role.address) ?? []);
  for (const n of names) {
    if (typeof n !== 'string' || n === '') continue;
    for (const r of index.byName.get(n) ?? []) matched.add(r);
    if (n.includes('/')) for (const r of index.byName.get(lastSegment(n)) ?? []) matched.add(r);
  }
  for (const r of matched)
    if (!roleFieldsOf(r).some((v) => designatesResource(v, role, names))) matched.delete(r);
  if (matched.size === 0) return [];
  const out: Resource[] = [];
  for (const r of graph.referrers(role)) {
    if (matched.delete(r)) out.push(r);
  }
  out.push(...[...matched].sort((a, b) => index.position.get(a)! - index.position.get(b)!));
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.address) && seen.add(r.address));
}

/**
 * Every policy that applies to an IAM role, across the ways templates attach them: CloudFormation
 * `Policies` and `ManagedPolicyArns`, `AWS::IAM::Policy`/`ManagedPolicy` with `Roles`,
 * `AWS::IAM::RolePolicy`; Terraform `inline_policy` and `managed_policy_arns`, `aws_iam_role_policy`,
 * `aws_iam_role_policy_attachment`, `aws_iam_policy_attachment`. Documents are normalized.
 */
export function policiesOfRole(role: Resource, graph: ResourceGraph): RolePolicy[] {
  const out: RolePolicy[] = [];
  const p = role.properties;
  for (const inline of list(p['Policies']) ?? []) {
    if (!isRecord(inline)) continue;
    out.push({
      kind: 'inline',
      name: String(inline['PolicyName'] ?? 'inline'),
      source: role,
      document: normalizePolicyDocument(inline['PolicyDocument']),
    });
  }
  for (const inline of list(p['inline_policy']) ?? []) {
    if (!isRecord(inline)) continue;
    out.push({
      kind: 'inline',
      name: String(inline['name'] ?? 'inline'),
      source: role,
      document: normalizePolicyDocument(inline['policy']),
    });
  }
  const managed = p['ManagedPolicyArns'] ?? p['managed_policy_arns'];
  if (isUnknown(managed))
    out.push({ kind: 'unknown', name: 'managed policies', source: role, document: managed });
  else for (const arn of list(managed) ?? []) out.push(managedPolicy(arn, role, graph));

  const names = [p['RoleName'], p['name'], role.name];
  for (const attachment of attachmentsOfRole(role, names, graph)) {
    const a = attachment.properties;
    switch (attachment.type) {
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::RolePolicy':
      case 'aws_iam_role_policy':
        out.push({
          kind: 'inline',
          name: attachment.address,
          source: attachment,
          document: normalizePolicyDocument(a['PolicyDocument'] ?? a['policy']),
        });
        break;
      case 'AWS::IAM::ManagedPolicy':
        out.push({
          kind: 'customer-managed',
          name: attachment.address,
          source: attachment,
          document: normalizePolicyDocument(a['PolicyDocument']),
        });
        break;
      default:
        for (const arn of list(a['policy_arn'] ?? a['policy_arns']) ?? [])
          out.push(managedPolicy(arn, role, graph));
    }
  }
  return out;
}

/** The role a property designates (`RoleArn`, `role_arn`, `ExecutionRoleArn`...), when it is in the graph. */
export function roleOf(value: unknown, graph: ResourceGraph): Resource | undefined {
  const target = graph.deref(value);
  if (target) return target.type === 'AWS::IAM::Role' || target.type === 'aws_iam_role' ? target : undefined;
  if (typeof value !== 'string') return undefined;
  // arn:aws:iam::123:role/path/name or ${Role.Arn} placeholders from strings built around a reference.
  const name = value.slice(value.lastIndexOf('/') + 1);
  return graph
    .byType('AWS::IAM::Role', 'aws_iam_role')
    .find((r) =>
      [r.properties['RoleName'], r.properties['name']].some((n) => typeof n === 'string' && n === name),
    );
}
