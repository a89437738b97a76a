// fixEvent through the installed package: the expected fixes of
// tests/vectors/fixes.json, and over every shared vector the promises the
// README makes (the argument untouched, a copy in the same key order, only
// suggested issues applied, none left that could have been).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fixEvent, validateEvent } from 'servicer-events';

const dir = new URL('../vectors/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
const pairs = (issues) => issues.map(({ code, path }) => ({ code, path }));
const suggested = (result) => pairs([...result.errors, ...result.warnings].filter((i) => i.suggestion !== undefined));
const key = ({ code, path }) => `${code} ${path}`;

test('vectors/fixes.json: each fix as expected', async (t) => {
  for (const c of load('fixes.json')) {
    await t.test(c.name, () => {
      const before = structuredClone(c.event);
      const { event, applied } = fixEvent(c.event, c.order, c.options);
      assert.deepEqual(event, c.fixed);
      assert.deepEqual(Object.keys(event), Object.keys(c.fixed), 'the key order is kept');
      assert.deepEqual(pairs(applied), c.applied);
      for (const issue of applied) assert.equal(typeof issue.suggestion, 'string');
      assert.deepEqual(c.event, before, 'the argument is not changed');
      assert.notEqual(event, c.event, 'a new object');
    });
  }
});

for (const file of files) {
  test(`vectors/${file}: fixEvent keeps its promises`, async (t) => {
    for (const c of load(file).filter((c) => 'event' in c)) {
      await t.test(c.name, () => {
        const before = structuredClone(c.event);
        const original = validateEvent(c.event, c.order, c.options);
        const { event, applied } = fixEvent(c.event, c.order, c.options);
        assert.deepEqual(c.event, before, 'the argument is not changed');
        const offered = new Set(suggested(original).map(key));
        if (offered.size === 0) {
          assert.deepEqual(event, c.event, 'nothing to fix: an equal value');
          assert.deepEqual(applied, []);
          if (typeof c.event === 'object' && c.event !== null && !Array.isArray(c.event)) {
            assert.notEqual(event, c.event, 'an object comes back as a copy');
          } else {
            assert.equal(event, c.event, 'a value that is not an object comes back as is');
          }
          return;
        }
        // What is left with a suggestion was offered at first and not applied
        // (a rename onto a field already there); the first round's fixes were
        // all offered.
        const done = new Set(pairs(applied).map(key));
        for (const left of suggested(validateEvent(event, c.order, c.options)).map(key)) {
          assert.ok(offered.has(left) && !done.has(left), `${left} is left although it could be fixed`);
        }
        assert.ok(applied.length > 0 || [...offered].every((k) => k.startsWith('possible_typo ')));
      });
    }
  });
}

test('a __proto__ key stays an own key of the copy', () => {
  const event = JSON.parse('{"event":"repair_started","__proto__":{"isAdmin":true},"repairStartedAt":1732780800}');
  const { event: fixed, applied } = fixEvent(event);
  assert.deepEqual(pairs(applied), [{ code: 'timestamp_in_seconds', path: '/repairStartedAt' }]);
  assert.ok(Object.hasOwn(fixed, '__proto__'));
  assert.equal(Object.getPrototypeOf(fixed), Object.prototype);
  assert.equal(fixed.isAdmin, undefined);
  assert.deepEqual(Object.keys(fixed), ['event', '__proto__', 'repairStartedAt']);
});

test('bad events never throw; a bad order or options does', () => {
  for (const value of [null, undefined, 7, 'repair_complete', [{ event: 'repair_complete' }]]) {
    assert.deepEqual(fixEvent(value), { event: value, applied: [] });
  }
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.deepEqual(fixEvent(revoked.proxy).applied, []);
  const throwing = new Proxy({ event: 'repair_complete' }, { ownKeys() { throw new Error('no keys'); } });
  assert.deepEqual(fixEvent(throwing).applied, []);
  assert.throws(() => fixEvent({ event: 'x' }, { serviceType: 'repair_shop' }), TypeError);
  assert.throws(() => fixEvent({ event: 'x' }, undefined, { strictt: true }), TypeError);
});

test('nested values no fix touches are shared, a fixed array is a new one', () => {
  const metadata = { carrier: 'UPS' };
  const times = [1732780800000, 1732784400];
  const { event } = fixEvent({ event: 'customer_contact', appointmentTimestamps: times, metadata });
  assert.equal(event.metadata, metadata);
  assert.notEqual(event.appointmentTimestamps, times);
  assert.deepEqual(times, [1732780800000, 1732784400]);
});
