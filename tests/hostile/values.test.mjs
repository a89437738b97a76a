// Hostile JS values through validateEvent (issue 7): each gets its documented
// code at its path, nothing throws, and a valid event still validates after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { validateEvent, validateEventJson, buildEvent } from 'servicer-events';
import { assertShape, assertStillWorks, errs } from './helpers.mjs';

const E = 'x';
const T = 1732780800000;
class Foo { constructor() { this.a = 1; } }
const circular = () => { const m = { a: 1 }; m.self = m; return m; };
const throwingGetter = () => ({ get boom() { throw new Error('getter'); } });
const traps = ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'apply', 'construct'];
const throwingProxy = () => new Proxy({}, Object.fromEntries(traps.map((k) => [k, () => { throw new Error(k); }])));
const revokedProxy = () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; };
const deepObject = (n) => { let v = {}; for (let i = 0; i < n; i++) v = { a: v }; return v; };
const deepArray = (n) => { let v = []; for (let i = 0; i < n; i++) v = [v]; return v; };
const manyKeys = (n) => { const o = {}; for (let i = 0; i < n; i++) o[`k${i}`] = i; return o; };
const nullProto = (fields) => Object.assign(Object.create(null), fields);

// [label, event, errors as [code, path], kind]. SPEC.md and the README's
// issue-code table decide these; see the README rows for hostile input.
const CASES = [
  ['NaN in a timestamp field', { event: E, eventDate: NaN }, [['invalid_timestamp', '/eventDate']], 'other'],
  ['Infinity in a timestamp field', { event: E, eventDate: Infinity }, [['invalid_timestamp', '/eventDate']], 'other'],
  ['NaN in a string field', { event: E, notes: NaN }, [['not_json', '/notes']], 'other'],
  ['NaN inside metadata', { event: E, metadata: { a: NaN } }, [['not_json', '/metadata/a']], 'other'],
  ['-Infinity in an unknown field', { event: E, foo: -Infinity }, [['not_json', '/foo']], 'other'],
  ['-0 as a timestamp is 0', { event: E, eventDate: -0 }, [], 'other'],
  ['BigInt in a timestamp field', { event: E, eventDate: 10n }, [['not_json', '/eventDate']], 'other'],
  ['BigInt inside metadata', { event: E, metadata: { a: 10n } }, [['not_json', '/metadata/a']], 'other'],
  ['BigInt as the event', 10n, [['not_an_object', '']], null],
  ['Symbol value', { event: E, notes: Symbol('s') }, [['not_json', '/notes']], 'other'],
  ['Symbol as the event', Symbol('e'), [['not_an_object', '']], null],
  ['Symbol as the name', { event: Symbol('x') }, [['not_json', '/event']], null],
  ['function value', { event: E, notes: () => 1 }, [['not_json', '/notes']], 'other'],
  ['function as the event', () => 1, [['not_an_object', '']], null],
  ['function as the name', { event: () => 1 }, [['not_json', '/event']], null],
  ['Date in a timestamp field', { event: E, eventDate: new Date(T) }, [['not_json', '/eventDate']], 'other'],
  ['Date inside metadata', { event: E, metadata: { d: new Date(T) } }, [['not_json', '/metadata/d']], 'other'],
  ['Date as the event', new Date(T), [['not_an_object', '']], null],
  ['RegExp value', { event: E, notes: /x/ }, [['not_json', '/notes']], 'other'],
  ['RegExp as metadata', { event: E, metadata: /x/ }, [['not_json', '/metadata']], 'other'],
  ['class instance as metadata', { event: E, metadata: new Foo() }, [['not_json', '/metadata']], 'other'],
  ['class instance in an unknown field', { event: E, foo: new Foo() }, [['not_json', '/foo']], 'other'],
  ['class instance as the event', new Foo(), [['not_an_object', '']], null],
  ['object with an inherited event', Object.create({ event: E }), [['not_an_object', '']], null],
  ['Map as metadata', { event: E, metadata: new Map([['a', 1]]) }, [['not_json', '/metadata']], 'other'],
  ['typed array as a timestamp array', { event: E, availabilityWindows: new Float64Array([T]) }, [['not_json', '/availabilityWindows']], 'other'],
  ['typed array inside metadata', { event: E, metadata: { a: new Uint8Array(2) } }, [['not_json', '/metadata/a']], 'other'],
  ['sparse timestamp array', { event: E, availabilityWindows: [T, , T] }, [['not_json', '/availabilityWindows/1']], 'other'], // eslint-disable-line no-sparse-arrays
  ['sparse array in an unknown field', { event: E, foo: [1, , 2] }, [['not_json', '/foo/1']], 'other'], // eslint-disable-line no-sparse-arrays
  ['Object.create(null) event', nullProto({ event: 'repair_started', repairStartedAt: T }), [], 'depot'],
  ['Object.create(null) metadata', { event: E, metadata: nullProto({ a: 1 }) }, [], 'other'],
  ['circular metadata', { event: E, metadata: circular() }, [['not_json', '/metadata/self']], 'other'],
  ['circular array', { event: E, foo: (() => { const a = [1]; a.push(a); return a; })() }, [['not_json', '/foo/1']], 'other'],
  ['shared, not circular', { event: E, metadata: (() => { const s = { a: 1 }; return { x: s, y: s }; })() }, [], 'other'],
  ['getter that throws, on the event', { event: E, get notes() { throw new Error('no'); } }, [['not_json', '/notes']], 'other'],
  ['getter that throws, in metadata', { event: E, metadata: throwingGetter() }, [['not_json', '/metadata/boom']], 'other'],
  ['getter that throws, for the name', { get event() { throw new Error('no'); } }, [['not_json', '/event']], null],
  ['array item getter that throws', { event: E, foo: Object.defineProperty([1, 2], 0, { get() { throw new Error(); } }) }, [['not_json', '/foo/0']], 'other'],
  ['Proxy whose traps throw, as the event', throwingProxy(), [['not_an_object', '']], null],
  ['Proxy whose traps throw, as metadata', { event: E, metadata: throwingProxy() }, [['not_json', '/metadata']], 'other'],
  ['Proxy whose traps throw, in a string field', { event: E, notes: throwingProxy() }, [['not_json', '/notes']], 'other'],
  ['revoked Proxy as the event', revokedProxy(), [['not_an_object', '']], null],
  ['revoked Proxy as metadata', { event: E, metadata: revokedProxy() }, [['not_json', '/metadata']], 'other'],
  ['revoked Proxy deep inside', { event: E, foo: [{ a: revokedProxy() }] }, [['not_json', '/foo/0/a']], 'other'],
  ['10,000-deep objects', { event: E, metadata: deepObject(10_000) }, [['limit_exceeded', '/metadata' + '/a'.repeat(32)]], 'other'],
  ['10,000-deep arrays', { event: E, foo: deepArray(10_000) }, [['limit_exceeded', '/foo' + '/0'.repeat(32)]], 'other'],
  ['a 2 MB string', { event: E, notes: 'x'.repeat(2 * 1024 * 1024) }, [['limit_exceeded', '/notes']], 'other'],
  ['a 2 MB event name', { event: 'x'.repeat(2 * 1024 * 1024) }, [['limit_exceeded', '/event']], 'other'],
  ['a 100,000-key metadata', { event: E, metadata: manyKeys(100_000) }, [['limit_exceeded', '/metadata/k9998']], 'other'],
  ['a 100,000-key event', { event: E, ...manyKeys(100_000) }, [['limit_exceeded', '/k9999']], 'other'],
  ['frozen objects', Object.freeze({ event: 'repair_started', repairStartedAt: T, metadata: Object.freeze({ a: Object.freeze([1]) }) }), [], 'depot'],
  ['a string with a lone surrogate', { event: E, notes: 'a\uD800b' }, [['not_json', '/notes']], 'other'],
  ['an own __proto__ key', JSON.parse('{"event":"x","__proto__":{"a":1}}'), [['forbidden_key', '/__proto__']], 'other'],
  ['a __proto__ key in metadata', { event: E, metadata: JSON.parse('{"__proto__":1}') }, [['forbidden_key', '/metadata/__proto__']], 'other'],
  ['constructor and prototype keys are ordinary', { event: E, constructor: 1, prototype: 2, metadata: { constructor: {} } }, [], 'other'],
  ['undefined as the event', undefined, [['not_an_object', '']], null],
  ['undefined fields are absent', { event: 'repair_started', repairStartedAt: undefined }, [], 'depot'],
  ['a String object as the name', { event: new String('x') }, [['not_json', '/event']], null],
  ['a toJSON method is not called', { event: E, metadata: { toJSON() { return 1; } } }, [['not_json', '/metadata/toJSON']], 'other'],
  ['non-enumerable properties are skipped', Object.defineProperty({ event: E }, 'notes', { value: 5, enumerable: false }), [], 'other'],
];

for (const [label, event, want, kind] of CASES) {
  test(`validateEvent: ${label}`, () => {
    const r = assertShape(validateEvent(event), label);
    assert.deepEqual(errs(r), want, label);
    assert.equal(r.kind, kind, `kind of ${label}`);
    assertStillWorks(label);
  });
}

test('a symbol key is not_json at a pointer that names it', () => {
  const r = assertShape(validateEvent({ event: E, [Symbol('k')]: 1, metadata: { [Symbol('m')]: 2 } }));
  assert.deepEqual(r.errors.map((e) => e.code), ['not_json', 'not_json']);
  // String keys come first, as in Reflect.ownKeys; then symbol keys.
  assert.deepEqual(r.errors.map((e) => e.path), ['/metadata/Symbol(m)', '/Symbol(k)']);
  assertStillWorks('symbol keys');
});

test('a huge array length stops at maxArrayItems', () => {
  const event = { event: E, foo: Object.assign([], { length: 2 ** 32 - 1 }) };
  const r = assertShape(validateEvent(event, null, { limits: { maxIssues: 2000, maxArrayItems: 200 } }));
  assert.equal(r.errors.length, 201);
  assert.deepEqual(r.errors.at(-1).code, 'limit_exceeded');
  assert.deepEqual(r.errors.at(-1).path, '/foo');
  // At the default maxIssues: 100 holes, then how many more (the limit included).
  const capped = assertShape(validateEvent(event));
  assert.equal(capped.errors.length, 101);
  assert.equal(capped.errors.at(-1).code, 'too_many_issues');
  assert.match(capped.errors.at(-1).message, /^901 more issues/);
  assertStillWorks('a huge array length');
});

test('a getter that validates another event while the value is read: each call gets its own result', () => {
  const other = { event: 'repair_started', repairStartedAt: 5 };
  const inner = [];
  const event = { event: 'repair_started', repairStartedAt: T, metadata: { get a() { inner.push(validateEvent(other)); return 'y'.repeat(50); } }, notes: 'z'.repeat(40) };
  const r = assertShape(validateEvent(event));
  assert.deepEqual([r.valid, r.errors, r.warnings], [true, [], []]);
  assert.deepEqual(inner.map((i) => i.warnings.map((w) => w.code)), [['timestamp_in_seconds']]);
  assert.deepEqual(inner[0], validateEvent(other));
  assertStillWorks('a validating getter');
});

test('a getter that checks a body (small, then one that grows the memory) while the value is read: the value is read once, and checked as its plain copy is', () => {
  // The tape is written in place, in the module's input buffer, which the
  // body is written into: the getter's call must not change the outer result.
  const big = JSON.stringify({ event: 'repair_started', notes: 'n'.repeat(3 << 20) });
  let reads = 0;
  const inner = [];
  const late = { event: 'repair_started', repairStartedAt: 5, notes: 'k'.repeat(300) };
  const event = {
    event: 'repair_started',
    notes: 'm'.repeat(200),
    metadata: {
      get a() {
        reads += 1;
        inner.push(validateEventJson('{"event":"repair_started","repairStartedAt":5}'));
        inner.push(validateEventJson(big, undefined, { limits: { maxBodyBytes: 4 << 20, maxStringLength: 4 << 20 } }));
        return 'y'.repeat(50);
      },
    },
    repairStartedAt: 'soon',
    late,
  };
  const r = assertShape(validateEvent(event));
  assert.equal(reads, 1);
  const plain = { ...event, metadata: { a: 'y'.repeat(50) } };
  assert.deepEqual(r, validateEvent(plain));
  assert.ok(r.errors.length > 0);
  assert.deepEqual(inner.map((i) => i.warnings.map((w) => w.code)), [['timestamp_in_seconds'], []]);
  assertStillWorks('a getter that checks a body');
});

test('surrogates: a pair is text, a half alone is not_json, also where String has no isWellFormed', () => {
  const script = `
    const native = process.argv[1] === 'native';
    if (!native) { delete String.prototype.isWellFormed; delete String.prototype.toWellFormed; }
    const { validateEvent } = await import('servicer-events');
    const r = validateEvent({ event: 'x', pair: 'é😀', lone: 'a\\ud800', late: 'ok'.repeat(200) + '\\ud83d', low: '\\ude00', ['k\\ud800']: '😀'.repeat(300) });
    console.log(JSON.stringify(r.errors.map((e) => [e.code, e.path])));
  `;
  const run = (mode) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, mode], { encoding: 'utf8' }));
  const want = [['not_json', '/lone'], ['not_json', '/late'], ['not_json', '/low']];
  assert.deepEqual(run('native'), want);
  assert.deepEqual(run('fallback'), want);
});

test('plain data past a limit reads as its JSON text does (what the walk skips is not written)', () => {
  const chain = (n) => { let v = 1; for (let i = 0; i < n; i++) v = { a: v, b: [i] }; return v; };
  const values = [
    { event: 'x', metadata: { a: { b: 1, c: [1, { d: 2 }] }, e: 'f' }, g: 1, event2: { h: 1 } },
    { a: { b: 1, c: 2 }, event: { x: 1, y: [1, { z: 2 }] }, q: 1, event3: 'x' },
    [{ a: 1, b: 2 }, { c: 3, event: 'x' }, { d: 4 }],
    { ['k'.repeat(30)]: { a: 1, b: { c: 2 } }, ['😀'.repeat(6)]: { a: 1 }, ['é'.repeat(12)]: { b: 2 }, event: 'x', z: { y: 1 } },
    { event: 'repair_started', deep: chain(40), wide: Array.from({ length: 12 }, (_, i) => ({ [`k${i}`]: [i, i + 1, { j: i }] })) },
  ];
  const limits = [{}, { maxKeys: 0 }, { maxKeys: 2 }, { maxKeys: 5, maxStringLength: 4 }, { maxDepth: 0 }, { maxDepth: 2, maxArrayItems: 1 }, { maxStringLength: 11, maxKeys: 7, maxDepth: 3 }];
  const same = (event, opts) => {
    const text = validateEventJson(JSON.stringify(event), null, opts);
    for (const i of [...text.errors, ...text.warnings]) delete i.location;
    assert.deepEqual(validateEvent(event, null, opts), text, JSON.stringify([event, opts]).slice(0, 300));
  };
  for (const event of values) for (const l of limits) same(event, { limits: l });
  const limit = fc.record({ maxKeys: fc.nat(12), maxDepth: fc.nat(5), maxArrayItems: fc.nat(4), maxStringLength: fc.nat(12) }, { requiredKeys: [] });
  const event = fc.tuple(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 5 })), fc.constantFrom(undefined, 'x', 'repair_started', { a: 1 }));
  fc.assert(fc.property(event, limit, fc.boolean(), ([fields, name], l, strict) => {
    same(name === undefined ? fields : { ...fields, event: name }, { strict, limits: l });
  }), { seed: 12, numRuns: 400 });
});

test('tiny limits on hostile values: limit_exceeded, never a throw', () => {
  const limits = { maxDepth: 1, maxKeys: 2, maxArrayItems: 1, maxStringLength: 1, maxEventNameLength: 1, maxBodyBytes: 1 };
  for (const [label, event] of CASES) {
    assertShape(validateEvent(event, undefined, { strict: true, limits }), label);
  }
  assertStillWorks('tiny limits');
});

test('a bad order or options is a TypeError, even a revoked Proxy', () => {
  for (const bad of [revokedProxy(), throwingProxy(), 5, 'repair_depot', [], { serviceType: 'nope' }]) {
    assert.throws(() => validateEvent({ event: E }, bad), TypeError);
  }
  for (const bad of [revokedProxy(), throwingProxy(), 5, [], { strict: 'yes' }, { limits: { maxDepth: -1 } }, { limits: revokedProxy() }]) {
    assert.throws(() => validateEvent({ event: E }, undefined, bad), TypeError);
  }
  assertStillWorks('bad orders and options');
});

test('buildEvent with hostile fields: a result, an EventValidationError or a TypeError', () => {
  const fields = [
    { eventDate: Object.create(Date.prototype) },
    { eventDate: new Proxy(new Date(T), {}) },
    { availabilityWindows: new Proxy([T], { get(t, k) { if (k === Symbol.iterator) throw new Error('it'); return t[k]; } }) },
    { availabilityWindows: Object.defineProperty([T], 0, { get() { throw new Error('item'); } }) },
    { metadata: circular() },
    { metadata: throwingProxy() },
    { metadata: revokedProxy() },
    revokedProxy(),
    throwingProxy(),
    { get notes() { throw new Error('getter'); } },
    { notes: 10n },
    { notes: Symbol('s') },
  ];
  for (const f of fields) {
    try {
      const built = buildEvent('repair_started', f);
      assert.equal(built.event, 'repair_started');
    } catch (e) {
      assert.ok(e instanceof TypeError || e?.name === 'EventValidationError', `${e?.name}: ${e?.message}`);
      if (e.name === 'EventValidationError') assert.ok(Array.isArray(e.errors) && e.errors.length > 0);
    }
  }
  assertStillWorks('buildEvent');
});
