import {
  asArray,
  getPath,
  isResourceRef,
  isUnknown,
  Unknown,
  type Resource,
  type ResourceGraph,
} from '../../resources/index.js';
import { fail, pass, unknown, type Outcome } from '../types.js';

/**
 * IAM policy documents normalized from the three shapes templates write them in: CloudFormation
 * objects, JSON strings (Terraform `jsonencode` or heredocs) and Terraform `aws_iam_policy_document`
 * data sources. Rules ask questions of statements in three-valued logic: true, false, or Unknown when a
 * value in the statement could not be resolved statically.
 */

/** A value of a statement field: a literal, a reference to a scanned resource (`ref:<address>`), or Unknown. */
export type PolicyValue = string | Unknown;

export interface PolicyPrincipal {
  /** `*`, `AWS`, `Service`, `Federated` or `CanonicalUser`. */
  type: string;
  id: PolicyValue;
}

export interface PolicyCondition {
  operator: string;
  key: string;
  values: PolicyValue[];
}

export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | Unknown;
  actions: PolicyValue[];
  notActions: PolicyValue[];
  resources: PolicyValue[];
  notResources: PolicyValue[];
  principals: PolicyPrincipal[];
  hasNotPrincipal: boolean;
  conditions: PolicyCondition[];
}

/** Where a document sits in a resource (for messages) and what it holds. */
export interface LocatedPolicy {
  where: string;
  statements: PolicyStatement[] | Unknown;
}

export type Tri = boolean | Unknown;

const MAX_POLICY_JSON_BYTES = 1_000_000;
const MAX_DEPTH = 4;

function toPolicyValue(item: unknown): PolicyValue {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (isUnknown(item)) return item;
  if (isResourceRef(item)) return `ref:${item.address}${item.attribute ? `.${item.attribute}` : ''}`;
  return new Unknown('policy value is not a string');
}

function values(value: unknown): PolicyValue[] {
  if (isUnknown(value)) return [value];
  return asArray(value).map(toPolicyValue);
}

function effectOf(value: unknown): 'Allow' | 'Deny' | Unknown {
  if (isUnknown(value)) return value;
  if (value === undefined) return 'Allow';
  if (typeof value === 'string' && /^(allow|deny)$/i.test(value))
    return value.toLowerCase() === 'deny' ? 'Deny' : 'Allow';
  return new Unknown('statement Effect is not Allow or Deny');
}

function jsonPrincipals(value: unknown): PolicyPrincipal[] {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return [{ type: 'AWS', id: value }];
  if (value === '*') return [{ type: '*', id: '*' }];
  if (typeof value !== 'object' || Array.isArray(value) || isResourceRef(value)) {
    return [{ type: 'AWS', id: new Unknown('Principal has an unexpected shape') }];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([type, ids]) =>
    values(ids).map((id) => ({ type, id })),
  );
}

function jsonConditions(value: unknown): PolicyCondition[] {
  if (value === undefined || value === null) return [];
  if (isUnknown(value) || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        operator: 'Unknown',
        key: 'Unknown',
        values: [isUnknown(value) ? value : new Unknown('Condition has an unexpected shape')],
      },
    ];
  }
  const conditions: PolicyCondition[] = [];
  for (const [operator, body] of Object.entries(value as Record<string, unknown>)) {
    if (body === null || typeof body !== 'object' || Array.isArray(body) || isUnknown(body)) {
      conditions.push({
        operator,
        key: 'Unknown',
        values: [new Unknown(`Condition ${operator} has an unexpected shape`)],
      });
      continue;
    }
    for (const [key, v] of Object.entries(body as Record<string, unknown>))
      conditions.push({ operator, key, values: values(v) });
  }
  return conditions;
}

function jsonStatement(raw: unknown): PolicyStatement {
  const s =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    effect: effectOf(s['Effect']),
    actions: values(s['Action']),
    notActions: values(s['NotAction']),
    resources: values(s['Resource']),
    notResources: values(s['NotResource']),
    principals: jsonPrincipals(s['Principal']),
    hasNotPrincipal: s['NotPrincipal'] !== undefined,
    conditions: jsonConditions(s['Condition']),
  };
}

/** `data "aws_iam_policy_document"`: statement blocks with snake_case attributes and nested blocks. */
function terraformDocumentStatements(properties: Record<string, unknown>): PolicyStatement[] | Unknown {
  const raw = properties['statement'];
  if (isUnknown(raw)) return raw;
  return asArray(raw).map((block) => {
    const s = block !== null && typeof block === 'object' ? (block as Record<string, unknown>) : {};
    const principals = asArray(s['principals']).flatMap((p) => {
      const pb = p as Record<string, unknown>;
      const type = typeof pb['type'] === 'string' ? pb['type'] : 'AWS';
      return values(pb['identifiers']).map((id) => ({ type, id }));
    });
    return {
      effect: effectOf(s['effect']),
      actions: values(s['actions']),
      notActions: values(s['not_actions']),
      resources: values(s['resources']),
      notResources: values(s['not_resources']),
      principals,
      hasNotPrincipal: asArray(s['not_principals']).length > 0,
      conditions: asArray(s['condition']).map((c) => {
        const cb = c as Record<string, unknown>;
        return {
          operator: typeof cb['test'] === 'string' ? cb['test'] : 'Unknown',
          key: typeof cb['variable'] === 'string' ? cb['variable'] : 'Unknown',
          values: values(cb['values']),
        };
      }),
    };
  });
}

const TERRAFORM_POLICY_DOCUMENT = 'aws_iam_policy_document';

/** Reads a policy document in any shape; undefined when there is none. */
export function readPolicyDocument(
  value: unknown,
  graph: ResourceGraph,
  depth = 0,
): PolicyStatement[] | Unknown | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUnknown(value)) return value;
  if (depth > MAX_DEPTH) return new Unknown('policy document nests too deeply');
  if (isResourceRef(value)) {
    const target = graph.deref(value);
    if (!target) return new Unknown(`policy document ${value.address} is not in the scanned files`);
    if (target.type === TERRAFORM_POLICY_DOCUMENT) return terraformDocumentStatements(target.properties);
    const inner = target.properties['policy'] ?? target.properties['PolicyDocument'];
    return (
      readPolicyDocument(inner, graph, depth + 1) ?? new Unknown(`${target.address} holds no policy document`)
    );
  }
  if (typeof value === 'string') {
    if (value.length > MAX_POLICY_JSON_BYTES) return new Unknown('policy document is larger than 1 MB');
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return new Unknown('policy document is not valid JSON');
    }
    return readPolicyDocument(parsed, graph, depth + 1);
  }
  if (typeof value !== 'object' || Array.isArray(value))
    return new Unknown('policy document is not an object');
  const statement = (value as Record<string, unknown>)['Statement'];
  if (isUnknown(statement)) return statement;
  return asArray(statement).map(jsonStatement);
}

const CFN_DOCUMENT_TYPES = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
]);
const CFN_INLINE_POLICY_TYPES = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
const TF_DOCUMENT_TYPES = new Set([
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
]);

/** IAM resource types that carry identity-based policy documents, per format. */
const SSO_INLINE_POLICY = 'aws_ssoadmin_permission_set_inline_policy';

export const IDENTITY_POLICY_TYPES = {
  cloudformation: [...CFN_DOCUMENT_TYPES, ...CFN_INLINE_POLICY_TYPES],
  terraform: [...TF_DOCUMENT_TYPES, 'aws_iam_role', TERRAFORM_POLICY_DOCUMENT, SSO_INLINE_POLICY],
};

/**
 * The identity-based policy documents a resource holds. A Terraform policy document data source that
 * another scanned resource uses is reported where it is used, so one statement gives one finding.
 */
export function identityPolicies(
  resource: Resource,
  graph: ResourceGraph,
): LocatedPolicy[] | 'used-elsewhere' {
  const located: LocatedPolicy[] = [];
  const add = (where: string, doc: unknown): void => {
    const statements = readPolicyDocument(doc, graph);
    if (statements !== undefined) located.push({ where, statements });
  };
  if (CFN_DOCUMENT_TYPES.has(resource.type)) add('PolicyDocument', resource.properties['PolicyDocument']);
  else if (CFN_INLINE_POLICY_TYPES.has(resource.type)) {
    const policies = resource.properties['Policies'];
    if (isUnknown(policies)) located.push({ where: 'Policies', statements: policies });
    asArray(policies).forEach((p, i) => {
      const name = getPath(p, 'PolicyName');
      add(`Policies[${typeof name === 'string' ? name : i}]`, getPath(p, 'PolicyDocument'));
    });
  } else if (TF_DOCUMENT_TYPES.has(resource.type)) add('policy', resource.properties['policy']);
  else if (resource.type === SSO_INLINE_POLICY) add('inline_policy', resource.properties['inline_policy']);
  else if (resource.type === 'aws_iam_role') {
    asArray(resource.properties['inline_policy']).forEach((p, i) => {
      const name = getPath(p, 'name');
      add(`inline_policy[${typeof name === 'string' ? name : i}]`, getPath(p, 'policy'));
    });
  } else if (resource.type === TERRAFORM_POLICY_DOCUMENT) {
    const users = graph.referrers(resource);
    if (users.length > 0) return 'used-elsewhere';
    located.push({ where: 'statement', statements: terraformDocumentStatements(resource.properties) });
  }
  return located;
}

/**
 * IAM action patterns match case-insensitively with `*` and `?` wildcards. Iterative matching with a
 * single backtrack point runs in O(n·m) at worst, and action names are short.
 */
export function iamPatternMatches(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** true when the pattern grants every action of a service (`bedrock:*`, `bed*`, `*`). */
export function patternCoversWholeService(pattern: string, service: string): boolean {
  const p = pattern.toLowerCase();
  if (p === '*:*') return true;
  const star = p.indexOf('*');
  if (star === -1) return false;
  for (let i = star; i < p.length; i++) if (p[i] !== '*') return false;
  return `${service.toLowerCase()}:`.startsWith(p.slice(0, star));
}

function some(items: PolicyValue[], test: (s: string) => boolean): Tri {
  let undecided: Unknown | undefined;
  for (const item of items) {
    if (isUnknown(item)) undecided ??= item;
    else if (test(item)) return true;
  }
  return undecided ?? false;
}

export function not(value: Tri): Tri {
  return isUnknown(value) ? value : !value;
}

export function and(...parts: Tri[]): Tri {
  let undecided: Unknown | undefined;
  for (const p of parts) {
    if (p === false) return false;
    if (isUnknown(p)) undecided ??= p;
  }
  return undecided ?? true;
}

export function or(...parts: Tri[]): Tri {
  let undecided: Unknown | undefined;
  for (const p of parts) {
    if (p === true) return true;
    if (isUnknown(p)) undecided ??= p;
  }
  return undecided ?? false;
}

export function isAllow(statement: PolicyStatement): Tri {
  return isUnknown(statement.effect) ? statement.effect : statement.effect === 'Allow';
}

/** Whether the statement's action list (or NotAction complement) includes an action that `test` accepts. */
export function grantsActionWhere(
  statement: PolicyStatement,
  test: (pattern: string) => boolean,
  action?: string,
): Tri {
  if (statement.actions.length > 0) return some(statement.actions, test);
  // NotAction grants everything it does not name: it covers the action unless a NotAction pattern excludes it.
  if (statement.notActions.length > 0) {
    if (action === undefined) return true;
    return not(some(statement.notActions, (p) => iamPatternMatches(p, action)));
  }
  return false;
}

/** Allow statement granting `action` (exact action name, matched against wildcards). */
export function grantsAction(statement: PolicyStatement, action: string): Tri {
  return grantsActionWhere(statement, (p) => iamPatternMatches(p, action), action);
}

/** Resource `*` (or NotResource, which leaves almost everything). */
export function appliesToAllResources(statement: PolicyStatement): Tri {
  if (statement.notResources.length > 0) return true;
  return some(statement.resources, (r) => r === '*');
}

export function hasConditions(statement: PolicyStatement): boolean {
  return statement.conditions.length > 0;
}

/** Condition keys that narrow who the caller can be (account, organization, network, source, federated identity). */
const RESTRICTING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:userid',
  'aws:username',
  'aws:vpcsourceip',
  'kms:calleraccount',
  'sts:externalid',
  's3:dataaccesspointaccount',
]);
/** Federated identity claims (OIDC `sub`/`aud`, Cognito `amr`, SAML audience) that pin who may assume a role. */
const FEDERATED_CLAIM = /:(sub|aud|amr|oaud)$|^saml:/i;

/**
 * Whether a condition narrows the principals that can use the statement. Conditions on unrelated keys
 * (aws:SecureTransport, aws:RequestedRegion) and negated or Null operators leave "*" open to everyone.
 */
export function hasRestrictingCondition(statement: PolicyStatement): boolean {
  return statement.conditions.some((c) => {
    if (/not|^null$/i.test(c.operator.replace(/IfExists$/i, ''))) return false;
    const key = c.key.toLowerCase();
    return RESTRICTING_KEYS.has(key) || FEDERATED_CLAIM.test(key);
  });
}

/** The principal is everyone: `"*"` or `{"AWS": "*"}`. */
export function hasPublicPrincipal(statement: PolicyStatement): Tri {
  if (statement.hasNotPrincipal) return true;
  let undecided: Unknown | undefined;
  for (const p of statement.principals) {
    if (isUnknown(p.id)) {
      undecided ??= p.id;
      continue;
    }
    if (p.type === '*' || (p.type === 'AWS' && (p.id === '*' || /^arn:aws[a-z-]*:iam::\*:/.test(p.id))))
      return true;
  }
  return undecided ?? false;
}

/** An Allow statement open to everyone that no condition narrows: the public-resource-policy test. */
export function isPublicAllow(statement: PolicyStatement): Tri {
  return and(isAllow(statement), hasPublicPrincipal(statement), !hasRestrictingCondition(statement));
}

export interface PolicyVerdict {
  /** Locations of statements that break the rule, e.g. `Policies[data-access] statement 2`. */
  offending: string[];
  /** The first reason a statement could not be decided, when none offends. */
  undecided?: Unknown;
}

/** Applies a statement test to every statement of every located policy. */
export function judgeStatements(
  policies: LocatedPolicy[],
  offends: (s: PolicyStatement) => Tri,
): PolicyVerdict {
  const offending: string[] = [];
  let undecided: Unknown | undefined;
  for (const policy of policies) {
    if (isUnknown(policy.statements)) {
      undecided ??= policy.statements;
      continue;
    }
    policy.statements.forEach((statement, i) => {
      const verdict = offends(statement);
      if (verdict === true) offending.push(`${policy.where} statement ${i + 1}`);
      else if (isUnknown(verdict)) undecided ??= verdict;
    });
  }
  return undecided ? { offending, undecided } : { offending };
}

/** The outcome of a statement-level rule on one resource. */
export function verdictOutcome(
  resource: Resource,
  verdict: PolicyVerdict,
  text: { fail: string; pass: string },
): Outcome {
  if (verdict.offending.length > 0)
    return fail(`${resource.address}: ${text.fail} (${verdict.offending.join(', ')})`);
  if (verdict.undecided)
    return unknown(`${resource.address}: cannot be decided statically: ${verdict.undecided.reason}`);
  return pass(`${resource.address}: ${text.pass}`);
}
