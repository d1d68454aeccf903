import { isResourceRef, isUnknown, Unknown, type Resource, type ResourceGraph } from './types.js';

/**
 * Reads a dotted path from a resource's properties in the form its source writes it, so one rule
 * serves CloudFormation and Terraform: `prop(r, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' })`.
 * Terraform nested blocks are arrays of objects; a string key applied to an array reads its first element.
 * Returns an Unknown as soon as the walk meets one.
 */
export function prop(resource: Resource, paths: { cloudformation?: string; terraform?: string }): unknown {
  const path =
    resource.source === 'cloudformation' || resource.source === 'cdk'
      ? paths.cloudformation
      : paths.terraform;
  if (path === undefined) return undefined;
  return getPath(resource.properties, path);
}

export function getPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (isUnknown(value)) return value;
    while (Array.isArray(value) && !/^\d+$/.test(key)) value = value[0];
    if (value === null || value === undefined || typeof value !== 'object' || isResourceRef(value))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** true/false for booleans as templates write them ('true', 'True', true); Unknown passes through. */
export function asBoolean(value: unknown): boolean | Unknown | undefined {
  if (isUnknown(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** Terraform blocks and CloudFormation lists both become arrays; a single object becomes [object]. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The resource type an address names: `AWS::KMS::Key.K` -> `AWS::KMS::Key`,
 * `module.m.aws_kms_key.k` / `aws_kms_key.k[0]` -> `aws_kms_key`.
 */
export function typeOfAddress(address: string): string {
  if (address.includes('::')) return address.slice(0, address.lastIndexOf('.'));
  const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
  return parts.length >= 2 ? parts[parts.length - 2]! : address;
}

export type KmsKeyKind = 'customer-managed' | 'aws-managed' | 'none';

const KMS_KEY_TYPES = new Set([
  'AWS::KMS::Key',
  'aws_kms_key',
  'AWS::KMS::ReplicaKey',
  'aws_kms_replica_key',
]);
const KMS_ALIAS_TYPES = new Set(['AWS::KMS::Alias', 'aws_kms_alias']);

/**
 * Classifies a KMS key reference. "Encrypted" and "encrypted with a customer managed key" are separate
 * rules, so AWS managed aliases (alias/aws/...) are told apart from keys the customer controls.
 */
export function kmsKeyKind(value: unknown, graph: ResourceGraph): KmsKeyKind | Unknown {
  if (value === undefined || value === null || value === '') return 'none';
  if (isUnknown(value)) return value;
  const target = graph.deref(value);
  if (target) {
    if (KMS_KEY_TYPES.has(target.type)) return 'customer-managed';
    if (KMS_ALIAS_TYPES.has(target.type)) {
      const key = target.properties['TargetKeyId'] ?? target.properties['target_key_id'];
      return key === undefined
        ? new Unknown(`alias ${target.address} has no target key`)
        : kmsKeyKind(key, graph);
    }
    return new Unknown(`${target.address} is not a KMS key`);
  }
  if (isResourceRef(value)) {
    // Declared outside the scanned files: its type still says what it is. Aliases of either kind
    // name customer keys (AWS managed aliases cannot be declared).
    const type = typeOfAddress(value.address);
    if (KMS_KEY_TYPES.has(type) || KMS_ALIAS_TYPES.has(type)) return 'customer-managed';
    return new Unknown(`reference to ${value.address} not found in the scanned files`);
  }
  if (typeof value === 'string') {
    if (/(^|:)alias\/aws\//.test(value)) return 'aws-managed';
    return 'customer-managed';
  }
  return new Unknown('KMS key is not a string or a reference');
}
