// Writes the JSON Schemas into the package (pkg/schema/*.json), so that users
// in other languages can take them without running anything. Called by
// scripts/build.sh after wasm-bindgen: the schemas come from the freshly built
// module's `eventJsonSchema`, the same function JS callers get, so the files
// cannot drift from the rule table (tests/types/schema.test.mjs checks them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { eventJsonSchema } = require(join(root, 'pkg/node.cjs'));

const outDir = join(root, 'pkg/schema');
mkdirSync(outDir, { recursive: true });
for (const [file, serviceType] of [
  ['all.json', undefined],
  ['repair_depot.json', 'repair_depot'],
  ['repair_onsite.json', 'repair_onsite'],
]) {
  const schema = eventJsonSchema(serviceType);
  if (schema?.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
    throw new Error(`eventJsonSchema(${serviceType ?? ''}) did not return a 2020-12 schema`);
  }
  writeFileSync(join(outDir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote pkg/schema/${file}`);
}
