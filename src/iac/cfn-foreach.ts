import { isUnknown } from '../resources/types.js';

/**
 * `Fn::ForEach::<Loop>` under Resources (the AWS::LanguageExtensions transform):
 * `[Identifier, Collection, { "${Identifier}Bucket": {...} }]` stamps out one set of resources per
 * collection item, replacing `${Identifier}` / `&{Identifier}` in keys and strings and `Ref: Identifier`.
 */

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function substitute(value: unknown, id: string, item: string, depth: number): unknown {
  if (depth > 100) return value;
  if (typeof value === 'string')
    return value
      .split(`\${${id}}`)
      .join(item)
      .split(`&{${id}}`)
      .join(item.replace(/[^A-Za-z0-9]/g, ''));
  if (Array.isArray(value)) return value.map((v) => substitute(v, id, item, depth + 1));
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref' && value['Ref'] === id) return item;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[substitute(k, id, item, depth + 1) as string] = substitute(v, id, item, depth + 1);
    return out;
  }
  return value;
}

/**
 * Expands every Fn::ForEach entry of a Resources map; a loop over a collection that cannot be known
 * is left out and reported through `onSkip`.
 */
export function expandForEach(
  resources: Record<string, unknown>,
  resolveCollection: (value: unknown) => unknown,
  onSkip: (loop: string, reason: string) => void,
  /** Stamped logical id -> the top-level loop key it came from (for its line). */
  origins: Map<string, string> = new Map(),
  depth = 0,
  topLoop?: string,
): Record<string, unknown> {
  if (!Object.keys(resources).some((k) => k.startsWith('Fn::ForEach::'))) return resources;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resources)) {
    if (!key.startsWith('Fn::ForEach::')) {
      out[key] = value;
      continue;
    }
    if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string' || !isRecord(value[2])) {
      onSkip(key, 'malformed Fn::ForEach');
      continue;
    }
    const [id, rawCollection, fragment] = value as [string, unknown, Record<string, unknown>];
    const collection = resolveCollection(rawCollection);
    if (
      !Array.isArray(collection) ||
      collection.some((c) => typeof c !== 'string' && typeof c !== 'number')
    ) {
      onSkip(key, isUnknown(collection) ? collection.reason : 'the collection is not a known list');
      continue;
    }
    for (const item of collection) {
      const stamped = substitute(fragment, id, String(item), 0) as Record<string, unknown>;
      // Loops can nest; the inner ones are expanded with the outer identifier already replaced.
      const inner =
        depth < 5
          ? expandForEach(stamped, resolveCollection, onSkip, origins, depth + 1, topLoop ?? key)
          : stamped;
      for (const id of Object.keys(inner)) if (!origins.has(id)) origins.set(id, topLoop ?? key);
      Object.assign(out, inner);
    }
  }
  return out;
}
