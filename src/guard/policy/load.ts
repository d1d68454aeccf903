import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../../util/errors.js';
import { dataPath } from '../../util/paths.js';
import { formatPath, loadStructuredFile } from '../../util/structured-file.js';
import { didYouMean } from '../../util/suggest.js';
import { guardPolicySchema, type GuardPolicy, type GuardPolicyInput } from './schema.js';

/** A policy object, a path to a YAML/JSON policy file, or the name of a shipped policy such as `default`. */
export type PolicySource = GuardPolicyInput | GuardPolicy | string;

const MAX_POLICY_BYTES = 2 * 1024 * 1024;

/** Names of the policies shipped in data/guard/policies (`default`, ...). */
export function shippedPolicyNames(): string[] {
  const dir = dataPath('guard', 'policies');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** Where a policy name or path points. A bare name (no slash, no extension) is a shipped policy. */
export function resolvePolicyFile(nameOrPath: string): string {
  const isBareName = !/[\\/]/.test(nameOrPath) && extname(nameOrPath) === '';
  if (isBareName) {
    const names = shippedPolicyNames();
    if (names.includes(nameOrPath)) return dataPath('guard', 'policies', `${nameOrPath}.yaml`);
    if (!existsSync(nameOrPath))
      throw new InputError(
        `unknown policy '${nameOrPath}'${didYouMean(nameOrPath, names)}; give a policy file or one of: ${names.join(', ')}`,
        { field: 'policy' },
      );
  }
  return nameOrPath;
}

/** Reads and validates a policy file; errors name file:line: field. */
export function loadPolicyFile(file: string): GuardPolicy {
  if (existsSync(file) && !statSync(file).isFile())
    throw new InputError(`${file}: not a file (give a policy YAML or JSON file)`, { file, field: 'policy' });
  return loadStructuredFile(file, guardPolicySchema, { maxBytes: MAX_POLICY_BYTES });
}

/** Validates a policy given as an object; errors name the field (`policy: contentPolicy.filters[0].type: ...`). */
export function parsePolicy(value: unknown, label = 'policy'): GuardPolicy {
  const result = guardPolicySchema.safeParse(value);
  if (result.success) return result.data;
  const messages = result.error.issues
    .slice(0, 5)
    .map((issue) => `${label}: ${formatPath(issue.path)}: ${issue.message}`);
  const first = result.error.issues[0]!;
  throw new InputError(messages.join('\n'), { field: formatPath(first.path) });
}

/** Any policy source to a validated policy; no argument is the shipped `default` policy. */
export function loadPolicy(source: PolicySource = 'default'): GuardPolicy {
  if (typeof source === 'string') return loadPolicyFile(resolvePolicyFile(source));
  return parsePolicy(source);
}
