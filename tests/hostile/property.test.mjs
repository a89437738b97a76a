// Seeded property tests (fast-check) over arbitrary and hostile JS values,
// for every export (issue 7): events never throw; only a bad order, options
// or body type is a TypeError; results have the documented shape; and a valid
// event still validates after each call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateEvent, validateEventJson, buildEvent, eventCatalog, eventJsonSchema } from 'servicer-events';
import { assertShape, assertStillWorks } from './helpers.mjs';
import { anything, badOrder, body, hostileEvent, hostileLeaf, materialize as m, options, order } from './hostile-values.mjs';

const SEED = 7;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 600);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

test('validateEvent: any value, any valid order and options: a result, never a throw', () => {
  fc.assert(fc.property(hostileEvent, order, options, (event, o, opts) => {
    assertShape(validateEvent(m(event), o, opts));
    assertStillWorks('validateEvent');
  }), params);
});

test('validateEvent: a bad order or options is a TypeError or ignored, never another throw', () => {
  fc.assert(fc.property(hostileEvent, badOrder, fc.oneof(hostileLeaf, anything), (event, o, opts) => {
    for (const call of [() => validateEvent(m(event), m(o)), () => validateEvent(m(event), undefined, m(opts))]) {
      try {
        assertShape(call());
      } catch (e) {
        assert.ok(e instanceof TypeError, `${e?.name}: ${e?.message}`);
      }
    }
    assertStillWorks('validateEvent with a bad order or options');
  }), params);
});

test('validateEventJson: any text or bytes, any valid order and options: a result, never a throw', () => {
  fc.assert(fc.property(body, order, options, (b, o, opts) => {
    assertShape(validateEventJson(b, o, opts));
    assertStillWorks('validateEventJson');
  }), params);
});

test('validateEventJson: any value as the body: a result or a TypeError', () => {
  fc.assert(fc.property(fc.oneof(hostileLeaf, anything), (b) => {
    try {
      assertShape(validateEventJson(m(b)));
    } catch (e) {
      assert.ok(e instanceof TypeError, `${e?.name}: ${e?.message}`);
    }
    assertStillWorks('validateEventJson with any body');
  }), params);
});

test('buildEvent: any name and fields: an event, an EventValidationError or a TypeError', () => {
  const name = fc.oneof(fc.constantFrom('repair_started', 'batched', 'x'), hostileLeaf);
  fc.assert(fc.property(name, fc.oneof(hostileEvent, anything), order, options, (n, fields, o, opts) => {
    try {
      const built = buildEvent(m(n), m(fields), o, opts);
      assert.equal(typeof built, 'object');
      // `event` first, after integer-like keys, which JS always orders first.
      assert.equal(Object.keys(built).find((k) => !/^(0|[1-9]\d*)$/.test(k)), 'event');
      assert.equal(validateEvent(built, o, opts).valid, true);
    } catch (e) {
      if (e?.name === 'EventValidationError') {
        assert.ok(e instanceof Error && Array.isArray(e.errors) && e.errors.length > 0 && Array.isArray(e.warnings));
      } else {
        assert.ok(e instanceof TypeError, `${e?.name}: ${e?.message}`);
      }
    }
    assertStillWorks('buildEvent');
  }), params);
});

test('eventCatalog and eventJsonSchema: hostile arguments change nothing or are a TypeError', () => {
  const catalog = JSON.stringify(eventCatalog());
  const schema = JSON.stringify(eventJsonSchema());
  fc.assert(fc.property(fc.oneof(hostileLeaf, anything), (arg) => {
    assert.equal(JSON.stringify(eventCatalog(m(arg))), catalog);
    try {
      const s = eventJsonSchema(m(arg));
      assert.equal(typeof s, 'object');
      if (arg === undefined || arg === null) assert.equal(JSON.stringify(s), schema);
    } catch (e) {
      assert.ok(e instanceof TypeError, `${e?.name}: ${e?.message}`);
    }
    assertStillWorks('eventCatalog / eventJsonSchema');
  }), params);
});
