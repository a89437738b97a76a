// Hostile bodies through validateEventJson (issue 7): each gets its
// documented code at its path, nothing throws but a TypeError for a body of
// the wrong type, and a valid event still validates after each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEventJson } from 'servicer-events';
import { assertShape, assertStillWorks, errs } from './helpers.mjs';

const bytes = (...parts) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));
const MB = 1_048_576;

// [label, body, errors as [code, path], kind]
const CASES = [
  ['invalid UTF-8', bytes('{"event":"x","notes":"', [0xff, 0xfe], '"}'), [['invalid_json', '']], null],
  ['a truncated UTF-8 sequence', bytes('{"event":"', [0xe2, 0x82], '"}'), [['invalid_json', '']], null],
  ['an overlong UTF-8 encoding', bytes('{"event":"', [0xc0, 0xaf], '"}'), [['invalid_json', '']], null],
  ['UTF-8 of a surrogate (CESU)', bytes('{"event":"', [0xed, 0xa0, 0x80], '"}'), [['invalid_json', '']], null],
  ['a BOM in a string', '\uFEFF{"event":"x"}', [['invalid_json', '']], null],
  ['a BOM in bytes', bytes([0xef, 0xbb, 0xbf], '{"event":"x"}'), [['invalid_json', '']], null],
  ['a lone high surrogate escape', '{"event":"x","notes":"\\ud800"}', [['invalid_json', '']], null],
  ['a lone low surrogate escape', '{"event":"x","notes":"\\udc00"}', [['invalid_json', '']], null],
  ['a high surrogate escape with a non-surrogate after', '{"event":"x","notes":"\\ud800\\u0041"}', [['invalid_json', '']], null],
  ['a lone surrogate escape in a key', '{"event":"x","\\ud800":1}', [['invalid_json', '']], null],
  ['a surrogate pair escape is fine', '{"event":"x","notes":"\\ud83d\\ude00"}', [], 'other'],
  ['10,000-deep arrays', `{"event":"x","foo":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, [['limit_exceeded', '/foo' + '/0'.repeat(32)]], 'other'],
  ['10,000-deep objects', `{"event":"x","metadata":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, [['limit_exceeded', '/metadata' + '/a'.repeat(32)]], 'other'],
  ['10,000 unclosed brackets', `{"event":"x","foo":${'['.repeat(10_000)}`, [['invalid_json', '']], null],
  ['1e400 in a timestamp field', '{"event":"x","eventDate":1e400}', [['invalid_timestamp', '/eventDate']], 'other'],
  ['1e400 in metadata', '{"event":"x","metadata":{"a":1e400}}', [['not_json', '/metadata/a']], 'other'],
  ['-1e400 in an unknown field', '{"event":"x","foo":-1e400}', [['not_json', '/foo']], 'other'],
  ['-0 as a timestamp is 0', '{"event":"x","eventDate":-0}', [], 'other'],
  ['-0.0e5 as a timestamp is 0', '{"event":"x","eventDate":-0.0e5}', [], 'other'],
  ['9007199254740993 as a timestamp', '{"event":"x","eventDate":9007199254740993}', [['invalid_timestamp', '/eventDate']], 'other'],
  ['9007199254740993 in metadata', '{"event":"x","metadata":{"n":9007199254740993}}', [], 'other'],
  ['1e-400 as a timestamp is 0', '{"event":"x","eventDate":1e-400}', [], 'other'],
  ['a duplicate top-level key', '{"event":"x","notes":"a","notes":"b"}', [['duplicate_key', '/notes']], 'other'],
  ['a duplicate event', '{"event":"repair_started","event":"batched"}', [['duplicate_key', '/event']], 'depot'],
  ['a duplicate key spelt with an escape', '{"event":"x","metadata":{"a":1,"\\u0061":2}}', [['duplicate_key', '/metadata/a']], 'other'],
  ['a duplicate key in an array item', '{"event":"x","foo":[{"c":1,"c":2}]}', [['duplicate_key', '/foo/0/c']], 'other'],
  ['__proto__ at the top', '{"event":"x","__proto__":{}}', [['forbidden_key', '/__proto__']], 'other'],
  ['__proto__ in metadata', '{"event":"x","metadata":{"__proto__":{"admin":true}}}', [['forbidden_key', '/metadata/__proto__']], 'other'],
  ['__proto__ spelt with escapes', '{"event":"x","metadata":{"\\u005f_proto__":1}}', [['forbidden_key', '/metadata/__proto__']], 'other'],
  ['__proto__ deep in an array', '{"event":"x","foo":[[{"__proto__":null}]]}', [['forbidden_key', '/foo/0/0/__proto__']], 'other'],
  ['__proto__ twice', '{"event":"x","__proto__":1,"__proto__":2}', [['forbidden_key', '/__proto__'], ['duplicate_key', '/__proto__'], ['forbidden_key', '/__proto__']], 'other'],
  ['constructor and prototype keys are ordinary', '{"event":"x","constructor":{"prototype":{}},"prototype":1}', [], 'other'],
  ['a body of whitespace only', ' \n\t\r ', [['invalid_json', '']], null],
  ['an empty body', '', [['invalid_json', '']], null],
  ['an empty Uint8Array', new Uint8Array(0), [['invalid_json', '']], null],
  ['an empty ArrayBuffer', new ArrayBuffer(0), [['invalid_json', '']], null],
  ['a NUL byte', '{"event":"x"}\u0000', [['invalid_json', '']], null],
  ['a raw control character in a string', '{"event":"x\u0001"}', [['invalid_json', '']], null],
  ['two values', '{"event":"x"}{"event":"y"}', [['invalid_json', '']], null],
  ['NaN literal', '{"event":"x","eventDate":NaN}', [['invalid_json', '']], null],
  ['a comment', '{"event":"x" /* c */}', [['invalid_json', '']], null],
  ['a trailing comma', '{"event":"x",}', [['invalid_json', '']], null],
  ['single quotes', "{'event':'x'}", [['invalid_json', '']], null],
  ['an array body', '[{"event":"x"}]', [['not_an_object', '']], null],
  ['a string body', '"x"', [['not_an_object', '']], null],
  ['a null body', 'null', [['not_an_object', '']], null],
];

for (const [label, body, want, kind] of CASES) {
  test(`validateEventJson: ${label}`, () => {
    const r = assertShape(validateEventJson(body), label);
    // missing_event may follow a body that breaks before the name.
    assert.deepEqual(errs(r).filter(([c]) => c !== 'missing_event'), want, label);
    assert.equal(r.kind, kind, `kind of ${label}`);
    assertStillWorks(label);
  });
}

test('every truncation of a valid body is invalid_json at ""', () => {
  const body = JSON.stringify({ event: 'customer_contact', method: 'email', appointmentTimestamps: [1732780800000, 1732780900000], metadata: { 'a/b': ['~', { c: null, d: true, e: -1.5e3 }] }, notes: 'é😀\n' });
  for (let n = 0; n < body.length; n++) {
    const r = assertShape(validateEventJson(body.slice(0, n)), `prefix ${n}`);
    assert.ok(r.errors.some((e) => e.code === 'invalid_json' && e.path === ''), `prefix ${n}: ${JSON.stringify(errs(r))}`);
    for (const e of r.errors) assert.ok(['invalid_json', 'missing_event'].includes(e.code), `prefix ${n}: ${e.code}`);
  }
  const buf = Buffer.from(body);
  for (let n = 0; n < buf.length; n++) {
    const r = assertShape(validateEventJson(new Uint8Array(buf.subarray(0, n))), `byte prefix ${n}`);
    assert.equal(r.valid, false);
  }
  assertStillWorks('truncations');
});

test('duplicate keys at every depth up to maxDepth', () => {
  for (let depth = 1; depth <= 32; depth++) {
    // depth 1 is the event's own members; metadata's members are depth 2.
    const inner = '{"a":1,"a":2}';
    let body = inner;
    let path = '/a';
    for (let d = 2; d <= depth; d++) {
      body = `{"m":${body}}`;
      path = `/m${path}`;
    }
    body = depth === 1 ? '{"event":"x","a":1,"a":2}' : `{"event":"x","metadata":${body.slice(5, -1)}}`;
    path = depth === 1 ? '/a' : `/metadata${path.slice(2)}`;
    const r = assertShape(validateEventJson(body), `depth ${depth}`);
    assert.deepEqual(errs(r), [['duplicate_key', path]], `depth ${depth}: ${body}`);
  }
  assertStillWorks('duplicates');
});

test('bodies over maxBodyBytes are limit_exceeded at "" without parsing; exactly the limit is read', () => {
  const event = '{"event":"repair_started"}';
  const at = event + ' '.repeat(MB - event.length);
  assert.equal(Buffer.byteLength(at), MB);
  assert.deepEqual(assertShape(validateEventJson(at)).errors, []);
  for (const body of [at + ' ', '{'.repeat(MB + 1), Buffer.from(at + ' '), new Uint8Array(MB + 1).buffer, 'é'.repeat(MB / 2 + 1)]) {
    const r = assertShape(validateEventJson(body));
    assert.deepEqual(errs(r), [['limit_exceeded', '']]);
    assert.equal(r.kind, null);
  }
  // A small limit applies the same way.
  const r = assertShape(validateEventJson('{"event":"x"}', undefined, { limits: { maxBodyBytes: 12 } }));
  assert.deepEqual(errs(r), [['limit_exceeded', '']]);
  assertStillWorks('oversized bodies');
});

test('a body that is not a real string, Uint8Array or ArrayBuffer is a TypeError; the module goes on', () => {
  const detached = () => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; };
  const bad = [
    undefined, null, 5, {}, [], Symbol('s'), 10n, () => '{}', new DataView(new ArrayBuffer(2)), new String('{"event":"x"}'),
    Object.create(Uint8Array.prototype), Object.create(ArrayBuffer.prototype), new Proxy(new Uint8Array(2), {}),
    new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } }), detached(),
    (() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })(),
  ];
  bad.forEach((body, i) => {
    try {
      assertShape(validateEventJson(body));
    } catch (e) {
      assert.ok(e instanceof TypeError, `bad body ${i}: ${e?.name}: ${e?.message}`);
    }
  });
  assertStillWorks('bodies of the wrong type');
});

test('a Uint8Array view of a larger buffer reads only its own bytes', () => {
  const whole = Buffer.from('XX{"event":"x"}YY');
  const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.length - 4);
  assert.deepEqual(assertShape(validateEventJson(view)).errors, []);
});
