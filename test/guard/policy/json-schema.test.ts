import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { guardPolicyJsonSchema, guardPolicyJsonSchemaText } from '../../../src/guard/policy/json-schema.js';
import { dataPath, packageRoot } from '../../../src/util/paths.js';

describe('published guard policy JSON Schema', () => {
  it('is current (regenerate: npm run schemas)', () => {
    const published = readFileSync(join(packageRoot(), 'schemas', 'guard-policy.schema.json'), 'utf8');
    expect(published).toBe(guardPolicyJsonSchemaText());
  });

  it('accepts the shipped policies and rejects a wrong strength', () => {
    const validate = new Ajv2020({ strict: false }).compile(guardPolicyJsonSchema());
    const policy = parseYaml(readFileSync(dataPath('guard', 'policies', 'default.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    expect(
      validate({ contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'EXTREME' }] } }),
    ).toBe(false);
  });
});
