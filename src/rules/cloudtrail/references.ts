import { isResourceRef, isUnknown, type ResourceGraph } from '../../resources/index.js';

const PLACEHOLDER = /\$\{([^}]{1,200})\}/g;
const MAX_SCANNED_TEXT = 4096;

/**
 * Every scanned resource a value designates: references, and the `${LogicalId}` / `${LogicalId.Attr}` /
 * `${type.name.attr}` placeholders the loaders leave in strings built with Sub, Join or interpolation.
 */
export function addressesIn(
  value: unknown,
  graph: ResourceGraph,
  out: Set<string> = new Set(),
  depth = 0,
): Set<string> {
  if (depth > 16 || value === null || value === undefined) return out;
  if (typeof value === 'string') {
    for (const match of value.slice(0, MAX_SCANNED_TEXT).matchAll(PLACEHOLDER)) {
      const segments = (match[1] ?? '').split('.');
      const terraform = segments.length >= 2 ? graph.byAddress(`${segments[0]}.${segments[1]}`) : undefined;
      if (terraform) out.add(terraform.address);
      const cloudformation = graph.resources.find(
        (r) => r.source !== 'terraform' && r.source !== 'terraform-plan' && r.name === segments[0],
      );
      if (cloudformation) out.add(cloudformation.address);
    }
    return out;
  }
  if (typeof value !== 'object' || isUnknown(value)) return out;
  if (isResourceRef(value)) out.add(value.address);
  else if (Array.isArray(value)) for (const v of value) addressesIn(v, graph, out, depth + 1);
  else for (const v of Object.values(value as Record<string, unknown>)) addressesIn(v, graph, out, depth + 1);
  return out;
}

/** A value as a message shows it: literals as written, references by address, anything else by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}...` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return 'unset';
  if (isResourceRef(value)) return value.address;
  if (isUnknown(value)) return `an unresolved value (${value.reason})`;
  return Array.isArray(value) ? 'a list' : 'an object';
}
