// Loads the package under test and every peer, and describes each way of
// validating as a "case": a one-line JS expression over an item `it`, with the
// values it needs bound to `f` and `g`. The same expression is used for the
// agreement check and for timing (see ../cases.mjs), so what is checked is
// exactly what is timed.

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_TYPES } from '../rules.mjs';
import { eventSchema } from './schema.mjs';
import { compileAjv, standaloneSource, fromStandalone } from './ajv.mjs';
import { compileCfworker } from './cfworker.mjs';
import * as zodPeer from './zod.mjs';
import * as valibotPeer from './valibot.mjs';
import { validate as handwritten } from './handwritten.mjs';

const require = createRequire(import.meta.url);
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GENERATED_DIR = join(BENCH_DIR, '.generated');
export const STANDALONE_PATH = join(GENERATED_DIR, 'ajv-standalone.cjs');
// For cold start: the no-order schema alone, as a user who needs one would ship
// it (smaller than the three-schema module, so the stricter comparison).
export const STANDALONE_ONE_PATH = join(GENERATED_DIR, 'ajv-standalone-one.cjs');

/** The installed package (bench/node_modules/servicer-events), or an Error saying how to install it. */
export async function loadPackage() {
  let dir, version;
  try {
    const pj = require.resolve('servicer-events/package.json');
    dir = dirname(pj);
    version = require(pj).version;
  } catch {
    return new Error(
      'servicer-events is not installed in bench/: build it (bash scripts/build.sh) and run bash bench/setup.sh',
    );
  }
  const mod = await import('servicer-events');
  return { mod, dir, version };
}

/** The package's schemas, one per entry of SERVICE_TYPES, if it exports eventJsonSchema(). */
export function packageSchemas(mod) {
  if (typeof mod.eventJsonSchema !== 'function') return null;
  return SERVICE_TYPES.map((st) => (st === undefined ? mod.eventJsonSchema() : mod.eventJsonSchema(st)));
}

/** Writes the Ajv standalone module of `schemas` and loads it (written to a temp name, then renamed). */
export function buildStandalone(schemas, { strict = true } = {}) {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const write = (path, source) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, source);
    renameSync(tmp, path);
  };
  write(STANDALONE_PATH, standaloneSource(schemas, { strict }));
  write(STANDALONE_ONE_PATH, standaloneSource(schemas.slice(0, 1), { strict }));
  delete require.cache[STANDALONE_PATH];
  return fromStandalone(require(STANDALONE_PATH));
}

/**
 * Every case. `pkg` is the loaded package or null; `schemaSource` is 'package'
 * to use its eventJsonSchema() for Ajv and cfworker, else the bench's own.
 * Each case: { id, label, input, expr, f, g, timed, main }.
 */
export function buildCases({ pkg, schemaSource = 'bench' }) {
  const benchSchemas = SERVICE_TYPES.map(eventSchema);
  const pkgSchemas = pkg ? packageSchemas(pkg.mod) : null;
  const schemas = schemaSource === 'package' && pkgSchemas ? pkgSchemas : benchSchemas;
  const strict = schemas === benchSchemas; // a package schema may carry annotations Ajv's strict mode rejects
  const ajv = compileAjv(schemas, { strict });
  const cases = [];
  const add = (c) => cases.push({ timed: true, main: false, ...c });

  if (pkg) {
    const { validateEvent, validateEventJson } = pkg.mod;
    add({ id: 'pkg-object', label: 'servicer-events `validateEvent`', input: 'object', expr: 'f(it.event, it.order).valid', f: validateEvent, main: true });
    add({ id: 'pkg-string', label: 'servicer-events `validateEventJson`', input: 'string', expr: 'f(it.json, it.order).valid', f: validateEventJson, main: true });
    add({ id: 'pkg-bytes', label: 'servicer-events `validateEventJson`', input: 'Uint8Array', expr: 'f(it.bytes, it.order).valid', f: validateEventJson, main: true });
    add({ id: 'pkg-stringify', label: '`JSON.stringify` + `validateEventJson`', input: 'object', expr: 'f(JSON.stringify(it.event), it.order).valid', f: validateEventJson });
  }
  add({ id: 'parse', label: '`JSON.parse` alone', input: 'string', expr: 'f(it.json) !== undefined', f: JSON.parse, main: true, noVerdict: true });
  add({ id: 'decode-parse', label: '`TextDecoder` + `JSON.parse` alone', input: 'Uint8Array', expr: 'f(g.decode(it.bytes)) !== undefined', f: JSON.parse, g: new TextDecoder(), noVerdict: true });
  add({ id: 'stringify', label: '`JSON.stringify` alone', input: 'object', expr: 'f(it.event) !== 0', f: JSON.stringify, noVerdict: true });
  add({ id: 'parse-ajv', label: '`JSON.parse` + Ajv compiled', input: 'string', expr: 'g[it.st](f(it.json))', f: JSON.parse, g: ajv, main: true });
  add({ id: 'ajv', label: 'Ajv 8 compiled (allErrors)', input: 'object', expr: 'g[it.st](it.event)', g: ajv, main: true });
  add({ id: 'ajv-first', label: 'Ajv 8 compiled (first error)', input: 'object', expr: 'g[it.st](it.event)', g: compileAjv(schemas, { strict, allErrors: false }) });
  add({ id: 'ajv-standalone', label: 'Ajv 8 standalone (allErrors)', input: 'object', expr: 'g[it.st](it.event)', g: buildStandalone(schemas, { strict }), main: true });
  add({ id: 'cfworker', label: '@cfworker/json-schema', input: 'object', expr: 'g[it.st].validate(it.event).valid', g: compileCfworker(schemas), main: true });
  add({ id: 'zod', label: 'zod 4', input: 'object', expr: 'g[it.st].safeParse(it.event).success', g: zodPeer.create(), main: true });
  add({ id: 'valibot', label: 'valibot', input: 'object', expr: 'f(g[it.st], it.event).success', f: valibotPeer.safeParse, g: valibotPeer.create(), main: true });
  add({ id: 'hand', label: 'hand-written JS', input: 'object', expr: 'f(it.event, it.st)', f: handwritten, main: true });

  // Verdict-only peers: the other schema, to check it agrees (not timed).
  const other = schemas === benchSchemas ? pkgSchemas : benchSchemas;
  if (other) {
    const name = other === pkgSchemas ? "package's `eventJsonSchema()`" : "bench's hand-written schema";
    const attempt = (c, compile) => {
      try {
        add({ timed: false, ...c, g: compile() });
      } catch (error) {
        add({ ...c, error, timed: false });
      }
    };
    // With the package's schema in use, Ajv on the bench's lighter schema (no
    // recursive check of free-form values) is timed too, for comparison.
    const timed = other === benchSchemas;
    attempt({ id: 'ajv-other-schema', label: `Ajv 8 compiled (allErrors), ${name}`, input: 'object', expr: 'g[it.st](it.event)', timed },
      () => compileAjv(other, { strict: other === benchSchemas }));
    attempt({ id: 'cfworker-other-schema', label: `@cfworker/json-schema, ${name}`, input: 'object', expr: 'g[it.st].validate(it.event).valid' },
      () => compileCfworker(other));
  }
  return { cases, schemaSource: schemas === pkgSchemas ? 'package' : 'bench', hasPackageSchema: !!pkgSchemas };
}
