import { isUnknown, kmsKeyKind, type Resource, type ResourceGraph } from '../../resources/index.js';
import { fail, pass, unknown, type Outcome } from '../types.js';

/**
 * The outcome for "encrypted with a customer managed KMS key": a key the customer controls passes, an
 * AWS managed alias (alias/aws/...) or no key fails, and an unresolved key is unknown.
 */
export function customerManagedKeyOutcome(
  resource: Resource,
  key: unknown,
  graph: ResourceGraph,
  what: string,
): Outcome {
  const kind = kmsKeyKind(key, graph);
  if (isUnknown(kind))
    return unknown(`${resource.address}: ${what} key cannot be decided statically: ${kind.reason}`);
  if (kind === 'customer-managed')
    return pass(`${resource.address}: ${what} uses a customer managed KMS key`);
  if (kind === 'aws-managed')
    return fail(
      `${resource.address}: ${what} uses an AWS managed key, which the customer cannot scope or audit`,
    );
  return fail(`${resource.address}: ${what} names no customer managed KMS key`);
}
