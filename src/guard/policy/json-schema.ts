import { z } from 'zod';
import { guardPolicySchema } from './schema.js';

export const GUARD_POLICY_SCHEMA_ID = 'https://github.com/aigis/aigis/schemas/guard-policy.schema.json';

/** The JSON Schema of a policy file as users write it (defaults optional), for editors and other tools. */
export function guardPolicyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(guardPolicySchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: GUARD_POLICY_SCHEMA_ID,
    title: 'aigis guard policy',
    description:
      'Runtime guard policy for aigis (createGuard, aigis guard scan, aigis gateway). The Bedrock part uses the names of the Amazon Bedrock CreateGuardrail API.',
  };
}

export function guardPolicyJsonSchemaText(): string {
  return `${JSON.stringify(guardPolicyJsonSchema(), null, 2)}\n`;
}
