import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../util/errors.js';
import { formatPath, parseStructuredFile, type ParsedFile } from '../util/structured-file.js';
import { didYouMean } from '../util/suggest.js';
import { manifestSchema, type Manifest } from './manifest.js';

export const MANIFEST_NAMES = ['aigis.yaml', 'aigis.yml', 'aigis.json'] as const;
const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface LoadedManifest {
  manifest: Manifest;
  /** Absolute path of the manifest file. */
  file: string;
  /** Folder that relative paths in the manifest are resolved against. */
  dir: string;
  /** Line of a field, for evidence and errors (`['datasets', 0, 'retention']`). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Top-level keys the author wrote (defaults filled in by the schema are not in here). */
  declared: ReadonlySet<string>;
}

/** The manifest file for a folder or file argument; a folder must hold aigis.yaml (or .yml/.json). */
export function resolveManifestFile(dirOrFile: string): string {
  let stats;
  try {
    stats = statSync(dirOrFile);
  } catch {
    throw new InputError(`${dirOrFile}: no such file or folder`, { file: dirOrFile });
  }
  if (!stats.isDirectory()) return resolve(dirOrFile);
  for (const name of MANIFEST_NAMES) {
    const candidate = join(dirOrFile, name);
    if (existsSync(candidate)) return resolve(candidate);
  }
  throw new InputError(
    `${join(dirOrFile, MANIFEST_NAMES[0])}: not found (nor ${MANIFEST_NAMES.slice(1).join(' or ')}): ` +
      `${dirOrFile} has no AI system manifest; write one (see schemas/aigis-manifest.schema.json) or pass --manifest FILE`,
    { file: join(dirOrFile, MANIFEST_NAMES[0]), field: 'manifest' },
  );
}

interface AnySchema {
  _zod?: { def: Record<string, unknown> };
}

/** The sub-schema at a data path, unwrapping optional/default/union wrappers, for key suggestions. */
function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of [...path, undefined]) {
    // Unwrap wrappers until an object or array remains.
    for (let i = 0; i < 10 && current; i++) {
      const def: Record<string, unknown> | undefined = current._zod?.def;
      const type = def?.['type'];
      if (type === 'optional' || type === 'default' || type === 'nullable' || type === 'prefault')
        current = def?.['innerType'] as AnySchema;
      else if (type === 'union') {
        const options = def?.['options'] as AnySchema[];
        current = options.find((o) => o._zod?.def['type'] === 'object') ?? options[0];
      } else break;
    }
    if (key === undefined || !current) return current;
    const def: Record<string, unknown> | undefined = current._zod?.def;
    if (def?.['type'] === 'object' && typeof key === 'string')
      current = (def['shape'] as Record<string, AnySchema>)[key];
    else if (def?.['type'] === 'array' && typeof key === 'number') current = def['element'] as AnySchema;
    else return undefined;
  }
  return current;
}

function keysOf(schema: AnySchema | undefined): string[] {
  const def = schema?._zod?.def;
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as Record<string, unknown>) : [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** A zod issue in the words a manifest author needs, with the closest valid value or key. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (issue.code === 'invalid_value') {
    const given = valueAt(data, path);
    const values = issue.values.map(String);
    const text = typeof given === 'string' ? given : JSON.stringify(given);
    return {
      path,
      message: `'${text}' is not valid; expected one of ${values.join(', ')}${typeof given === 'string' ? didYouMean(given, values) : ''}`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysOf(schemaAt(manifestSchema as unknown as AnySchema, path));
    const key = issue.keys[0] ?? '';
    return {
      path: [...path, key],
      message: `unknown field '${key}'${didYouMean(key, allowed)}${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ''}`,
    };
  }
  return { path, message: issue.message };
}

/** Validates the parsed manifest; errors name file:line: field: reason with a suggestion. */
export function validateManifest(parsed: ParsedFile): Manifest {
  const result = manifestSchema.safeParse(parsed.data);
  if (result.success) return result.data;
  const described = result.error.issues.slice(0, 5).map((i) => describeIssue(i, parsed.data));
  const lines = described.map(({ path, message }) => {
    const line = parsed.lineOf(path);
    return `${parsed.file}${line ? `:${line}` : ''}: ${formatPath(path)}: ${message}`;
  });
  const first = described[0]!;
  throw new InputError(lines.join('\n'), {
    file: parsed.file,
    line: parsed.lineOf(first.path),
    field: formatPath(first.path),
  });
}

/** Every path the manifest names, with its field, so a missing one is reported where it is written. */
function referencedPaths(manifest: Manifest): Array<{ path: PropertyKey[]; value: string }> {
  const refs: Array<{ path: PropertyKey[]; value: string }> = [];
  manifest.paths.infrastructure.forEach((value, i) =>
    refs.push({ path: ['paths', 'infrastructure', i], value }),
  );
  if (manifest.paths.guardPolicy)
    refs.push({ path: ['paths', 'guardPolicy'], value: manifest.paths.guardPolicy });
  manifest.paths.modelCards.forEach((value, i) => refs.push({ path: ['paths', 'modelCards', i], value }));
  manifest.models.forEach((m, i) => {
    if (m.modelCard) refs.push({ path: ['models', i, 'modelCard'], value: m.modelCard });
  });
  return refs;
}

/** Cross-field checks the schema cannot express: ids referenced between sections must exist. */
function checkReferences(manifest: Manifest, parsed: ParsedFile): void {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  const datasetIds = manifest.datasets.map((d) => d.id);
  manifest.models.forEach((m, i) =>
    m.trainingDatasets.forEach((id, j) => {
      if (!datasetIds.includes(id))
        problems.push({
          path: ['models', i, 'trainingDatasets', j],
          message: `no dataset with id '${id}' in datasets${didYouMean(id, datasetIds)}`,
        });
    }),
  );
  const seen = new Set<string>();
  manifest.models.forEach((m, i) => {
    if (seen.has(m.id))
      problems.push({ path: ['models', i, 'id'], message: `model id '${m.id}' is listed twice` });
    seen.add(m.id);
  });
  const seenData = new Set<string>();
  manifest.datasets.forEach((d, i) => {
    if (seenData.has(d.id))
      problems.push({ path: ['datasets', i, 'id'], message: `dataset id '${d.id}' is listed twice` });
    seenData.add(d.id);
  });
  const dir = dirname(parsed.file);
  for (const ref of referencedPaths(manifest)) {
    if (!existsSync(resolve(dir, ref.value)))
      problems.push({ path: ref.path, message: `'${ref.value}' does not exist (relative to ${dir})` });
  }
  const first = problems[0];
  if (!first) return;
  throw new InputError(
    problems
      .slice(0, 5)
      .map((p) => {
        const line = parsed.lineOf(p.path);
        return `${parsed.file}${line ? `:${line}` : ''}: ${formatPath(p.path)}: ${p.message}`;
      })
      .join('\n'),
    { file: parsed.file, line: parsed.lineOf(first.path), field: formatPath(first.path) },
  );
}

/**
 * Reads aigis.yaml from a folder (or the given file), validates it and checks that every file it
 * references exists. Throws InputError naming `file:line: field: reason`.
 */
export function loadManifest(dirOrFile: string): LoadedManifest {
  const file = resolveManifestFile(dirOrFile);
  let parsed: ParsedFile;
  try {
    parsed = parseStructuredFile(file, { maxBytes: MAX_MANIFEST_BYTES });
  } catch (err) {
    if (err instanceof InputError) throw err;
    // The YAML library throws plain errors for some malformed documents (an alias without its anchor).
    throw new InputError(`${file}: ${(err as Error).message.split('\n')[0]}`, { file, cause: err });
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data))
    throw new InputError(`${file}:1: (root): the manifest must be a mapping with name, owner, models, ...`, {
      file,
      line: 1,
    });
  const manifest = validateManifest(parsed);
  checkReferences(manifest, parsed);
  return {
    manifest,
    file,
    dir: dirname(file),
    lineOf: (path) => parsed.lineOf(path),
    declared: new Set(Object.keys(parsed.data)),
  };
}
