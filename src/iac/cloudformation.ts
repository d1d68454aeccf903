import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { Resource, SourceFormat } from '../resources/types.js';
import { isUnknown, Unknown } from '../resources/types.js';
import { InputError } from '../util/errors.js';
import { createContext, evaluateCondition, NO_VALUE, resolveValue } from './cfn-intrinsics.js';
import { expandForEach } from './cfn-foreach.js';
import { CLOUDFORMATION_TAGS } from './cfn-yaml.js';
import { LineCursor } from './lines.js';
import { expandSamResource, hasSamTransform, implicitApi, type RawResource } from './sam.js';
import { suppressionsFromComments, suppressionsFromMetadata, warnMissingReasons } from './suppressions.js';
import { notRecognized, type LoadResult, type LoadWarning } from './types.js';

export interface CloudFormationOptions {
  /** Parameter values that override the template's defaults (like `--parameter-overrides`). */
  parameters?: Record<string, string>;
  /** `cdk` when the template comes from a CDK cloud assembly. */
  source?: Extract<SourceFormat, 'cloudformation' | 'cdk'>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const RESOURCE_TYPE = /^(AWS|Custom|Alexa)::/;
/** Markers of a template strong enough that a parse failure is worth reporting rather than skipping the file. */
const TEMPLATE_MARKER = /(^|[\n{,])\s*["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/;

const resourceEntrySchema = z
  .object({
    Type: z.string().min(1),
    Properties: z.record(z.string(), z.unknown()).optional(),
    Metadata: z.record(z.string(), z.unknown()).optional(),
    Condition: z.string().optional(),
  })
  .loose();

/** A parsed template and where its logical ids are declared. */
interface ParsedTemplate {
  data: unknown;
  /** Logical id -> 1-based line of its key under Resources. */
  lineOfResource(id: string): number;
  /** Lines of each resource's block, for inline suppression comments (YAML only). */
  blockLines(id: string): string[];
}

function parseError(file: string, line: number | undefined, reason: string): InputError {
  return new InputError(`${file}${line ? `:${line}` : ''}: ${reason}`, { file, line });
}

/** A JSON file that does not parse: its error, located by the position JSON.parse reports. */
function jsonError(text: string, file: string, err: unknown): InputError {
  const message = err instanceof Error ? err.message : String(err);
  const position = /at position (\d+)/.exec(message);
  const line = position ? new LineCursor(text).lineAt(Number(position[1])) : undefined;
  return parseError(file, line, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`);
}

function parseJsonTemplate(text: string, file: string): ParsedTemplate {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonError(text, file, err);
  }
  const lines = new Map<string, number>();
  const resources = isRecord(data) ? data['Resources'] : undefined;
  if (isRecord(resources)) {
    const cursor = new LineCursor(text);
    const section = /"Resources"\s*:/.exec(text);
    let pos = section ? section.index + section[0].length : 0;
    // Logical ids are alphanumeric and JSON keeps key order, so each key is found after the previous one.
    for (const id of Object.keys(resources)) {
      const needle = `"${id}"`;
      let at = text.indexOf(needle, pos);
      while (at !== -1) {
        let after = at + needle.length;
        while (
          after < text.length &&
          (text[after] === ' ' || text[after] === '\n' || text[after] === '\r' || text[after] === '\t')
        )
          after++;
        if (text[after] === ':') break;
        at = text.indexOf(needle, at + 1);
      }
      if (at === -1) continue;
      lines.set(id, cursor.lineAt(at));
      pos = at + needle.length;
    }
  }
  return { data, lineOfResource: (id) => lines.get(id) ?? 1, blockLines: () => [] };
}

function parseYamlTemplate(text: string, file: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      customTags: CLOUDFORMATION_TAGS,
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      strict: false,
    });
  } catch (err) {
    throw parseError(
      file,
      undefined,
      `cannot parse YAML: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const first = doc.errors[0];
  if (first)
    throw parseError(
      file,
      lineCounter.linePos(first.pos[0]).line,
      first.message.split('\n')[0] ?? 'invalid YAML',
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw parseError(file, undefined, err instanceof Error ? err.message : String(err));
  }
  const keyLines = new Map<string, { line: number; end: number }>();
  const contents = doc.contents;
  if (isMap(contents)) {
    const section = contents.items.find((p) => isScalar(p.key) && p.key.value === 'Resources');
    if (section && isMap(section.value)) {
      const items = section.value.items;
      const sectionEnd = section.value.range ? lineCounter.linePos(section.value.range[1]).line : undefined;
      items.forEach((pair, i) => {
        if (!isScalar(pair.key) || !pair.key.range) return;
        const line = lineCounter.linePos(pair.key.range[0]).line;
        const next = items[i + 1]?.key;
        const nextLine =
          isScalar(next) && next.range ? lineCounter.linePos(next.range[0]).line - 1 : undefined;
        keyLines.set(String(pair.key.value), { line, end: nextLine ?? sectionEnd ?? line });
      });
    }
  }
  let textLines: string[] | undefined;
  return {
    data,
    lineOfResource: (id) => keyLines.get(id)?.line ?? 1,
    blockLines(id) {
      const at = keyLines.get(id);
      if (!at) return [];
      textLines ??= text.split('\n');
      return textLines.slice(at.line - 1, at.end);
    },
  };
}

function isTemplate(data: unknown): data is Record<string, unknown> {
  if (!isRecord(data)) return false;
  if ('AWSTemplateFormatVersion' in data) return true;
  const resources = data['Resources'];
  if (!isRecord(resources)) return false;
  return Object.entries(resources).some(
    ([key, r]) =>
      key.startsWith('Fn::ForEach::') ||
      (isRecord(r) && typeof r['Type'] === 'string' && RESOURCE_TYPE.test(r['Type'])),
  );
}

/** Parameter values: overrides, then defaults; lists split; SSM-backed ones and ones without a default are Unknown. */
function resolveParameters(parameters: unknown, overrides: Record<string, string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(parameters)) return out;
  for (const [name, def] of Object.entries(parameters)) {
    const spec = isRecord(def) ? def : {};
    const type = typeof spec['Type'] === 'string' ? spec['Type'] : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value')) {
      out.set(name, new Unknown(`parameter ${name} is read from SSM at deploy time`));
      continue;
    }
    const raw = Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : spec['Default'];
    if (raw === undefined || raw === null) {
      out.set(name, new Unknown(`parameter ${name} has no default`));
      continue;
    }
    const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
    out.set(name, isList && typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : raw);
  }
  return out;
}

/** Editors on Windows often save a UTF-8 byte order mark, which JSON.parse rejects. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Quick test on the raw text, so files that are clearly not templates are never parsed. */
export function mightBeCloudFormation(text: string): boolean {
  return text.includes('Resources') || text.includes('AWSTemplateFormatVersion');
}

/**
 * Loads a CloudFormation (or SAM, or CDK-synthesized) template from JSON or YAML text.
 * Not a template -> `recognized: false`. Malformed YAML/JSON in a file that looks like a template ->
 * InputError `file:line: reason`.
 */
export function loadCloudFormation(
  source: string,
  file: string,
  opts: CloudFormationOptions = {},
): LoadResult {
  const text = withoutBom(source);
  if (!mightBeCloudFormation(text)) return notRecognized();
  // A document that starts with '{' is JSON: its errors are reported as JSON errors, not as YAML ones.
  const isJson = text.trimStart().startsWith('{');
  let parsed: ParsedTemplate;
  try {
    parsed = isJson ? parseJsonTemplate(text, file) : parseYamlTemplate(text, file);
  } catch (err) {
    if (err instanceof InputError && TEMPLATE_MARKER.test(text.slice(0, 65536))) throw err;
    return notRecognized();
  }
  const { data } = parsed;
  if (!isTemplate(data)) return notRecognized();
  return buildResources(data, parsed, file, opts);
}

function buildResources(
  template: Record<string, unknown>,
  parsed: ParsedTemplate,
  file: string,
  opts: CloudFormationOptions,
): LoadResult {
  const source = opts.source ?? 'cloudformation';
  const warnings: LoadWarning[] = [];
  const sam = hasSamTransform(template['Transform']);
  const globals = sam && isRecord(template['Globals']) ? template['Globals'] : {};
  const ctx = createContext({
    parameters: resolveParameters(template['Parameters'], opts.parameters ?? {}),
    mappings: isRecord(template['Mappings']) ? template['Mappings'] : {},
    conditions: isRecord(template['Conditions']) ? template['Conditions'] : {},
  });
  const loopOrigins = new Map<string, string>();
  const rawResources = expandForEach(
    isRecord(template['Resources']) ? template['Resources'] : {},
    (collection) => resolveValue(collection, ctx),
    (loop, reason) =>
      warnings.push({ file, line: parsed.lineOfResource(loop), message: `${loop} not expanded: ${reason}` }),
    loopOrigins,
  );

  const expanded: RawResource[] = [];
  for (const [id, entry] of Object.entries(rawResources)) {
    // The common well-formed case is checked by hand; zod runs only to describe what is wrong.
    const wellFormed =
      isRecord(entry) &&
      typeof entry['Type'] === 'string' &&
      entry['Type'] !== '' &&
      (entry['Properties'] === undefined || isRecord(entry['Properties'])) &&
      (entry['Metadata'] === undefined || isRecord(entry['Metadata'])) &&
      (entry['Condition'] === undefined || typeof entry['Condition'] === 'string');
    const check = wellFormed ? undefined : resourceEntrySchema.safeParse(entry);
    if (check && !check.success) {
      const issue = check.error.issues[0]!;
      const field = ['Resources', id, ...issue.path.map(String)].join('.');
      const line = parsed.lineOfResource(loopOrigins.get(id) ?? id);
      throw new InputError(`${file}:${line}: ${field}: ${issue.message}`, {
        file,
        line,
        field,
      });
    }
    const body = entry as Record<string, unknown>;
    const lineOf = loopOrigins.get(id) ?? id;
    if (sam)
      expanded.push(
        ...expandSamResource(id, body, globals).map((r) => (r.lineOf === id ? { ...r, lineOf } : r)),
      );
    else expanded.push({ logicalId: id, lineOf, body });
  }
  if (sam) expanded.push(...implicitApi(rawResources, globals));

  const addressOf = (r: RawResource): string => `${r.addressType ?? String(r.body['Type'])}.${r.logicalId}`;
  for (const r of expanded) ctx.resources.set(r.logicalId, addressOf(r));

  // cdk-nag addStackSuppressions (and the same keys written by hand) apply to every resource of the template.
  const templateSuppressions = suppressionsFromMetadata(template['Metadata']);
  const resources: Resource[] = [];
  for (const raw of expanded) {
    const type = String(raw.body['Type']);
    const address = addressOf(raw);
    const line = parsed.lineOfResource(raw.lineOf);
    const conditionName = raw.body['Condition'];
    let condition: Unknown | undefined;
    if (typeof conditionName === 'string') {
      const value = evaluateCondition(conditionName, ctx);
      if (value === false) continue;
      if (isUnknown(value))
        condition = new Unknown(`created only when condition ${conditionName} holds: ${value.reason}`);
    }
    const resolved = resolveValue(raw.body['Properties'] ?? {}, ctx);
    let properties: Record<string, unknown>;
    if (isRecord(resolved)) properties = resolved;
    else {
      properties = {};
      if (resolved !== NO_VALUE)
        warnings.push({
          file,
          line,
          message: `${address}: Properties cannot be resolved statically (${isUnknown(resolved) ? resolved.reason : 'not a map'})`,
        });
    }
    const suppressions = [
      ...templateSuppressions,
      ...suppressionsFromMetadata(raw.body['Metadata']),
      ...suppressionsFromComments(parsed.blockLines(raw.lineOf)),
    ];
    warnings.push(...warnMissingReasons(suppressions, file, line, address));
    const resource: Resource = {
      address,
      type,
      name: raw.logicalId,
      source,
      file,
      line,
      properties,
      suppressions,
    };
    if (condition) resource.condition = condition;
    resources.push(resource);
  }
  return { recognized: true, resources, warnings };
}
