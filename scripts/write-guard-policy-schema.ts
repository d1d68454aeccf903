// Regenerates schemas/guard-policy.schema.json from the zod policy schema:
//   npx tsx scripts/write-guard-policy-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardPolicyJsonSchemaText } from '../src/guard/policy/json-schema.js';
import { packageRoot } from '../src/util/paths.js';

const dir = join(packageRoot(), 'schemas');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'guard-policy.schema.json'), guardPolicyJsonSchemaText());
console.log('wrote schemas/guard-policy.schema.json');
