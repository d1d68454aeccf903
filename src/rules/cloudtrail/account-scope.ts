import type { Resource, ResourceGraph } from '../../resources/index.js';

/**
 * The resource an account-level finding is attached to when the service it asks for is absent from the
 * scanned code: the first resource in file and line order, so the finding points at the scanned template
 * and stays stable between runs.
 */
export function accountAnchor(graph: ResourceGraph): Resource | undefined {
  let first: Resource | undefined;
  for (const r of graph.resources) {
    if (!first || r.file < first.file || (r.file === first.file && r.line < first.line)) first = r;
  }
  return first;
}

/** The message for an account-level service that the scanned code does not declare. */
export function absentMessage(anchor: Resource, service: string, types: string): string {
  return (
    `${anchor.address} (where this account-level finding is attached): no ${service} was found in the scanned code (${types}). Static analysis cannot see other stacks or ` +
    `organization-level settings: if it is enabled elsewhere, suppress this finding with that reason`
  );
}
