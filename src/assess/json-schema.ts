import { z } from 'zod';
import { manifestSchema } from './manifest.js';

export const MANIFEST_SCHEMA_ID = 'https://github.com/aigis/aigis/schemas/aigis-manifest.schema.json';

/** The JSON Schema of aigis.yaml as authors write it (defaults optional), for editor completion. */
export function manifestJsonSchemaText(): string {
  const schema = z.toJSONSchema(manifestSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const out = {
    ...schema,
    $id: MANIFEST_SCHEMA_ID,
    title: 'aigis AI system manifest (aigis.yaml)',
    description:
      'Describes an AI system for `aigis assess`: owner, models, datasets, data subjects, use case, human oversight, infrastructure paths, guard policy, model cards and attestations.',
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
