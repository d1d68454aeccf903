import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../util/errors.js';
import { dataPath } from '../util/paths.js';
import { formatPath, parseStructuredFile, validateParsed, type ParsedFile } from '../util/structured-file.js';
import { didYouMean } from '../util/suggest.js';
import { Catalog, owaspIdIndex } from './catalog.js';
import { ControlsFileSchema, FrameworkSchema, type Control, type Framework, type Scope } from './schema.js';

export interface LoadCatalogOptions {
  /** A folder with `frameworks/` and `controls/` sub-folders; defaults to the catalog shipped in `data/catalog`. */
  dir?: string;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Cross-check errors reported at once, so a broken catalog is fixed in one pass rather than one error per run. */
const MAX_REPORTED = 20;

let defaultCatalog: Catalog | undefined;

export function defaultCatalogDir(): string {
  return dataPath('catalog');
}

/**
 * Reads and validates every framework and control file. The default catalog is read once per process.
 * Throws an InputError naming `file:line: control 'id': field: reason` for the first problems found.
 */
export function loadCatalog(opts: LoadCatalogOptions = {}): Catalog {
  const isDefault = opts.dir === undefined || resolve(opts.dir) === resolve(defaultCatalogDir());
  if (isDefault && defaultCatalog) return defaultCatalog;
  const catalog = readCatalog(opts.dir ?? defaultCatalogDir());
  if (isDefault) defaultCatalog = catalog;
  return catalog;
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir);
  } catch (err) {
    throw new InputError(
      `${dir}: cannot read catalog folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      {
        file: dir,
      },
    );
  }
  return names
    .filter((n) => EXTENSIONS.has(extname(n).toLowerCase()))
    .sort()
    .map((n) => join(dir, n));
}

interface Located<T> {
  value: T;
  parsed: ParsedFile;
  /** Path of the value inside its file, for line lookup. */
  path: PropertyKey[];
}

class Problems {
  readonly items: Array<{ message: string; file: string; line: number | undefined; field: string }> = [];

  add(parsed: ParsedFile, path: PropertyKey[], context: string | undefined, reason: string): void {
    const line = parsed.lineOf(path);
    const field = formatPath(path);
    const where = `${parsed.file}${line ? `:${line}` : ''}`;
    this.items.push({
      message: `${where}: ${context ? `${context}: ` : ''}${field}: ${reason}`,
      file: parsed.file,
      line,
      field,
    });
  }

  throwIfAny(): void {
    const first = this.items[0];
    if (!first) return;
    const more = this.items.length > MAX_REPORTED ? `\n... and ${this.items.length - MAX_REPORTED} more` : '';
    throw new InputError(
      this.items
        .slice(0, MAX_REPORTED)
        .map((p) => p.message)
        .join('\n') + more,
      { file: first.file, line: first.line, field: first.field },
    );
  }
}

function readCatalog(dir: string): Catalog {
  const frameworks = readFrameworks(join(dir, 'frameworks'));
  const controls = readControls(join(dir, 'controls'), frameworks);
  return new Catalog(
    frameworks.map((f) => f.value),
    controls,
  );
}

function readFrameworks(dir: string): Array<Located<Framework>> {
  const out: Array<Located<Framework>> = [];
  const problems = new Problems();
  const seen = new Map<string, Located<Framework>>();
  for (const file of listFiles(dir)) {
    const parsed = parseStructuredFile(file, { maxBytes: MAX_FILE_BYTES });
    const framework = validateParsed(parsed, FrameworkSchema, (path) =>
      requirementContext(parsed.data, path),
    );
    const located = { value: framework, parsed, path: [] };
    const stem = basename(file, extname(file));
    if (stem !== framework.id)
      problems.add(parsed, ['id'], `framework '${framework.id}'`, `must match the file name '${stem}'`);
    const previous = seen.get(framework.id);
    if (previous) {
      problems.add(
        parsed,
        ['id'],
        `framework '${framework.id}'`,
        `duplicate framework id (also in ${previous.parsed.file})`,
      );
      continue;
    }
    seen.set(framework.id, located);
    const ids = new Set<string>();
    framework.requirements.forEach((requirement, i) => {
      for (const id of [requirement.id, ...(requirement.aliases ?? [])]) {
        if (ids.has(id))
          problems.add(
            parsed,
            ['requirements', i, 'id'],
            `requirement '${requirement.id}'`,
            `duplicate id '${id}'`,
          );
        ids.add(id);
      }
    });
    out.push(located);
  }
  problems.throwIfAny();
  return out;
}

function requirementContext(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'requirements' || typeof path[1] !== 'number') return undefined;
  const id = itemId(data, 'requirements', path[1]);
  return id ? `requirement '${id}'` : `requirement #${path[1] + 1}`;
}

function controlContext(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'controls' || typeof path[1] !== 'number') return undefined;
  const id = itemId(data, 'controls', path[1]);
  return id ? `control '${id}'` : `control #${path[1] + 1}`;
}

const ItemWithId = z.object({ id: z.string() });
function itemId(data: unknown, key: string, index: number): string | undefined {
  const list = z.record(z.string(), z.unknown()).safeParse(data);
  const items = list.success ? list.data[key] : undefined;
  if (!Array.isArray(items)) return undefined;
  const item = ItemWithId.safeParse(items[index]);
  return item.success ? item.data.id : undefined;
}

function readControls(dir: string, frameworks: ReadonlyArray<Located<Framework>>): Control[] {
  const frameworksById = new Map(frameworks.map((f) => [f.value.id, f.value]));
  const owaspIds = owaspIdIndex(frameworks.map((f) => f.value));
  const owaspNames = [...new Set(owaspIds.values())];
  const problems = new Problems();
  const seen = new Map<string, string>();
  const controls: Control[] = [];

  for (const file of listFiles(dir)) {
    const parsed = parseStructuredFile(file, { maxBytes: MAX_FILE_BYTES });
    const { controls: raw } = validateParsed(parsed, ControlsFileSchema, (path) =>
      controlContext(parsed.data, path),
    );
    raw.forEach((entry, i) => {
      const at = (...rest: PropertyKey[]): PropertyKey[] => ['controls', i, ...rest];
      const context = `control '${entry.id}'`;
      const report = (path: PropertyKey[], reason: string) => problems.add(parsed, path, context, reason);

      const previous = seen.get(entry.id);
      if (previous) report(at('id'), `duplicate control id (first defined in ${previous})`);
      else seen.set(entry.id, `${file}:${parsed.lineOf(at('id')) ?? '?'}`);

      const responsibility: Partial<Record<Scope, Control['responsibility'][Scope]>> = {};
      for (const [key, value] of Object.entries(entry.responsibility)) {
        const scope = Number(key) as Scope;
        if (!entry.scopes.includes(scope))
          report(
            at('responsibility', key),
            `scope ${key} is not listed in scopes [${entry.scopes.join(', ')}]`,
          );
        else responsibility[scope] = value;
      }
      for (const scope of entry.scopes) {
        if (!(String(scope) in entry.responsibility))
          report(at('responsibility'), `has no entry for scope ${scope}`);
      }

      const owasp: string[] = [];
      entry.owasp.forEach((id, j) => {
        const canonical = owaspIds.get(id.toUpperCase());
        if (!canonical) report(at('owasp', j), `unknown OWASP id '${id}'${didYouMean(id, owaspNames)}`);
        else if (!owasp.includes(canonical)) owasp.push(canonical);
      });

      let compliance = false;
      for (const [frameworkId, requirementIds] of Object.entries(entry.references)) {
        const framework = frameworksById.get(frameworkId);
        if (!framework) {
          report(
            at('references', frameworkId),
            `unknown framework '${frameworkId}'${didYouMean(frameworkId, frameworksById.keys())}`,
          );
          continue;
        }
        if (framework.kind === 'compliance') compliance = true;
        const known = framework.requirements.map((r) => r.id);
        requirementIds.forEach((requirementId, j) => {
          if (!known.includes(requirementId))
            report(
              at('references', frameworkId, j),
              `unknown requirement '${requirementId}' in ${frameworkId}${didYouMean(requirementId, known)}`,
            );
        });
      }
      if (!compliance)
        report(at('references'), 'must reference at least one requirement of a compliance framework');

      controls.push({ ...entry, responsibility, owasp });
    });
  }
  problems.throwIfAny();
  return controls;
}
