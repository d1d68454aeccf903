// Regenerates the JSON Schemas in schemas/ from the zod schemas (npm run schemas).
// test/assess/schema.test.ts fails when a committed schema is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestJsonSchemaText } from '../src/assess/json-schema.js';
import { guardPolicyJsonSchemaText } from '../src/guard/policy/json-schema.js';
import { packageRoot } from '../src/util/paths.js';

const dir = join(packageRoot(), 'schemas');
mkdirSync(dir, { recursive: true });
const schemas: Record<string, string> = {
  'aigis-manifest.schema.json': manifestJsonSchemaText(),
  'guard-policy.schema.json': guardPolicyJsonSchemaText(),
};
for (const [name, text] of Object.entries(schemas)) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote schemas/${name}`);
}
