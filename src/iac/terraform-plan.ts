import { z } from 'zod';
import { isResourceRef, isUnknown, ResourceRef, Unknown, type Resource } from '../resources/types.js';
import { InputError } from '../util/errors.js';
import { withoutBom } from './cloudformation.js';
import { LineCursor } from './lines.js';
import { notRecognized, type LoadResult } from './types.js';

/**
 * `terraform show -json plan.out` (or of a state: `values`): planned_values.root_module (+ child_modules) hold resolved values;
 * values known only after apply are absent there and flagged in resource_changes[].change.after_unknown;
 * `configuration` keeps the references, so an attribute computed from another resource becomes a
 * ResourceRef to it.
 */

const plannedResource = z
  .object({
    address: z.string(),
    mode: z.string().optional(),
    type: z.string(),
    name: z.string(),
    values: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();

interface PlannedModule {
  resources?: unknown[];
  child_modules?: unknown[];
  address?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isResourceRef(v);

/** `terraform show -json` of a plan (planned_values) or of a state (values): both hold root_module. */
function valuesSection(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const section = data['planned_values'] ?? data['values'];
  return isRecord(section) && isRecord(section['root_module']) ? section : undefined;
}

export function isTerraformPlan(data: unknown): data is Record<string, unknown> {
  return (
    isRecord(data) &&
    ('format_version' in data || 'terraform_version' in data) &&
    valuesSection(data) !== undefined
  );
}

/** Nulls in planned values mean "not set"; the .tf loader leaves unset attributes out, so this does too. */
function stripNulls(value: unknown, depth = 0): unknown {
  if (depth > 100) return new Unknown('value nested too deeply');
  if (Array.isArray(value)) return value.map((v) => stripNulls(v, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = stripNulls(v, depth + 1);
    return out;
  }
  return value;
}

/** Marks values known only after apply; where configuration names a resource, a ResourceRef instead. */
function fillUnknowns(
  values: unknown,
  afterUnknown: unknown,
  expressions: unknown,
  resolveRef: (ref: string) => ResourceRef | undefined,
  depth = 0,
): unknown {
  if (depth > 50) return values;
  if (afterUnknown === true) {
    const refs =
      isRecord(expressions) && Array.isArray(expressions['references']) ? expressions['references'] : [];
    for (const r of refs) {
      const ref = typeof r === 'string' ? resolveRef(r) : undefined;
      if (ref) return ref;
    }
    return new Unknown('known only after apply');
  }
  if (Array.isArray(afterUnknown)) {
    const list = Array.isArray(values) ? [...(values as unknown[])] : [];
    afterUnknown.forEach((au, i) => {
      const expr = Array.isArray(expressions) ? expressions[i] : undefined;
      if (au === true || Array.isArray(au) || isRecord(au))
        list[i] = fillUnknowns(list[i], au, expr, resolveRef, depth + 1);
    });
    return list;
  }
  if (isRecord(afterUnknown)) {
    const obj: Record<string, unknown> = isRecord(values) ? { ...values } : {};
    for (const [k, au] of Object.entries(afterUnknown)) {
      if (au === false) continue;
      const expr = isRecord(expressions) ? expressions[k] : undefined;
      obj[k] = fillUnknowns(obj[k], au, Array.isArray(expr) ? expr : expr, resolveRef, depth + 1);
    }
    return obj;
  }
  return values;
}

/** configuration.root_module(.module_calls.x.module)*: resource address -> its expressions. */
function configurationExpressions(configuration: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const visit = (module: unknown, prefix: string, depth: number): void => {
    if (!isRecord(module) || depth > 20) return;
    for (const r of Array.isArray(module['resources']) ? module['resources'] : []) {
      if (isRecord(r) && typeof r['address'] === 'string')
        out.set(`${prefix}${r['address']}`, r['expressions']);
    }
    const calls = module['module_calls'];
    if (isRecord(calls))
      for (const [name, call] of Object.entries(calls))
        if (isRecord(call)) visit(call['module'], `${prefix}module.${name}.`, depth + 1);
  };
  if (isRecord(configuration)) visit(configuration['root_module'], '', 0);
  return out;
}

export function loadTerraformPlan(source: string, file: string, preParsed?: unknown): LoadResult {
  const text = withoutBom(source);
  let data = preParsed;
  if (data === undefined) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${file}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`, {
        file,
      });
    }
  }
  if (!isTerraformPlan(data)) return notRecognized();

  const lineOf = new Map<string, number>();
  const cursor = new LineCursor(text);
  const addressPattern = /"address":\s*"([^"\\]{1,1000})"/g;
  for (let m = addressPattern.exec(text); m; m = addressPattern.exec(text)) {
    if (!lineOf.has(m[1]!)) lineOf.set(m[1]!, cursor.lineAt(m.index));
  }

  const afterUnknown = new Map<string, unknown>();
  for (const change of Array.isArray(data['resource_changes']) ? data['resource_changes'] : []) {
    if (isRecord(change) && typeof change['address'] === 'string' && isRecord(change['change']))
      afterUnknown.set(change['address'], change['change']['after_unknown']);
  }
  const expressions = configurationExpressions(data['configuration']);

  const planned: Array<{ r: z.infer<typeof plannedResource>; module?: string }> = [];
  const visit = (module: unknown, depth: number): void => {
    if (!isRecord(module) || depth > 20) return;
    const m = module as PlannedModule;
    for (const raw of m.resources ?? []) {
      const parsed = plannedResource.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InputError(`${file}: root_module resource: ${issue.path.join('.')}: ${issue.message}`, {
          file,
        });
      }
      if (parsed.data.mode === 'data') continue;
      planned.push(m.address ? { r: parsed.data, module: m.address } : { r: parsed.data });
    }
    for (const child of m.child_modules ?? []) visit(child, depth + 1);
  };
  visit(valuesSection(data)!['root_module'], 0);

  // References in configuration name resources without their count/for_each index.
  const byBaseAddress = new Map<string, string>();
  for (const { r } of planned) {
    const base = r.address.replace(/\[[^\]]*\]$/, '');
    if (!byBaseAddress.has(base)) byBaseAddress.set(base, r.address);
  }

  const resources: Resource[] = planned.map(({ r, module }) => {
    const base = r.address.replace(/\[[^\]]*\]$/, '');
    const prefix = module ? `${module.replace(/\[[^\]]*\]/g, '')}.` : '';
    const resolveRef = (ref: string): ResourceRef | undefined => {
      if (/^(var|local|data|module|count|each|path)\./.test(ref)) return undefined;
      const parts = ref.split('.');
      if (parts.length < 2) return undefined;
      const target = byBaseAddress.get(`${prefix}${parts[0]}.${parts[1]!.replace(/\[.*$/, '')}`);
      if (!target) return undefined;
      return new ResourceRef(target, parts.slice(2).join('.') || undefined);
    };
    const values = stripNulls(r.values ?? {});
    const configBase = base.replace(/\[[^\]]*\]/g, '');
    const properties = fillUnknowns(
      values,
      afterUnknown.get(r.address) ?? {},
      expressions.get(configBase),
      resolveRef,
    ) as Record<string, unknown>;
    const resource: Resource = {
      address: r.address,
      type: r.type,
      name: r.name,
      source: 'terraform-plan',
      file,
      line: lineOf.get(r.address) ?? 1,
      properties,
      suppressions: [],
    };
    if (module) resource.module = module;
    return resource;
  });
  return { recognized: true, resources, warnings: [] };
}
