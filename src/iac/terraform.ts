import { parse as hclParse } from '@cdktf/hcl2json';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isResourceRef, isUnknown, ResourceRef, Unknown, type Resource } from '../resources/types.js';
import {
  applySteps,
  evalNode,
  IdentifierUnknown,
  parseTemplate,
  toTemplateString,
  type Node,
  type Scope,
  type Step,
} from './hcl-expr.js';
import { withoutBom } from './cloudformation.js';
import { suppressionsFromComments, warnMissingReasons } from './suppressions.js';
import { MAX_IAC_FILE_BYTES, type LoadError, type LoadResult, type LoadWarning } from './types.js';

export interface TerraformFile {
  file: string;
  text: string;
}

export interface TerraformOptions {
  /** Reads the .tf files of a local module directory; defaults to the file system. */
  readModuleDir?: (dir: string) => TerraformFile[];
  /** Values for root variables (like -var), over terraform.tfvars and defaults. */
  variables?: Record<string, unknown>;
  /** Read terraform.tfvars / *.auto.tfvars from the root directory (default true; false for text not on disk). */
  readTfvars?: boolean;
}

type Body = Record<string, unknown>;

interface ParsedFile {
  file: string;
  text: string;
  json: Record<string, unknown>;
  /** `resource.type.name` / `data.type.name` / `module.name` -> [first line, last line] of the block. */
  blockLines: Map<string, [number, number]>;
}

/** Resource types of the AWS providers and the utility providers AWS configurations use. */
const EXTERNAL_RESOURCE_TYPE =
  /^(aws|awscc|random|null|tls|time|local|archive|http|external|cloudinit|template)_[a-z0-9_]+$/;

const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
  'dynamic',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isResourceRef(v);

const BLOCK_START = /^\s*(resource|data|module)\s+"?([A-Za-z0-9_-]+)"?(?:\s+"?([A-Za-z0-9_-]+)"?)?\s*\{/;
const TOP_LEVEL =
  /^(resource|data|module|variable|locals|output|provider|terraform|moved|import|check|removed)\b/;

/** Where each resource/data/module block starts and ends; hcl2json gives no positions. */
function findBlockLines(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const lines = text.split('\n');
  let open: string | undefined;
  const close = (endLine: number): void => {
    if (open) out.set(open, [out.get(open)![0], endLine]);
    open = undefined;
  };
  lines.forEach((line, i) => {
    const m = BLOCK_START.exec(line.length > 1000 ? line.slice(0, 1000) : line);
    if (m) {
      close(i);
      const key = m[1] === 'module' ? `module.${m[2]}` : `${m[1]}.${m[2]}.${m[3] ?? ''}`;
      if (!out.has(key)) {
        out.set(key, [i + 1, i + 1]);
        open = key;
      }
    } else if (TOP_LEVEL.test(line)) close(i);
  });
  close(lines.length);
  return out;
}

/** `[main.tf:2,7-3,1: Invalid expression; ...]` -> line 2 and the reason. */
function hclError(file: string, err: unknown): LoadError {
  const text = err instanceof Error ? err.message : String(err);
  const m = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(text);
  if (m) return { file, line: Number(m[1]), message: m[2]!.replace(/\s+/g, ' ').trim() };
  return { file, message: text.replace(/^Error: /, '').slice(0, 300) };
}

export async function parseTerraformFile(file: string, source: string): Promise<ParsedFile | LoadError> {
  const text = withoutBom(source);
  try {
    const json = (await hclParse(basename(file), text)) as Record<string, unknown>;
    return { file, text, json, blockLines: findBlockLines(text) };
  } catch (err) {
    return hclError(file, err);
  }
}

function defaultReadModuleDir(dir: string): TerraformFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).size <= MAX_IAC_FILE_BYTES)
    .map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
}

interface ModuleCall {
  /** `module.a.module.b.` or '' at the root. */
  prefix: string;
  dir: string;
  inputs: Map<string, () => unknown>;
  /** Set when the module itself is created only under an unknowable count/for_each. */
  condition?: Unknown;
  chain: string[];
}

interface Declared<T> {
  body: T;
  file: ParsedFile;
  key: string;
}

/** Evaluation state of one module instance. Values are computed lazily and cached; cycles give Unknown. */
class ModuleScope implements Scope {
  readonly variables = new Map<string, Declared<Body>>();
  readonly locals = new Map<string, { expr: unknown; file: ParsedFile }>();
  readonly resources = new Map<string, Declared<Body>>();
  readonly data = new Map<string, Declared<Body>>();
  readonly modules = new Map<string, Declared<Body>>();
  readonly outputs = new Map<string, Body>();
  private readonly cache = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();
  readonly childScopes = new Map<string, ModuleScope | Unknown>();
  /** Iterator bindings while expanding a dynamic block. */
  bindings = new Map<string, unknown>();

  constructor(
    readonly call: ModuleCall,
    readonly loader: TerraformLoader,
    readonly tfvars: Record<string, unknown>,
  ) {}

  private memo(key: string, compute: () => unknown): unknown {
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.inProgress.has(key)) return new Unknown(`${key} refers to itself`);
    this.inProgress.add(key);
    const value = compute();
    this.inProgress.delete(key);
    this.cache.set(key, value);
    return value;
  }

  evaluate(value: unknown, depth = 0): unknown {
    if (depth > 100) return new Unknown('value nested too deeply');
    if (typeof value === 'string') return evalNode(parseTemplate(value), this);
    if (Array.isArray(value)) return value.map((v) => this.evaluate(v, depth + 1));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'dynamic') continue;
        // `attr = null` means "not set" in Terraform; leaving it out matches plans and unset attributes.
        const value = this.evaluate(v, depth + 1);
        if (value !== null) out[k] = value;
      }
      if (isRecord(value['dynamic'])) this.expandDynamic(value['dynamic'], out, depth);
      return out;
    }
    return value;
  }

  /** `dynamic "x" { for_each = ..., content { ... } }` becomes x blocks when for_each is known. */
  private expandDynamic(dynamic: Record<string, unknown>, out: Record<string, unknown>, depth: number): void {
    for (const [name, defs] of Object.entries(dynamic)) {
      const def = Array.isArray(defs) ? defs[0] : undefined;
      if (!isRecord(def)) continue;
      const iterable = this.evaluate(def['for_each'], depth + 1);
      const iterator = typeof def['iterator'] === 'string' ? def['iterator'] : name;
      const entries: Array<[unknown, unknown]> | undefined = Array.isArray(iterable)
        ? iterable.map((v, i) => [i, v])
        : isRecord(iterable)
          ? Object.entries(iterable)
          : undefined;
      if (!entries || entries.some(([, v]) => isUnknown(v))) {
        out[name] = new Unknown(`dynamic block ${name} depends on values not known statically`);
        continue;
      }
      const content = Array.isArray(def['content']) ? def['content'][0] : def['content'];
      const blocks = entries.map(([key, value]) => {
        const saved = this.bindings;
        this.bindings = new Map(saved).set(iterator, { key, value });
        const block = this.evaluate(content ?? {}, depth + 1);
        this.bindings = saved;
        return block;
      });
      const existing = out[name];
      out[name] = Array.isArray(existing) ? [...existing, ...blocks] : blocks;
    }
  }

  variable(name: string): unknown {
    return this.memo(`var.${name}`, () => {
      const input = this.call.inputs.get(name);
      if (input) return input();
      if (Object.prototype.hasOwnProperty.call(this.tfvars, name)) return this.evaluate(this.tfvars[name]);
      const decl = this.variables.get(name);
      if (!decl) return new Unknown(`variable ${name} is not declared`);
      if (!Object.prototype.hasOwnProperty.call(decl.body, 'default'))
        return new Unknown(`variable ${name} has no default and no value`);
      return this.evaluate(decl.body['default']);
    });
  }

  local(name: string): unknown {
    return this.memo(`local.${name}`, () => {
      const decl = this.locals.get(name);
      return decl ? this.evaluate(decl.expr) : new Unknown(`local ${name} is not declared`);
    });
  }

  child(name: string): ModuleScope | Unknown {
    const existing = this.childScopes.get(name);
    if (existing) return existing;
    const scope = this.loader.moduleScope(this, name);
    this.childScopes.set(name, scope);
    return scope;
  }

  output(name: string): unknown {
    return this.memo(`output.${name}`, () => {
      const body = this.outputs.get(name);
      return body ? this.evaluate(body['value']) : new Unknown(`output ${name} is not declared`);
    });
  }

  dataValue(type: string, name: string, attribute: string): unknown {
    const key = `${type}.${name}`;
    const decl = this.data.get(key);
    if (type === 'aws_iam_policy_document' && decl && (attribute === 'json' || attribute === 'minified_json'))
      return this.memo(`data.${key}.json`, () => policyDocumentJson(this.evaluate(decl.body) as Body));
    return new IdentifierUnknown(`data source data.${key} is read at plan time`, `data.${key}.${attribute}`);
  }

  traverse(root: string, steps: Step[], ev: (n: Node) => unknown): unknown {
    const bound = this.bindings.get(root);
    if (bound !== undefined) return applySteps(bound, steps, ev);
    const first = steps[0];
    const name = first && 'attr' in first ? first.attr : undefined;
    switch (root) {
      case 'var':
        return name ? applySteps(this.variable(name), steps.slice(1), ev) : new Unknown('bad var reference');
      case 'local':
        return name ? applySteps(this.local(name), steps.slice(1), ev) : new Unknown('bad local reference');
      case 'module': {
        const out = steps[1];
        if (!name || !out || !('attr' in out)) return new Unknown('bad module reference');
        // module.x[0].out / module.x["k"].out: the instance index is skipped like a resource's.
        const child = this.child(name);
        if (isUnknown(child)) return child;
        return applySteps(child.output(out.attr), steps.slice(2), ev);
      }
      case 'data': {
        const second = steps[1];
        if (!name || !second || !('attr' in second)) return new Unknown('bad data reference');
        let rest = steps.slice(2);
        if (rest[0] && 'index' in rest[0]) rest = rest.slice(1);
        const attr = rest[0] && 'attr' in rest[0] ? rest[0].attr : '';
        return applySteps(this.dataValue(name, second.attr, attr), rest.slice(1), ev);
      }
      case 'count':
        return new Unknown('count.index differs per instance');
      case 'each':
        return new Unknown('each.key/each.value differ per instance');
      case 'self':
        return new Unknown('self is only known at apply time');
      case 'terraform':
        return new Unknown('terraform.workspace is chosen at run time');
      case 'path': {
        const rel = relative(this.loader.rootDir, this.call.dir) || '.';
        if (name === 'module') return rel;
        if (name === 'root') return '.';
        return new Unknown(`path.${name ?? ''} depends on where terraform runs`);
      }
      default: {
        if (!name) return new Unknown(`reference to ${root}`);
        const key = `${root}.${name}`;
        // A resource declared outside the scanned files is still a reference to a resource of that type
        // (rules can tell a KMS key from an alias); it just does not deref. Other names are unknown.
        if (!this.resources.has(key) && !EXTERNAL_RESOURCE_TYPE.test(root))
          return new Unknown(`reference to ${key}, which is not declared in this module`);
        let rest = steps.slice(1);
        if (rest[0] && 'index' in rest[0]) rest = rest.slice(1);
        const attrPath = rest
          .map((s) => ('attr' in s ? s.attr : 'splat' in s ? '*' : String(ev(s.index))))
          .join('.');
        return new ResourceRef(`${this.call.prefix}${key}`, attrPath || undefined);
      }
    }
  }
}

/** aws_iam_policy_document -> the IAM JSON policy it renders (a string; an object when parts are unknown). */
function policyDocumentJson(doc: Body): unknown {
  const statements: unknown[] = [];
  for (const sourceKey of [
    'source_policy_documents',
    'override_policy_documents',
    'source_json',
    'override_json',
  ]) {
    const src = doc[sourceKey];
    if (src === undefined) continue;
    for (const item of Array.isArray(src) ? src : [src]) {
      if (typeof item !== 'string') return new Unknown(`${sourceKey} cannot be known statically`);
      try {
        const parsed = JSON.parse(item) as { Statement?: unknown };
        statements.push(
          ...(Array.isArray(parsed.Statement)
            ? parsed.Statement
            : parsed.Statement
              ? [parsed.Statement]
              : []),
        );
      } catch {
        return new Unknown(`${sourceKey} is not JSON with known values`);
      }
    }
  }
  const principals = (blocks: unknown): unknown => {
    if (!Array.isArray(blocks)) return undefined;
    const out: Record<string, unknown> = {};
    for (const b of blocks) {
      if (!isRecord(b)) continue;
      const type = b['type'];
      if (type === '*') return '*';
      if (typeof type === 'string') out[type] = b['identifiers'];
    }
    return out;
  };
  const conditions = (blocks: unknown): unknown => {
    if (!Array.isArray(blocks)) return undefined;
    const out: Record<string, Record<string, unknown>> = {};
    for (const b of blocks) {
      if (!isRecord(b) || typeof b['test'] !== 'string' || typeof b['variable'] !== 'string') continue;
      (out[b['test']] ??= {})[b['variable']] = b['values'];
    }
    return out;
  };
  for (const st of Array.isArray(doc['statement']) ? doc['statement'] : []) {
    if (!isRecord(st)) continue;
    const out: Record<string, unknown> = { Effect: st['effect'] ?? 'Allow' };
    const map: Array<[string, string]> = [
      ['sid', 'Sid'],
      ['actions', 'Action'],
      ['not_actions', 'NotAction'],
      ['resources', 'Resource'],
      ['not_resources', 'NotResource'],
    ];
    for (const [from, to] of map) if (st[from] !== undefined) out[to] = st[from];
    const p = principals(st['principals']);
    if (p !== undefined) out['Principal'] = p;
    const np = principals(st['not_principals']);
    if (np !== undefined) out['NotPrincipal'] = np;
    const c = conditions(st['condition']);
    if (c !== undefined) out['Condition'] = c;
    statements.push(out);
  }
  const policy: Record<string, unknown> = { Version: doc['version'] ?? '2012-10-17', Statement: statements };
  if (doc['policy_id'] !== undefined) policy['Id'] = doc['policy_id'];
  return encodeJson(policy);
}

/** jsonencode(): a JSON string, with `${...}` placeholders for references; the value itself while parts are unknown. */
export function encodeJson(value: unknown): unknown {
  const opaque = (v: unknown, depth: number): boolean => {
    if (depth > 100) return true;
    if (isUnknown(v) && !(v instanceof IdentifierUnknown)) return true;
    if (Array.isArray(v)) return v.some((x) => opaque(x, depth + 1));
    if (isRecord(v)) return Object.values(v).some((x) => opaque(x, depth + 1));
    return false;
  };
  if (opaque(value, 0)) return value;
  return JSON.stringify(value, (_k, v: unknown) =>
    isResourceRef(v) || v instanceof IdentifierUnknown ? toTemplateString(v) : v,
  );
}

/** Loads one root module (a directory's .tf files) and the local modules it calls. */
export class TerraformLoader {
  readonly warnings: LoadWarning[] = [];
  readonly errors: LoadError[] = [];
  readonly resources: Resource[] = [];
  private readonly parsedDirs = new Map<string, ParsedFile[]>();
  private readonly downloadedModules = new Map<string, string>();

  constructor(
    readonly rootDir: string,
    private readonly opts: TerraformOptions,
  ) {}

  private async parseFiles(files: TerraformFile[]): Promise<ParsedFile[]> {
    const out: ParsedFile[] = [];
    for (const f of files) {
      const parsed = await parseTerraformFile(f.file, f.text);
      if ('json' in parsed) out.push(parsed);
      else this.errors.push(parsed);
    }
    return out;
  }

  /** Every module directory reachable from the root, parsed up front (hcl2json is async, evaluation is not). */
  private async preloadModules(
    dir: string,
    files: ParsedFile[],
    chain: string[],
    keyPath: string,
  ): Promise<void> {
    this.parsedDirs.set(dir, files);
    if (chain.length > 10) return;
    for (const f of files) {
      const modules = f.json['module'];
      if (!isRecord(modules)) continue;
      for (const [name, defs] of Object.entries(modules)) {
        const body = Array.isArray(defs) ? defs[0] : undefined;
        const childKey = keyPath ? `${keyPath}.${name}` : name;
        const target = isRecord(body) ? this.moduleDir(dir, body['source'], childKey) : undefined;
        if (!target || this.parsedDirs.has(target) || chain.includes(target)) continue;
        const read = this.opts.readModuleDir ?? defaultReadModuleDir;
        const parsed = await this.parseFiles(read(target));
        await this.preloadModules(target, parsed, [...chain, target], childKey);
      }
    }
  }

  /**
   * Local sources resolve against the calling module. Registry and git sources are found where
   * `terraform init` downloaded them (.terraform/modules/modules.json), keyed by the module path `a.b`.
   */
  moduleDir(fromDir: string, source: unknown, keyPath: string): string | undefined {
    if (typeof source !== 'string') return undefined;
    if (source.startsWith('./') || source.startsWith('../')) return resolve(fromDir, source);
    return this.downloadedModules.get(keyPath);
  }

  private readDownloadedModules(root: string): void {
    const manifest = join(root, '.terraform', 'modules', 'modules.json');
    if (this.opts.readModuleDir || !existsSync(manifest) || statSync(manifest).size > MAX_IAC_FILE_BYTES)
      return;
    try {
      const data = JSON.parse(readFileSync(manifest, 'utf8')) as { Modules?: unknown };
      for (const m of Array.isArray(data.Modules) ? data.Modules : []) {
        if (isRecord(m) && typeof m['Key'] === 'string' && m['Key'] !== '' && typeof m['Dir'] === 'string')
          this.downloadedModules.set(m['Key'], resolve(root, m['Dir']));
      }
    } catch {
      this.warnings.push({
        file: manifest,
        message: 'cannot read the downloaded module list; registry modules are skipped',
      });
    }
  }

  async load(files: TerraformFile[]): Promise<void> {
    const parsed = await this.parseFiles(files);
    const root = resolve(this.rootDir);
    this.readDownloadedModules(root);
    await this.preloadModules(root, parsed, [root], '');
    const tfvars = await this.readTfvars(root);
    const scope = this.buildScope({ prefix: '', dir: root, inputs: new Map(), chain: [root] }, tfvars);
    this.emitResources(scope);
  }

  /** terraform.tfvars, *.auto.tfvars (and their .json forms) of the root directory, then explicit values. */
  private async readTfvars(dir: string): Promise<Record<string, unknown>> {
    const values: Record<string, unknown> = {};
    let names: string[] = [];
    if (this.opts.readTfvars === false) return { ...(this.opts.variables ?? {}) };
    try {
      names = readdirSync(dir).sort();
    } catch {
      names = [];
    }
    const ordered = [
      ...names.filter((n) => n === 'terraform.tfvars' || n === 'terraform.tfvars.json'),
      ...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')),
    ];
    for (const name of ordered) {
      const file = join(dir, name);
      if (statSync(file).size > MAX_IAC_FILE_BYTES) continue;
      const text = readFileSync(file, 'utf8');
      try {
        const parsed = name.endsWith('.json') ? (JSON.parse(text) as unknown) : await hclParse(name, text);
        if (isRecord(parsed)) Object.assign(values, parsed);
      } catch (err) {
        this.errors.push(hclError(file, err));
      }
    }
    return { ...values, ...(this.opts.variables ?? {}) };
  }

  buildScope(call: ModuleCall, tfvars: Record<string, unknown>): ModuleScope {
    const scope = new ModuleScope(call, this, tfvars);
    for (const f of this.parsedDirs.get(call.dir) ?? []) {
      const j = f.json;
      const each = (section: unknown, visit: (name: string, body: Body) => void): void => {
        if (!isRecord(section)) return;
        for (const [name, defs] of Object.entries(section)) {
          const body = Array.isArray(defs) ? defs[0] : defs;
          if (isRecord(body)) visit(name, body);
        }
      };
      each(j['variable'], (name, body) =>
        scope.variables.set(name, { body, file: f, key: `variable.${name}` }),
      );
      each(j['output'], (name, body) => scope.outputs.set(name, body));
      each(j['module'], (name, body) => scope.modules.set(name, { body, file: f, key: `module.${name}` }));
      for (const block of Array.isArray(j['locals'])
        ? j['locals']
        : isRecord(j['locals'])
          ? [j['locals']]
          : []) {
        if (isRecord(block))
          for (const [name, expr] of Object.entries(block)) scope.locals.set(name, { expr, file: f });
      }
      for (const [kind, target] of [
        ['resource', scope.resources],
        ['data', scope.data],
      ] as const) {
        const section = j[kind];
        if (!isRecord(section)) continue;
        for (const [type, byName] of Object.entries(section)) {
          if (!isRecord(byName)) continue;
          for (const [name, defs] of Object.entries(byName)) {
            const body = Array.isArray(defs) ? defs[0] : defs;
            if (isRecord(body))
              target.set(`${type}.${name}`, { body, file: f, key: `${kind}.${type}.${name}` });
          }
        }
      }
    }
    return scope;
  }

  /** The scope of `module "name"` called from `parent`, or Unknown when its source is not local or missing. */
  moduleScope(parent: ModuleScope, name: string): ModuleScope | Unknown {
    const decl = parent.modules.get(name);
    if (!decl) return new Unknown(`module ${name} is not declared`);
    // module.a.module.b. -> a.b, the key terraform init gives nested modules.
    const parentKey = parent.call.prefix
      .split('.')
      .filter((_, i) => i % 2 === 1)
      .join('.');
    const dir = this.moduleDir(
      parent.call.dir,
      parent.evaluate(decl.body['source']),
      parentKey ? `${parentKey}.${name}` : name,
    );
    if (!dir || !this.parsedDirs.has(dir) || parent.call.chain.includes(dir) || parent.call.chain.length > 10)
      return new Unknown(
        `module ${name} has a source that is neither a local directory nor downloaded by terraform init`,
      );
    const inputs = new Map<string, () => unknown>();
    for (const [key, value] of Object.entries(decl.body)) {
      if (META_ARGUMENTS.has(key) || key === 'source' || key === 'version' || key === 'providers') continue;
      inputs.set(key, () => parent.evaluate(value));
    }
    const call: ModuleCall = {
      prefix: `${parent.call.prefix}module.${name}.`,
      dir,
      inputs,
      chain: [...parent.call.chain, dir],
    };
    const instances = instanceCondition(decl.body, parent);
    if (instances === false) return new Unknown(`module ${name} is created zero times`);
    const condition = instances instanceof Unknown ? instances : parent.call.condition;
    if (condition) call.condition = condition;
    return this.buildScope(call, {});
  }

  emitResources(scope: ModuleScope): void {
    for (const [key, decl] of scope.resources) {
      const instances = instanceCondition(decl.body, scope);
      if (instances === false) continue;
      const [type, name] = key.split('.') as [string, string];
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(decl.body)) if (!META_ARGUMENTS.has(k)) props[k] = v;
      if (decl.body['dynamic'] !== undefined) props['dynamic'] = decl.body['dynamic'];
      const properties = scope.evaluate(props) as Record<string, unknown>;
      const [line, end] = decl.file.blockLines.get(decl.key) ?? [1, 1];
      const address = `${scope.call.prefix}${key}`;
      const lines = decl.file.text.includes('skip=') ? decl.file.text.split('\n').slice(line - 1, end) : [];
      const suppressions = suppressionsFromComments(lines);
      this.warnings.push(...warnMissingReasons(suppressions, decl.file.file, line, address));
      const resource: Resource = {
        address,
        type,
        name,
        source: 'terraform',
        file: decl.file.file,
        line,
        properties,
        suppressions,
      };
      if (scope.call.prefix) resource.module = scope.call.prefix.slice(0, -1);
      const condition = instances instanceof Unknown ? instances : scope.call.condition;
      if (condition) resource.condition = condition;
      this.resources.push(resource);
    }
    for (const name of scope.modules.keys()) {
      const child = scope.child(name);
      if (child instanceof ModuleScope) this.emitResources(child);
      else if (!/zero times/.test(child.reason)) {
        const decl = scope.modules.get(name)!;
        const source = decl.body['source'];
        if (typeof source === 'string' && (source.startsWith('./') || source.startsWith('../')))
          this.warnings.push({
            file: decl.file.file,
            line: decl.file.blockLines.get(decl.key)?.[0],
            message: `module ${name}: ${child.reason}`,
          });
      }
    }
  }
}

/** count / for_each: false when the block is created zero times, Unknown when that cannot be known, else true. */
function instanceCondition(body: Body, scope: ModuleScope): boolean | Unknown {
  if (body['count'] !== undefined) {
    const count = scope.evaluate(body['count']);
    if (typeof count === 'number') return count > 0;
    return new Unknown(`count cannot be known statically${isUnknown(count) ? `: ${count.reason}` : ''}`);
  }
  if (body['for_each'] !== undefined) {
    const items = scope.evaluate(body['for_each']);
    if (Array.isArray(items)) return items.length > 0;
    if (isRecord(items)) return Object.keys(items).length > 0;
    return new Unknown(`for_each cannot be known statically${isUnknown(items) ? `: ${items.reason}` : ''}`);
  }
  return true;
}

/**
 * Loads Terraform files as one root module (they should share a directory) plus the local modules
 * they call. Parse errors are returned per file in `errors`; the other files still load.
 */
export async function loadTerraformFiles(
  files: TerraformFile[],
  opts: TerraformOptions = {},
): Promise<LoadResult> {
  if (files.length === 0) return { recognized: false, resources: [], warnings: [] };
  const loader = new TerraformLoader(dirname(resolve(files[0]!.file)), opts);
  await loader.load(files);
  return { recognized: true, resources: loader.resources, warnings: loader.warnings, errors: loader.errors };
}
