// The JSON Schema agrees with the validator: Ajv (draft 2020-12, allErrors)
// compiled from `eventJsonSchema()` gives the same verdict as `validateEvent`
// on every shared test vector it can express and on 10,000 seeded generated
// events, and the schema files shipped in the package are that schema.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { eventCatalog, eventJsonSchema, validateEvent, validateEventJson } from 'servicer-events';

const require = createRequire(import.meta.url);
const vectorsDir = new URL('../vectors/', import.meta.url);

const SERVICE_TYPES = ['repair_depot', 'repair_onsite'];
const MAX_TIMESTAMP = 8_640_000_000_000_000;

/** One compiled schema per service type, and `all` for no order. */
function compileSchemas() {
  const ajv = new Ajv2020({ allErrors: true });
  const validators = { all: ajv.compile(eventJsonSchema()) };
  for (const t of SERVICE_TYPES) validators[t] = ajv.compile(eventJsonSchema(t));
  return validators;
}
const schemas = compileSchemas();

/** What the schema says of `event` for an order of `serviceType` (or none). */
function schemaVerdict(event, serviceType, limits) {
  const validate = limits ? new Ajv2020({ allErrors: true }).compile(withLimits(eventJsonSchema(serviceType), limits)) : schemas[serviceType ?? 'all'];
  return { valid: validate(event), errors: validate.errors };
}

const DEFAULTS = eventCatalog().limits;
/** The limits the schema states (at their defaults); the others it cannot. */
const STATED = ['maxEventNameLength', 'maxStringLength', 'maxArrayItems'];

/**
 * The schema as it would be for a call that overrides limits: the event
 * name's `maxLength`, every other `maxLength` (strings and keys, stated at
 * maxStringLength's default) and every `maxItems` take the call's values.
 */
function withLimits(schema, given) {
  const limits = { ...DEFAULTS, ...given };
  const copy = structuredClone(schema);
  (function walk(node) {
    if (node === null || typeof node !== 'object') return;
    if (node.maxLength === DEFAULTS.maxStringLength) node.maxLength = limits.maxStringLength;
    if ('maxItems' in node) node.maxItems = limits.maxArrayItems;
    for (const value of Object.values(node)) walk(value);
  })(copy);
  copy.properties.event.maxLength = limits.maxEventNameLength;
  return copy;
}

/** A limit the validator reported that the schema cannot state, if any. */
function unstatedLimit(result) {
  for (const issue of result.errors) {
    if (issue.code !== 'limit_exceeded') continue;
    const name = /\((max[A-Za-z]+)\)$/.exec(issue.expected ?? '')?.[1];
    if (!STATED.includes(name)) return name;
  }
  return null;
}

test('the package ships the schemas eventJsonSchema returns', () => {
  assert.deepEqual(require('servicer-events/schema/all.json'), eventJsonSchema());
  for (const t of SERVICE_TYPES) {
    assert.deepEqual(require(`servicer-events/schema/${t}.json`), eventJsonSchema(t));
  }
  assert.deepEqual(eventJsonSchema(undefined), eventJsonSchema());
});

test('the schema is draft 2020-12 and says what it cannot express', () => {
  for (const t of [undefined, ...SERVICE_TYPES]) {
    const schema = eventJsonSchema(t);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    for (const what of ['maxDepth', 'maxKeys', 'twice', 'accepted', 'closed', 'possible_typo']) {
      assert.match(schema.$comment, new RegExp(what), what);
    }
  }
});

// Codes of rules a JSON Schema cannot express (see the schema's $comment):
// a vector expecting one of them is not a case for the schema.
const NOT_EXPRESSIBLE = new Map([
  ['duplicate_key', 'a duplicate key in JSON text'],
  ['invalid_json', 'a JSON syntax error'],
  ['not_json', 'a value JSON cannot carry'],
  ['order_not_accepted', "the order's status"],
  ['order_closed', "the order's status"],
]);

/** Why the schema cannot judge this vector, or `null` when it can. */
function skipReason(c) {
  if (!Object.hasOwn(c, 'event')) {
    if (typeof c.body !== 'string') return 'neither an event nor a JSON text body';
    try {
      JSON.parse(c.body);
    } catch {
      return 'a body JSON.parse rejects';
    }
  }
  if (c.options?.strict) return 'strict mode';
  const order = c.order;
  if (order != null) {
    if (typeof order !== 'object' || !SERVICE_TYPES.includes(order.serviceType)) {
      return 'a malformed order (a TypeError)';
    }
    if (order.accepted === false || order.closed === true) return "the order's status";
    for (const key of Object.keys(order)) {
      if (!['serviceType', 'accepted', 'closed'].includes(key)) return 'a malformed order';
    }
    if (![undefined, true].includes(order.accepted) || ![undefined, false].includes(order.closed)) {
      return 'a malformed order (a TypeError)';
    }
  }
  for (const issue of c.errors ?? []) {
    if (NOT_EXPRESSIBLE.has(issue.code)) return NOT_EXPRESSIBLE.get(issue.code);
  }
  return null;
}

test('Ajv agrees with the validator on every shared test vector the schema can express', (t) => {
  const files = readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();
  let checked = 0;
  let bodies = 0;
  let overLimits = 0;
  const skipped = new Map();
  for (const file of files) {
    const cases = JSON.parse(readFileSync(new URL(file, vectorsDir), 'utf8'));
    for (const c of cases) {
      const reason = skipReason(c);
      if (reason) {
        skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
        continue;
      }
      const serviceType = c.order?.serviceType;
      // A body case: the schema judges what JSON.parse makes of the text.
      const isBody = !Object.hasOwn(c, 'event');
      const event = isBody ? JSON.parse(c.body) : c.event;
      const validator = isBody
        ? validateEventJson(c.body, c.order ?? undefined, c.options ?? undefined)
        : validateEvent(c.event, c.order ?? undefined, c.options ?? undefined);
      const unstated = unstatedLimit(validator);
      if (unstated) {
        const reason = `a limit a schema cannot state (${unstated})`;
        skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
        continue;
      }
      const schema = schemaVerdict(event, serviceType, c.options?.limits);
      const where = `${file}: ${c.name}`;
      assert.equal(validator.valid, c.errors.length === 0, `${where}: the validator disagrees with the vector`);
      assert.equal(
        schema.valid,
        validator.valid,
        `${where}: schema says ${schema.valid}, validator ${validator.valid}\n` +
          `schema errors: ${JSON.stringify(schema.errors)}\nvalidator errors: ${JSON.stringify(validator.errors)}`,
      );
      checked += 1;
      if (isBody) bodies += 1;
      if (c.errors.some((i) => i.code === 'limit_exceeded')) overLimits += 1;
    }
  }
  t.diagnostic(`${checked} vectors checked in ${files.length} files (${bodies} of them JSON bodies, ${overLimits} over a limit)`);
  assert.ok(overLimits >= 5, `only ${overLimits} vectors over a limit the schema states`);
  for (const [reason, n] of skipped) t.diagnostic(`${n} skipped: ${reason}`);
  if (files.length > 0) assert.ok(checked > 0, 'the vector files hold no case the schema can express');
});

// ---------------------------------------------------------------------------
// Generated events

const catalog = eventCatalog();
const listedNames = catalog.events.map((e) => e.name);
const knownNames = new Set(['event', ...catalog.fields.map((f) => f.name)]);

const json = (text) => JSON.parse(text);
// A key `__proto__` as an own property, as JSON.parse makes it.
const withProtoKey = fc.constantFrom(json('{"__proto__":{"polluted":true}}'), json('{"a":{"__proto__":1}}'));

const jsonScalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const anyString = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ maxLength: 8, unit: 'grapheme' }),
  fc.string({ maxLength: 8, unit: 'binary' }),
);

const timestampRight = fc.oneof(
  fc.constantFrom(0, -0, 1, MAX_TIMESTAMP, 1_700_000_000_000, 1.7e12, 1_700_000_000, 99_999_999_999),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.maxSafeNat().filter((n) => n <= MAX_TIMESTAMP),
);
const timestampBadNumber = fc.oneof(
  fc.constantFrom(-1, MAX_TIMESTAMP + 2, 1.5, 1_700_000_000_000.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 0.1),
  fc.integer({ max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d) || d < 0 || d > MAX_TIMESTAMP),
);

/** Values of every JSON type but `type` ('string', 'number', 'boolean', 'null', 'array', 'object'). */
function otherJsonTypes(...types) {
  const all = {
    string: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2024-05-01T12:00:00Z', '1700000000000', 'true', '')),
    number: fc.oneof(fc.integer(), fc.constantFrom(0, 1, 1.5)),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(jsonScalar, { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), jsonScalar, { maxKeys: 3 }),
  };
  return fc.oneof(...Object.entries(all).filter(([k]) => !types.includes(k)).map(([, v]) => v));
}

/** Near misses and other strings outside an enum's values. */
function enumOutside(values) {
  const misses = values.flatMap((v) => [v.toUpperCase(), v.replaceAll('_', '-'), `${v} `, v.slice(0, -1)]);
  return fc.oneof(fc.constantFrom(...misses), fc.string({ maxLength: 10 })).filter((s) => !values.includes(s));
}

/** [right values, wrong values] of a catalogue field type. */
function valuesOf(field) {
  switch (field.type) {
    case 'string':
      return [anyString, otherJsonTypes('string')];
    case 'boolean':
      return [fc.boolean(), otherJsonTypes('boolean')];
    case 'timestamp':
      return [timestampRight, fc.oneof(timestampBadNumber, otherJsonTypes('number'))];
    case 'timestamp_array':
      return [
        fc.array(timestampRight, { maxLength: 4 }),
        fc.oneof(
          fc.tuple(fc.array(timestampRight, { maxLength: 2 }), fc.oneof(timestampBadNumber, otherJsonTypes('number')))
            .map(([good, bad]) => [...good, bad]),
          otherJsonTypes('array'),
        ),
      ];
    case 'object':
      return [
        fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'), anyJson, { maxKeys: 4 }),
        fc.oneof(otherJsonTypes('object'), withProtoKey),
      ];
    case 'enum':
      return [fc.constantFrom(...field.values), fc.oneof(enumOutside(field.values), otherJsonTypes('string'))];
    default:
      throw new Error(`no generator for field type ${field.type}: add one`);
  }
}

/** A known field and a value, tagged right or wrong, 4 to 1. */
const knownField = fc.constantFrom(...catalog.fields).chain((field) => {
  const [right, wrong] = valuesOf(field);
  return fc.oneof(
    { weight: 4, arbitrary: right.map((value) => ({ name: field.name, value, right: true })) },
    { weight: 1, arbitrary: wrong.map((value) => ({ name: field.name, value, right: false })) },
  );
});

const unknownField = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('recievedBy', 'Notes', 'event_date', 'meta', 'ticket', 'repairShippedAT', 'x'),
      fc.string({ maxLength: 10 }),
    ),
    fc.oneof({ weight: 9, arbitrary: anyJson }, { weight: 1, arbitrary: withProtoKey }),
  )
  .filter(([name]) => !knownNames.has(name) && name !== '__proto__')
  .map(([name, value]) => ({ name, value, right: null }));

const eventName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...listedNames) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('repair_shipped', 'custom_event', 'repair_complete', 'Repair_Eta', 'repair-eta', 'BATCHED'),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom({ missing: true }, '', null, 5, true, [], {}, ['repair_eta']) },
);

/** An event (or a non-object), the service type of its order, and the fields' tags. */
const generated = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({
      name: eventName,
      fields: fc.array(
        fc.oneof(
          { weight: 50, arbitrary: knownField },
          { weight: 10, arbitrary: unknownField },
          { weight: 1, arbitrary: fc.constant({ name: '__proto__', value: {}, right: null }) },
        ),
        { maxLength: 4 },
      ),
      serviceType: fc.constantFrom(undefined, ...SERVICE_TYPES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      notAnObject: fc.oneof(fc.array(jsonScalar, { maxLength: 2 }), jsonScalar),
      serviceType: fc.constantFrom(undefined, ...SERVICE_TYPES),
    }),
  },
);

/** Builds the event value: `event` first, then the fields (a repeated key keeps the last). */
function eventOf(g) {
  if (Object.hasOwn(g, 'notAnObject')) return g.notAnObject;
  const entries = g.name?.missing ? [] : [['event', g.name]];
  for (const f of g.fields) entries.push([f.name, f.value]);
  return Object.fromEntries(entries);
}

test('Ajv and validateEvent agree on 10,000 generated events', (t) => {
  const coverage = new Map(catalog.fields.map((f) => [f.name, { right: 0, wrong: 0 }]));
  const verdicts = { valid: 0, invalid: 0 };
  const mismatches = { valid: 0, invalid: 0 };
  let loneSurrogates = 0;
  fc.assert(
    fc.property(generated, (g) => {
      const event = eventOf(g);
      const order = g.serviceType ? { serviceType: g.serviceType } : undefined;
      const validator = validateEvent(event, order);
      const schema = schemaVerdict(event, g.serviceType);
      const detail =
        `event: ${JSON.stringify(event)} order: ${JSON.stringify(order)}\n` +
        `schema: ${schema.valid} ${JSON.stringify(schema.errors)}\n` +
        `validator: ${validator.valid} ${JSON.stringify(validator.errors)}`;
      assert.equal(schema.valid, validator.valid, detail);
      // The same event as a JSON body (what a Worker gets) gets the same verdict,
      // unless the text holds a lone surrogate escape: validateEventJson rejects
      // that as invalid JSON text, a rule of the text the schema cannot see.
      const body = JSON.stringify(event);
      if (/\\ud[89a-f][0-9a-f]{2}/i.test(body)) {
        loneSurrogates += 1;
      } else {
        const fromJson = validateEventJson(body, order);
        assert.equal(fromJson.valid, validator.valid, `validateEventJson disagrees\n${detail}`);
      }

      verdicts[validator.valid ? 'valid' : 'invalid'] += 1;
      if (g.serviceType && typeof g.name === 'string' && listedNames.includes(g.name)) {
        const belongs = catalog.events.find((e) => e.name === g.name).serviceType === g.serviceType;
        if (!belongs) mismatches[validator.valid ? 'valid' : 'invalid'] += 1;
      }
      for (const f of g.fields ?? []) {
        if (f.right !== null) coverage.get(f.name)[f.right ? 'right' : 'wrong'] += 1;
      }
    }),
    { seed: 0x5e41ce, numRuns: 10_000 },
  );
  t.diagnostic(`verdicts: ${verdicts.valid} valid, ${verdicts.invalid} invalid`);
  t.diagnostic(`${loneSurrogates} bodies with a lone surrogate escape not compared with validateEventJson`);
  // Both verdicts are common, every field was tried with right and wrong
  // values, and service-type mismatches were tried (and were all errors).
  assert.ok(verdicts.valid >= 2_000 && verdicts.invalid >= 2_000, JSON.stringify(verdicts));
  for (const [name, seen] of coverage) {
    assert.ok(seen.right >= 20 && seen.wrong >= 5, `${name}: ${JSON.stringify(seen)}`);
  }
  assert.ok(mismatches.invalid >= 100, `service-type mismatches: ${JSON.stringify(mismatches)}`);
  assert.equal(mismatches.valid, 0);
});
