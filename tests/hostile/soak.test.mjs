// 100,000 mixed hostile calls (issue 7): afterwards the module still answers
// correctly, and its WebAssembly memory and reference table have not grown
// with the number of calls. An exception thrown through wasm frames used to
// leak the shadow stack until every call trapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Catch the instance the package creates, to watch its memory and table.
const instances = [];
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args) {
    const instance = Reflect.construct(target, args);
    instances.push(instance);
    return instance;
  },
});
const { validateEvent, validateEventJson, buildEvent, eventJsonSchema } = await import('servicer-events');
const { assertShape, assertStillWorks } = await import('./helpers.mjs');
const H = await import('./hostile-values.mjs');

const CALLS = Number(process.env.HOSTILE_SOAK_CALLS ?? 100_000);
const E = 'x';
const ok = (f) => assertShape(f());
const typeError = (f) => assert.throws(f, TypeError);
const built = (f) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof TypeError || e?.name === 'EventValidationError', `${e?.name}: ${e?.message}`);
  }
};

const CALLS_MIX = [
  () => ok(() => validateEvent({ event: E, metadata: { a: [1, { b: H.revoked() }] } })),
  () => ok(() => validateEvent(H.revoked())),
  () => ok(() => validateEvent(H.throwingProxy())),
  () => ok(() => validateEvent({ event: E, metadata: H.throwingGetter(), notes: 10n, foo: Symbol('s') })),
  () => ok(() => validateEvent({ event: E, metadata: H.circular(), eventDate: NaN })),
  () => ok(() => validateEvent({ event: E, availabilityWindows: H.throwingItem() })),
  () => ok(() => validateEvent({ event: 'x'.repeat(300), notes: 'y'.repeat(70_000) })),
  () => typeError(() => validateEvent({ event: E }, H.revoked())),
  () => typeError(() => validateEvent({ event: E }, undefined, H.throwingProxy())),
  () => typeError(() => validateEvent({ event: E }, { serviceType: 'nope' })),
  () => ok(() => validateEventJson('{"event":"x","a":1,"a":2,"__proto__":' + '['.repeat(100))),
  () => ok(() => validateEventJson(new Uint8Array([0x7b, 0xff, 0x7d]))),
  () => ok(() => validateEventJson('{"event":"x","notes":"\\ud800"}')),
  () => ok(() => validateEventJson('{"event":"x","eventDate":1e400}', undefined, { limits: { maxBodyBytes: 10 } })),
  () => { try { ok(() => validateEventJson(H.fakeBytes())); } catch (e) { assert.ok(e instanceof TypeError); } },
  () => { try { ok(() => validateEventJson(H.detached())); } catch (e) { assert.ok(e instanceof TypeError); } },
  () => typeError(() => validateEventJson(H.revoked())),
  () => built(() => buildEvent('repair_started', { repairStartedAt: H.fakeDate() })),
  () => built(() => buildEvent('batched', { availabilityWindows: H.throwingIterable() })),
  () => built(() => buildEvent('x', H.revoked())),
  () => built(() => buildEvent('x', { get notes() { throw new Error('getter'); } })),
  () => built(() => buildEvent(H.revoked(), {})),
  () => { try { eventJsonSchema(H.revoked()); } catch (e) { assert.ok(e instanceof TypeError); } },
];

let sizes;

test(`the module answers correctly after ${CALLS} mixed hostile calls, and its memory stays bounded`, () => {
  assert.equal(instances.length, 1, 'the package created one WebAssembly instance');
  const { memory, __wbindgen_externrefs: table } = instances[0].exports;
  const measure = () => ({ memory: memory.buffer.byteLength, table: table?.length ?? 0 });
  const warmup = Math.min(10_000, CALLS / 10);
  let before;
  for (let i = 0; i < CALLS; i++) {
    CALLS_MIX[i % CALLS_MIX.length]();
    if (i % 5_000 === 0) assertStillWorks(`${i} hostile calls`);
    if (i === warmup) before = measure();
  }
  assertStillWorks(`${CALLS} hostile calls`);
  const after = measure();
  sizes = { before, after };
  // The allocator keeps what it grew to; what must not happen is growth with
  // the number of calls: allow 4 MiB of headroom.
  assert.ok(after.memory <= before.memory + 4 * 1024 * 1024, `memory grew from ${before.memory} to ${after.memory} bytes`);
});

// An exception caught at the module's boundary used to keep a slot of
// wasm-bindgen's externref table (and the Error) alive; the careful path now
// reads through JS functions that never throw (src/wasm/readers.rs).
test('the externref table stays bounded across the hostile calls', () => {
  assert.ok(sizes, 'the soak test ran');
  assert.ok(sizes.after.table <= sizes.before.table + 64, `the externref table grew from ${sizes.before.table} to ${sizes.after.table}`);
});
