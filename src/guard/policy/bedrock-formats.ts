/**
 * Reading and writing Bedrock guardrails as CloudFormation (`AWS::Bedrock::Guardrail`),
 * Terraform (`aws_bedrock_guardrail`, .tf or .tf.json) and CreateGuardrail request JSON.
 */
import { readFileSync } from 'node:fs';
import { stringify as stringifyYaml, type Tags } from 'yaml';
import { InputError } from '../../util/errors.js';
import { formatPath, parseStructuredFile, type ParsedFile } from '../../util/structured-file.js';
import { exportBedrockRequest, importBedrockRequest, type ImportResult } from './bedrock.js';
import type { GuardPolicy } from './schema.js';
import { inputFileSize } from '../../util/files.js';

const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
export const CFN_GUARDRAIL_TYPE = 'AWS::Bedrock::Guardrail';
export const TF_GUARDRAIL_TYPE = 'aws_bedrock_guardrail';

export type BedrockFormat = 'cloudformation' | 'terraform' | 'json';

// ---------- key spelling ----------

/** CloudFormation names that are not just the API name with a capital first letter (API name -> CFN name). */
const CFN_RENAMES_BY_PARENT: Record<string, Record<string, string>> = {
  contentPolicyConfig: { tierConfig: 'ContentFiltersTierConfig' },
  topicPolicyConfig: { tierConfig: 'TopicsTierConfig' },
  '': { kmsKeyId: 'KmsKeyArn' },
};

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const camelToSnake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const snakeToCamel = (s: string): string => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Recursively renames keys (never values); `parent` is the API name of the enclosing key. */
function renameKeys(value: unknown, rename: (key: string, parent: string) => string, parent = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, rename, parent));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const renamed = rename(key, parent);
    // tags are user data: keep their keys
    out[renamed] = renamed === 'tags' || renamed === 'Tags' ? v : renameKeys(v, rename, renamed);
  }
  return out;
}

function cfnToApiKey(key: string, parent: string): string {
  const renames = CFN_RENAMES_BY_PARENT[parent];
  if (renames) for (const [api, cfn] of Object.entries(renames)) if (cfn === key) return api;
  return lowerFirst(key);
}

function apiToCfnKey(key: string, parent: string): string {
  return CFN_RENAMES_BY_PARENT[parent]?.[key] ?? upperFirst(key);
}

function cfnPathFromApiPath(path: ReadonlyArray<string | number>): string {
  let parent = '';
  const out: Array<string | number> = [];
  for (const key of path) {
    if (typeof key === 'number') out.push(key);
    else {
      out.push(apiToCfnKey(key, parent));
      parent = key;
    }
  }
  return formatPath(out);
}

// ---------- reading ----------

/** CloudFormation short-form intrinsics as `{ "Fn::X": ... }` so they surface as non-literal values. */
const CFN_INTRINSIC_TAGS: Tags = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Base64',
].flatMap((name) => {
  const key = name === 'Ref' ? 'Ref' : `Fn::${name}`;
  return [
    { tag: `!${name}`, resolve: (value: string) => ({ [key]: value }) },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (seq: { toJSON(): unknown }) => ({ [key]: seq.toJSON() }) as never,
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (map: { toJSON(): unknown }) => ({ [key]: map.toJSON() }) as never,
    },
  ];
}) as Tags;

export interface ReadOptions {
  dropUnsupported?: boolean;
  /** Logical id (CloudFormation) or resource name (Terraform) when the file has several guardrails. */
  resource?: string;
  /**
   * Resolves the `aws_bedrock_guardrail` resources of a .tf file with its module's variables, locals and
   * `dynamic` blocks evaluated (the CLI passes the scanner's Terraform loader; the guard itself reads HCL
   * only literally). Values that stay unknown come back as `${...}` expression strings.
   */
  resolveTerraform?: (file: string) => Promise<Array<[name: string, body: unknown]> | undefined>;
}

function pickOne<T>(
  file: string,
  kind: string,
  found: Array<[string, T]>,
  wanted: string | undefined,
): [string, T] {
  if (wanted !== undefined) {
    const hit = found.find(([id]) => id === wanted);
    if (!hit)
      throw new InputError(
        `${file}: no ${kind} named '${wanted}' (found: ${found.map(([id]) => id).join(', ') || 'none'})`,
        {
          file,
          field: 'resource',
        },
      );
    return hit;
  }
  if (found.length === 0) throw new InputError(`${file}: no ${kind} resource found`, { file });
  if (found.length > 1)
    throw new InputError(
      `${file}: ${found.length} ${kind} resources (${found.map(([id]) => id).join(', ')}); choose one with --resource`,
      { file, field: 'resource' },
    );
  return found[0]!;
}

const NOT_READ_FIELDS = new Set([
  'Tags',
  'KmsKeyArn',
  'CrossRegionConfig',
  'tags',
  'tagsAll',
  'tags_all',
  'kmsKeyId',
  'kms_key_arn',
  'crossRegionConfig',
  'cross_region_config',
  'clientRequestToken',
  'region',
  'timeouts',
]);

/** A non-literal value (intrinsic function, Terraform expression) where aigis needs a literal. */
function findNonLiteral(
  value: unknown,
  path: Array<string | number>,
  isExpression: (v: unknown) => boolean,
): Array<string | number> | undefined {
  if (isExpression(value)) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNonLiteral(value[i], [...path, i], isExpression);
      if (hit) return hit;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      // fields aigis drops anyway may be expressions (a KMS key from !GetAtt, tags from variables)
      if (path.length === 0 && NOT_READ_FIELDS.has(k)) continue;
      const hit = findNonLiteral(v, [...path, k], isExpression);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Names and messages are often built from variables (`"${var.env}-guardrail"`, `!Sub`). They do not
 * change what the guard does, so an expression there is replaced (name: the resource's own name;
 * description and messages: aigis defaults) with a warning instead of failing the import.
 */
function replaceSoftExpressions(
  body: unknown,
  isExpression: (v: unknown) => boolean,
  resourceName: string,
  where: (key: string) => string,
): { value: unknown; warnings: string[] } {
  if (!isRecord(body)) return { value: body, warnings: [] };
  const out: Record<string, unknown> = { ...body };
  const warnings: string[] = [];
  for (const key of Object.keys(out)) {
    if (!isExpression(out[key])) continue;
    const api = snakeToCamel(lowerFirst(key));
    if (api === 'name') {
      out[key] = resourceName.replace(/[^0-9a-zA-Z_-]/g, '-').slice(0, 50);
      warnings.push(`${where(key)}: an expression; using the resource name '${String(out[key])}'`);
    } else if (['description', 'blockedInputMessaging', 'blockedOutputsMessaging'].includes(api)) {
      delete out[key];
      warnings.push(`${where(key)}: an expression; using the aigis default`);
    }
  }
  return { value: out, warnings };
}

const isCfnIntrinsic = (v: unknown): boolean =>
  isRecord(v) && Object.keys(v).length === 1 && /^(Ref|Fn::\w+|Condition)$/.test(Object.keys(v)[0]!);

function importCloudFormation(
  parsed: ParsedFile,
  properties: unknown,
  prefix: Array<string | number>,
  opts: ReadOptions,
): ImportResult {
  const describePath = (path: ReadonlyArray<string | number>): string => {
    const cfnPath = cfnPathFromApiPath(path);
    const line = parsed.lineOf([
      ...prefix,
      ...cfnPath
        .split(/\.|\[|\]/)
        .filter(Boolean)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    ]);
    return `${parsed.file}${line ? `:${line}` : ''}: ${formatPath(prefix)}.${cfnPath}`;
  };
  const { value: literalProperties, warnings: softWarnings } = replaceSoftExpressions(
    properties,
    isCfnIntrinsic,
    String(prefix[1] ?? 'Guardrail'),
    (key) => `${parsed.file}: ${formatPath([...prefix, key])}`,
  );
  const nonLiteral = findNonLiteral(literalProperties, [], isCfnIntrinsic);
  if (nonLiteral) {
    const where = [...prefix, ...nonLiteral];
    const line = parsed.lineOf(where);
    throw new InputError(
      `${parsed.file}${line ? `:${line}` : ''}: ${formatPath(where)}: a CloudFormation intrinsic function; aigis needs a literal value here`,
      { file: parsed.file, field: formatPath(nonLiteral) },
    );
  }
  const request = renameKeys(literalProperties, cfnToApiKey);
  const result = importBedrockRequest(request, { ...opts, describePath, label: parsed.file });
  return { ...result, warnings: [...softWarnings, ...result.warnings] };
}

/** Terraform blocks that occur once (hcl2json gives every block as a list). */
const TF_SINGLE_BLOCKS = new Set([
  'content_policy_config',
  'topic_policy_config',
  'word_policy_config',
  'sensitive_information_policy_config',
  'contextual_grounding_policy_config',
  'automated_reasoning_policy_config',
  'cross_region_config',
  'tier_config',
  'timeouts',
]);

function terraformToApi(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => terraformToApi(v));
    return TF_SINGLE_BLOCKS.has(key) && items.length === 1 && isRecord(items[0]) ? items[0] : items;
  }
  if (typeof value === 'string') return value.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const camel = k === 'kms_key_arn' ? 'kmsKeyId' : snakeToCamel(k);
    out[camel] = k === 'tags' || k === 'tags_all' ? v : terraformToApi(v, k);
  }
  return out;
}

/** `${...}` not escaped as `$${` is a Terraform expression (hcl2json keeps expressions as such strings). */
const isTerraformExpression = (v: unknown): boolean => typeof v === 'string' && /(^|[^$])\$\{/.test(v);

async function importTerraform(
  file: string,
  text: string,
  isJson: boolean,
  opts: ReadOptions,
): Promise<ImportResult> {
  let root: unknown;
  if (isJson) {
    try {
      root = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, { file });
    }
  } else if (!opts.resolveTerraform) {
    try {
      // loaded on first use: the HCL parser is a Go/WASM module that every guard user would pay for
      const { parse: parseHcl } = await import('@cdktf/hcl2json');
      root = await parseHcl(file, text);
    } catch (err) {
      throw new InputError(
        `${file}: not valid HCL (${String((err as Error).message ?? err).split('\n')[0]})`,
        { file },
      );
    }
  }
  const resolved = !isJson && opts.resolveTerraform ? await opts.resolveTerraform(file) : undefined;
  const resources = isRecord(root) && isRecord(root.resource) ? root.resource[TF_GUARDRAIL_TYPE] : undefined;
  const found: Array<[string, unknown]> =
    resolved ??
    (isRecord(resources)
      ? Object.entries(resources).map(([name, body]) => [name, Array.isArray(body) ? body[0] : body])
      : []);
  const [name, body] = pickOne(file, TF_GUARDRAIL_TYPE, found, opts.resource);
  const describePath = (path: ReadonlyArray<string | number>): string => {
    const tfPath = path.map((k) =>
      typeof k === 'string' ? (k === 'kmsKeyId' ? 'kms_key_arn' : camelToSnake(k)) : k,
    );
    return `${file}: ${TF_GUARDRAIL_TYPE}.${name}: ${formatPath(tfPath)}`;
  };
  const { value: literalBody, warnings: softWarnings } = replaceSoftExpressions(
    body,
    isTerraformExpression,
    name,
    (key) => `${file}: ${TF_GUARDRAIL_TYPE}.${name}: ${key}`,
  );
  const nonLiteralRaw = findNonLiteral(literalBody, [], isTerraformExpression);
  if (nonLiteralRaw)
    throw new InputError(
      `${file}: ${TF_GUARDRAIL_TYPE}.${name}: ${formatPath(nonLiteralRaw)}: a Terraform expression; aigis needs a literal value here`,
      { file, field: formatPath(nonLiteralRaw) },
    );
  const result = importBedrockRequest(terraformToApi(literalBody), { ...opts, describePath, label: file });
  return { ...result, warnings: [...softWarnings, ...result.warnings] };
}

/**
 * Reads a Bedrock guardrail from a CloudFormation template (or a single resource), a Terraform file
 * (.tf or .tf.json) or a CreateGuardrail request JSON, and converts it to an aigis policy.
 */
export async function importBedrockFile(file: string, opts: ReadOptions = {}): Promise<ImportResult> {
  const size = inputFileSize(file);
  if (size > MAX_SOURCE_BYTES)
    throw new InputError(`${file}: file is ${size} bytes, over the limit of ${MAX_SOURCE_BYTES}`, { file });
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.tf')) return importTerraform(file, text, false, opts);
  if (file.endsWith('.tf.json')) return importTerraform(file, text, true, opts);

  const parsed = parseStructuredFile(file, { text, customTags: CFN_INTRINSIC_TAGS });
  const data = parsed.data;
  if (!isRecord(data)) throw new InputError(`${file}: expected a mapping at the top level`, { file });
  if (isRecord(data.Resources)) {
    const found = Object.entries(data.Resources).filter(
      ([, r]) => isRecord(r) && r.Type === CFN_GUARDRAIL_TYPE,
    ) as Array<[string, Record<string, unknown>]>;
    const [id, resource] = pickOne(file, CFN_GUARDRAIL_TYPE, found, opts.resource);
    return importCloudFormation(parsed, resource.Properties ?? {}, ['Resources', id, 'Properties'], opts);
  }
  if (data.Type === CFN_GUARDRAIL_TYPE)
    return importCloudFormation(parsed, data.Properties ?? {}, ['Properties'], opts);
  if (isRecord(data.resource)) return importTerraform(file, text, true, opts);
  // CloudFormation Properties on their own use PascalCase; a CreateGuardrail request uses camelCase.
  if ('Name' in data || 'BlockedInputMessaging' in data) return importCloudFormation(parsed, data, [], opts);
  const describePath = (path: ReadonlyArray<string | number>): string => {
    const line = parsed.lineOf(path);
    return `${file}${line ? `:${line}` : ''}: ${formatPath(path)}`;
  };
  return importBedrockRequest(data, { ...opts, describePath, label: file });
}

// ---------- writing ----------

function hclString(value: string): string {
  // Function replacers: in a replacement string `$$` would mean a single `$`.
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function hclValue(value: unknown): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  throw new Error(`cannot write ${typeof value} as an HCL attribute`);
}

/** Writes an object as HCL body lines: arrays of objects become repeated blocks, objects single blocks. */
function hclBody(value: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = camelToSnake(key);
    if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) {
      for (const item of v) lines.push(`${indent}${name} {`, ...hclBody(item, `${indent}  `), `${indent}}`);
    } else if (isRecord(v)) {
      lines.push(`${indent}${name} {`, ...hclBody(v, `${indent}  `), `${indent}}`);
    } else if (v !== undefined) {
      lines.push(`${indent}${name} = ${hclValue(v)}`);
    }
  }
  return lines;
}

export interface ExportedText {
  text: string;
  warnings: string[];
}

/** An aigis policy as a Bedrock guardrail in the given format. */
export function exportBedrock(policy: GuardPolicy, format: BedrockFormat = 'json'): ExportedText {
  const { request, warnings } = exportBedrockRequest(policy);
  if (format === 'json') return { text: `${JSON.stringify(request, null, 2)}\n`, warnings };
  const logicalId =
    policy.name
      .split(/[^0-9a-zA-Z]+/)
      .map(upperFirst)
      .join('') || 'Guardrail';
  if (format === 'cloudformation') {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `Bedrock guardrail exported from the aigis policy ${policy.name}`,
      Resources: {
        [logicalId]: { Type: CFN_GUARDRAIL_TYPE, Properties: renameKeys(request, apiToCfnKey) },
      },
    };
    return { text: stringifyYaml(template, { lineWidth: 0 }), warnings };
  }
  const resourceName = policy.name.replace(/[^0-9a-zA-Z_-]/g, '_').replace(/^([^a-zA-Z_])/, '_$1');
  const body = hclBody(
    renameKeys(request, (k) => (k === 'kmsKeyId' ? 'kmsKeyArn' : k)) as Record<string, unknown>,
    '  ',
  );
  return {
    text: [
      `# Bedrock guardrail exported from the aigis policy ${policy.name}`,
      `resource "${TF_GUARDRAIL_TYPE}" "${resourceName}" {`,
      ...body,
      '}',
      '',
    ].join('\n'),
    warnings,
  };
}
