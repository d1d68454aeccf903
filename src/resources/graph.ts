import { isResourceRef, type Resource, type ResourceGraph } from './types.js';

export function buildGraph(resources: readonly Resource[]): ResourceGraph {
  const byAddress = new Map<string, Resource>();
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    byAddress.set(r.address, r);
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  let referrerIndex: Map<string, Resource[]> | undefined;
  const buildReferrers = (): Map<string, Resource[]> => {
    const index = new Map<string, Resource[]>();
    for (const r of resources) {
      const seen = new Set<string>();
      visitRefs(r.properties, (address) => {
        if (seen.has(address)) return;
        seen.add(address);
        const list = index.get(address);
        if (list) list.push(r);
        else index.set(address, [r]);
      });
    }
    return index;
  };
  return {
    resources,
    byAddress: (address) => byAddress.get(address),
    // Rules call this for every resource they evaluate; the single-type case avoids building a new array.
    byType: (...types) =>
      types.length === 1 ? (byType.get(types[0]!) ?? []) : types.flatMap((t) => byType.get(t) ?? []),
    deref: (value) => (isResourceRef(value) ? byAddress.get(value.address) : undefined),
    referrers(target) {
      referrerIndex ??= buildReferrers();
      return referrerIndex.get(target.address) ?? [];
    },
  };
}

function visitRefs(value: unknown, onRef: (address: string) => void, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (isResourceRef(value)) {
    onRef(value.address);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) visitRefs(item, onRef, depth + 1);
    return;
  }
  for (const item of Object.values(value as Record<string, unknown>)) visitRefs(item, onRef, depth + 1);
}
