import { asArray, asBoolean, getPath, kmsKeyKind, prop } from '../../resources/access.js';
import { isResourceRef, isUnknown, Unknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type Outcome, type RuleContext } from '../types.js';

/**
 * Helpers shared by the AI-workload rules (SageMaker, Bedrock, OpenSearch Serverless).
 * They keep the three outcomes the same everywhere: a value that cannot be known is `unknown`, an
 * AWS managed or absent key is `fail` for a CMK rule, and messages always name the resource.
 */

export type Paths = { cloudformation?: string; terraform?: string };

/** Judges a KMS key reference for a "customer managed key" rule. `what` names the setting, e.g. "KmsKeyId". */
export function cmkOutcome(resource: Resource, ctx: RuleContext, value: unknown, what: string): Outcome {
  const kind = kmsKeyKind(value, ctx.graph);
  if (isUnknown(kind))
    return unknown(`${resource.address}: ${what} cannot be decided statically: ${kind.reason}`);
  if (kind === 'customer-managed')
    return pass(`${resource.address} encrypts ${what} with a customer managed KMS key`);
  if (kind === 'aws-managed')
    return fail(`${resource.address} encrypts ${what} with an AWS managed key, not a customer managed key`);
  return fail(
    `${resource.address} sets no customer managed KMS key for ${what}, so AWS uses a key the customer does not control`,
  );
}

/** A string value as written, Unknown passed through, anything else undefined. */
export function asText(value: unknown): string | Unknown | undefined {
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A number as templates write it (5 or "5"); Unknown passed through. */
export function asNumber(value: unknown): number | Unknown | undefined {
  if (isUnknown(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/**
 * A boolean property with an AWS default. Returns the effective boolean or an Unknown; the
 * `label` names the property in messages.
 */
export function effectiveBoolean(resource: Resource, paths: Paths, awsDefault: boolean): boolean | Unknown {
  const raw = prop(resource, paths);
  if (raw === undefined || raw === null) return awsDefault;
  const value = asBoolean(raw);
  if (value === undefined) return new Unknown(`${String(raw)} is not a boolean`);
  return value;
}

/** Reads the property name in the resource's own dialect, for messages. */
export function propName(resource: Resource, paths: Paths): string {
  const path =
    resource.source === 'cloudformation' || resource.source === 'cdk'
      ? paths.cloudformation
      : paths.terraform;
  return path ?? '(not settable)';
}

/** Rule outcome for "this boolean must be true" with a default, e.g. network isolation. */
export function requireTrue(resource: Resource, paths: Paths, awsDefault: boolean, subject: string): Outcome {
  const value = effectiveBoolean(resource, paths, awsDefault);
  const name = propName(resource, paths);
  if (isUnknown(value))
    return unknown(`${resource.address}: ${name} cannot be decided statically: ${value.reason}`);
  const absent = prop(resource, paths) === undefined;
  if (value)
    return pass(`${resource.address} has ${subject} (${name} is true${absent ? ' by default' : ''})`);
  return fail(
    `${resource.address} does not have ${subject}: ${name} is ${absent ? 'absent and defaults to false' : 'false'}`,
  );
}

/** Every element of a list property (CloudFormation list or Terraform repeated block). */
export function listOf(resource: Resource, paths: Paths): unknown[] | Unknown {
  const value = prop(resource, paths);
  if (isUnknown(value)) return value;
  return asArray(value);
}

/** Reads a sub-path of an element of a list, in the dialect of the resource. */
export function field(resource: Resource, element: unknown, paths: Paths): unknown {
  const path =
    resource.source === 'cloudformation' || resource.source === 'cdk'
      ? paths.cloudformation
      : paths.terraform;
  if (path === undefined) return undefined;
  return getPath(element, path);
}

/** True when a value is set to something (a reference, an Unknown, or a non-empty value). */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Follows a reference (Ref/GetAtt/Terraform attribute) to a resource in the graph. */
export function follow(ctx: RuleContext, value: unknown): Resource | undefined {
  return isResourceRef(value) ? ctx.graph.deref(value) : undefined;
}

/** Parses a JSON policy written as a string (CloudFormation Policy, Terraform jsonencode) or as an object. */
export function jsonValue(value: unknown, maxBytes = 256 * 1024): unknown {
  if (isUnknown(value)) return value;
  if (typeof value !== 'string') return value;
  if (value.length > maxBytes) return new Unknown(`JSON document larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return new Unknown('JSON document does not parse (it may hold unresolved interpolations)');
  }
}

/** True when every production variant of an endpoint config is serverless (no instances, no attachable volume). */
export function allVariantsServerless(resource: Resource): boolean | Unknown {
  const variants = listOf(resource, {
    cloudformation: 'ProductionVariants',
    terraform: 'production_variants',
  });
  if (isUnknown(variants)) return variants;
  if (variants.length === 0) return false;
  return variants.every((v) =>
    isSet(field(resource, v, { cloudformation: 'ServerlessConfig', terraform: 'serverless_config' })),
  );
}
