import { asArray, asBoolean, getPath, kmsKeyKind, prop } from '../../resources/access.js';
import { isUnknown, Unknown, type Resource, type ResourceGraph } from '../../resources/types.js';
import { asText, jsonValue } from '../sagemaker/shared.js';

/**
 * OpenSearch Serverless keeps encryption, network and data access settings in policies that name
 * collections by pattern (`collection/<name>`, `collection/kb-*`), not in the collection itself.
 * These helpers join a collection to the policies that cover it.
 */

export const COLLECTION_TYPES = {
  cloudformation: ['AWS::OpenSearchServerless::Collection'],
  terraform: ['aws_opensearchserverless_collection'],
};
const SECURITY_POLICY_TYPES = [
  'AWS::OpenSearchServerless::SecurityPolicy',
  'aws_opensearchserverless_security_policy',
];
export const ACCESS_POLICY_TYPES = {
  cloudformation: ['AWS::OpenSearchServerless::AccessPolicy'],
  terraform: ['aws_opensearchserverless_access_policy'],
};

const MAX_PATTERN = 512;

/**
 * Glob match with `*` only, as AOSS policies use it. Greedy with one backtrack point, so the cost
 * is O(pattern × text) at worst on inputs capped at MAX_PATTERN characters.
 */
export function globMatch(pattern: string, text: string): boolean {
  if (pattern.length > MAX_PATTERN || text.length > MAX_PATTERN) return false;
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export function collectionName(collection: Resource): string | Unknown | undefined {
  return asText(prop(collection, { cloudformation: 'Name', terraform: 'name' }));
}

/** The parsed policy document of a security or access policy resource. */
export function policyDocument(policy: Resource): unknown {
  return jsonValue(prop(policy, { cloudformation: 'Policy', terraform: 'policy' }));
}

export function securityPolicies(graph: ResourceGraph, type: 'encryption' | 'network'): Resource[] {
  return graph.byType(...SECURITY_POLICY_TYPES).filter((p) => {
    const t = asText(prop(p, { cloudformation: 'Type', terraform: 'type' }));
    return typeof t === 'string' && t.toLowerCase() === type;
  });
}

/** Does a Rules list cover `collection/<name>`? true, false, or Unknown when a pattern is unresolved. */
export function rulesCoverCollection(rules: unknown, name: string): boolean | Unknown {
  let undecided: Unknown | undefined;
  for (const rule of asArray(rules)) {
    const type = getPath(rule, 'ResourceType');
    if (typeof type === 'string' && type.toLowerCase() !== 'collection') continue;
    for (const pattern of asArray(getPath(rule, 'Resource'))) {
      if (typeof pattern !== 'string') {
        undecided ??= new Unknown('a policy resource pattern cannot be resolved statically');
        continue;
      }
      if (pattern.includes('${')) {
        undecided ??= new Unknown(`policy resource pattern ${pattern} holds an unresolved value`);
        continue;
      }
      if (globMatch(pattern.toLowerCase(), `collection/${name.toLowerCase()}`)) return true;
    }
  }
  return undecided ?? false;
}

export interface PolicyMatch {
  policy: Resource;
  /** The document (encryption) or the entry of the document (network, data access) that matched. */
  entry: unknown;
}

/** Policies (or their entries) of a type covering a collection, and why some could not be decided. */
export function policiesCovering(
  graph: ResourceGraph,
  type: 'encryption' | 'network',
  name: string,
): { matches: PolicyMatch[]; undecided?: string } {
  const matches: PolicyMatch[] = [];
  let undecided: string | undefined;
  for (const policy of securityPolicies(graph, type)) {
    const doc = policyDocument(policy);
    if (isUnknown(doc)) {
      undecided ??= `${policy.address}: ${doc.reason}`;
      continue;
    }
    for (const entry of type === 'network' ? asArray(doc) : [doc]) {
      const covers = rulesCoverCollection(getPath(entry, 'Rules'), name);
      if (isUnknown(covers)) undecided ??= `${policy.address}: ${covers.reason}`;
      else if (covers) matches.push({ policy, entry });
    }
  }
  return undecided === undefined ? { matches } : { matches, undecided };
}

export type Judgement = { status: 'pass' | 'fail' | 'unknown'; detail: string };

/** Whether the encryption policies covering a collection use a customer managed key. */
export function collectionEncryption(collection: Resource, graph: ResourceGraph): Judgement {
  const name = collectionName(collection);
  if (isUnknown(name))
    return { status: 'unknown', detail: `collection name cannot be decided statically: ${name.reason}` };
  if (name === undefined) return { status: 'unknown', detail: 'collection has no name' };
  const { matches, undecided } = policiesCovering(graph, 'encryption', name);
  if (matches.length === 0) {
    return {
      status: 'unknown',
      detail: undecided ?? `no encryption security policy in the scanned files covers collection/${name}`,
    };
  }
  for (const { policy, entry } of matches) {
    const owned = asBoolean(getPath(entry, 'AWSOwnedKey'));
    if (isUnknown(owned))
      return { status: 'unknown', detail: `${policy.address}: AWSOwnedKey cannot be decided statically` };
    if (owned === true)
      return {
        status: 'fail',
        detail: `${policy.address} encrypts collection/${name} with an AWS owned key`,
      };
    const kind = kmsKeyKind(getPath(entry, 'KmsARN'), graph);
    if (isUnknown(kind))
      return {
        status: 'unknown',
        detail: `${policy.address}: KmsARN cannot be decided statically: ${kind.reason}`,
      };
    if (kind !== 'customer-managed')
      return {
        status: 'fail',
        detail: `${policy.address} names no customer managed KmsARN for collection/${name}`,
      };
  }
  return {
    status: 'pass',
    detail: `${matches.map((m) => m.policy.address).join(', ')} encrypt collection/${name} with a customer managed key`,
  };
}

/** Whether any network policy covering a collection allows access from the public internet. */
export function collectionNetworkExposure(collection: Resource, graph: ResourceGraph): Judgement {
  const name = collectionName(collection);
  if (isUnknown(name))
    return { status: 'unknown', detail: `collection name cannot be decided statically: ${name.reason}` };
  if (name === undefined) return { status: 'unknown', detail: 'collection has no name' };
  const { matches, undecided } = policiesCovering(graph, 'network', name);
  const publicPolicies: string[] = [];
  for (const { policy, entry } of matches) {
    const allow = asBoolean(getPath(entry, 'AllowFromPublic'));
    if (isUnknown(allow))
      return { status: 'unknown', detail: `${policy.address}: AllowFromPublic cannot be decided statically` };
    if (allow === true) publicPolicies.push(policy.address);
  }
  if (publicPolicies.length > 0)
    return {
      status: 'fail',
      detail: `${publicPolicies.join(', ')} allow public access to collection/${name}`,
    };
  if (undecided) return { status: 'unknown', detail: undecided };
  if (matches.length === 0)
    return {
      status: 'unknown',
      detail: `no network security policy in the scanned files covers collection/${name}`,
    };
  return {
    status: 'pass',
    detail: `network policies ${matches.map((m) => m.policy.address).join(', ')} allow only private access to collection/${name}`,
  };
}
