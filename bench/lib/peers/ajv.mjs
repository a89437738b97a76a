// Ajv 8 (draft 2020-12): compiled in process, and standalone code written to a
// module ahead of time. `allErrors: true` because the package reports every
// error; the first-error variant is timed too, for reference.

import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { SERVICE_TYPES } from '../rules.mjs';

/** `schemas`: one per entry of SERVICE_TYPES. Returns one validate function per schema. */
export function compileAjv(schemas, { allErrors = true, strict = true } = {}) {
  return schemas.map((s) => new Ajv2020({ allErrors, strict }).compile(withoutId(s)));
}

/** CommonJS source of a module exporting v0, v1, v2 (one per schema, in the order of SERVICE_TYPES). */
export function standaloneSource(schemas, { allErrors = true, strict = true } = {}) {
  const ajv = new Ajv2020({ allErrors, strict, code: { source: true } });
  const refs = {};
  schemas.forEach((s, i) => {
    ajv.addSchema(withoutId(s), `v${i}`);
    refs[`v${i}`] = `v${i}`;
  });
  if (schemas.length > SERVICE_TYPES.length) throw new Error('at most one schema per service type');
  return standaloneCode(ajv, refs);
}

/** The validate functions of a loaded standalone module, one per entry of SERVICE_TYPES. */
export const fromStandalone = (mod) => [mod.v0, mod.v1, mod.v2];

// Several schemas with one `$id` cannot live in one Ajv instance; refs inside
// them are relative (`#/$defs/...`), so the id is not needed.
function withoutId(schema) {
  if (!schema || typeof schema !== 'object' || !('$id' in schema)) return schema;
  const { $id, ...rest } = schema;
  return rest;
}
