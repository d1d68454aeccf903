import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadTerraformFiles } from '../iac/index.js';
import { isResourceRef, isUnknown } from '../resources/index.js';
import { InputError } from '../util/errors.js';
import { MAX_IAC_FILE_BYTES } from '../iac/types.js';

const GUARDRAIL_TYPE = 'aws_bedrock_guardrail';

/** Values the loader could not know become the `${...}` expression strings the guard's importer expects. */
function asHclLike(value: unknown, depth = 0): unknown {
  if (depth > 32) return value;
  if (isUnknown(value)) return `\${unknown: ${value.reason}}`;
  if (isResourceRef(value)) return `\${${value.address}${value.attribute ? `.${value.attribute}` : ''}}`;
  if (Array.isArray(value)) return value.map((v) => asHclLike(v, depth + 1));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asHclLike(v, depth + 1)]));
  return value;
}

/**
 * The guardrails declared in `file`, with the root module's variables, locals and `dynamic` blocks
 * evaluated by the scanner's Terraform loader (the module is every .tf file in the file's directory).
 */
export async function resolveTerraformGuardrails(file: string): Promise<Array<[string, unknown]>> {
  const dir = dirname(resolve(file));
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).size <= MAX_IAC_FILE_BYTES)
    .map((path) => ({ file: path, text: readFileSync(path, 'utf8') }));
  const result = await loadTerraformFiles(files);
  const target = resolve(file);
  const error = result.errors?.find((e) => resolve(e.file) === target);
  if (error) throw new InputError(`${file}${error.line ? `:${error.line}` : ''}: ${error.message}`, { file });
  return result.resources
    .filter((r) => r.type === GUARDRAIL_TYPE && r.module === undefined && resolve(r.file) === target)
    .map((r) => [r.name, asHclLike(r.properties)]);
}
