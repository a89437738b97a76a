// When the validator throws, the Worker logs one line and follows
// VALIDATION_FAILURE: "reject" (503, the default in wrangler.toml) or
// "forward". The Worker is built by wrangler with 'servicer-events' aliased
// to fixtures/failing-validator.js, the real library except for one event
// name that makes it throw a WebAssembly trap's error: every line of the
// Worker is the real one.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_DIR, assertSetup, request, startExample, startUpstream, varsOf } from './harness.mjs';

const ENDPOINT = '/service-orders/SO-3/update-repair';
const FAILING = Buffer.from('{"event":"force_validator_failure","notes":"private text"}');
const ALIAS = { 'servicer-events': join(dirname(fileURLToPath(import.meta.url)), 'fixtures/failing-validator.js') };

let upstream;
/** @type {Record<string, Awaited<ReturnType<typeof startExample>>>} */
const workers = {};

before(async () => {
  assertSetup();
  upstream = await startUpstream(() => ({ status: 201, headers: { 'x-from': 'upstream' }, body: 'stored' }));
  const UPSTREAM_ORIGIN = upstream.origin;
  // wrangler.toml's own value, so the shipped default is what is tested.
  workers.configured = await startExample('policy-configured', { alias: ALIAS, bindings: { UPSTREAM_ORIGIN } });
  workers.forward = await startExample('policy-forward', {
    alias: ALIAS,
    bindings: { UPSTREAM_ORIGIN, VALIDATION_FAILURE: 'forward' },
  });
  workers.unknown = await startExample('policy-unknown', {
    alias: ALIAS,
    bindings: { UPSTREAM_ORIGIN, VALIDATION_FAILURE: 'let-it-through' },
  });
}, { timeout: 360_000 });

after(async () => {
  for (const worker of Object.values(workers)) await worker.dispose();
  await upstream?.close();
});

/** POSTs `body` to `worker`; returns the answer and what reached the upstream. */
async function send(worker, body, headers = {}) {
  const before = upstream.received.length;
  const res = await request(worker.url, {
    method: 'POST',
    path: ENDPOINT,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { res, forwarded: upstream.received.slice(before) };
}

test('wrangler.toml ships VALIDATION_FAILURE = "reject"', () => {
  assert.equal(varsOf(join(EXAMPLE_DIR, 'wrangler.toml')).VALIDATION_FAILURE, 'reject');
});

describe('"reject"', () => {
  test('a validator that throws: 503, nothing forwarded, one error line', async () => {
    const worker = workers.configured;
    const { res, forwarded } = await send(worker, FAILING, { 'cf-ray': '8f1e2d3c4b5a6978-CDG' });
    assert.equal(res.status, 503);
    assert.equal(forwarded.length, 0);
    const answer = res.json();
    assert.equal(answer.requestId, '8f1e2d3c4b5a6978-CDG');
    assert.equal(typeof answer.error, 'string');

    const line = await worker.logs.find((l) => l.message === 'validation_failed' && l.requestId === answer.requestId);
    assert.equal(line.level, 'error');
    assert.equal(line.policy, 'reject');
    assert.equal(line.bodyBytes, FAILING.length);
    assert.equal(line.error.name, 'RuntimeError');
    assert.equal(line.error.message, 'unreachable');
    assert.ok(!JSON.stringify(line).includes('private text'), 'no body content in the log');
  });

  test('the same build validates every other event as usual', async () => {
    const worker = workers.configured;
    const valid = await send(worker, '{"event":"repair_started","repairStartedAt":1700000000000}');
    assert.equal(valid.res.status, 201);
    assert.equal(valid.forwarded.length, 1);
    const invalid = await send(worker, '{"event":"repair_started","repairStartedAt":"now"}');
    assert.equal(invalid.res.status, 422);
    assert.equal(invalid.forwarded.length, 0);
  });

  test('each failure is its own line, with its own request id', async () => {
    const worker = workers.configured;
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      const { res } = await send(worker, FAILING);
      assert.equal(res.status, 503);
      ids.push(res.json().requestId);
    }
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) await worker.logs.find((l) => l.message === 'validation_failed' && l.requestId === id);
  });
});

describe('"forward"', () => {
  test('a validator that throws: the request goes on unchanged, the failure is logged', async () => {
    const worker = workers.forward;
    const { res, forwarded } = await send(worker, FAILING, { 'cf-ray': 'forward-1' });
    assert.equal(res.status, 201);
    assert.equal(res.body.toString(), 'stored');
    assert.equal(res.headers['x-from'], 'upstream');
    assert.equal(forwarded.length, 1);
    assert.deepEqual(forwarded[0].body, FAILING);
    assert.equal(forwarded[0].url, ENDPOINT);

    const line = await worker.logs.find((l) => l.message === 'validation_failed' && l.requestId === 'forward-1');
    assert.equal(line.policy, 'forward');
    assert.equal(line.bodyBytes, FAILING.length);
    assert.equal(line.error.name, 'RuntimeError');
  });

  test('a body that is not UTF-8 goes on byte for byte too', async () => {
    // Bytes no text decoder would give back: a lone 0xff, a cut 3-byte
    // sequence.
    const body = Buffer.concat([
      Buffer.from('{"event":"force_validator_failure","notes":"'),
      Buffer.from([0xff, 0x41, 0xe2, 0x82]),
      Buffer.from('"}'),
    ]);
    const { res, forwarded } = await send(workers.forward, body);
    assert.equal(res.status, 201);
    assert.equal(forwarded.length, 1);
    assert.deepEqual(forwarded[0].body, body);
  });

  test('invalid events are still rejected: only failures are forwarded', async () => {
    const { res, forwarded } = await send(workers.forward, '{"event":"repair_started","repairStartedAt":"now"}');
    assert.equal(res.status, 422);
    assert.equal(forwarded.length, 0);
  });
});

test('an unknown VALIDATION_FAILURE means "reject", and says so once', async () => {
  const worker = workers.unknown;
  for (let i = 0; i < 2; i += 1) {
    const { res, forwarded } = await send(worker, FAILING);
    assert.equal(res.status, 503);
    assert.equal(forwarded.length, 0);
  }
  const line = await worker.logs.find((l) => l.message === 'config_invalid');
  assert.equal(line.variable, 'VALIDATION_FAILURE');
  assert.equal(line.using, 'reject');
  assert.equal(worker.logs.json().filter((l) => l.message === 'config_invalid').length, 1);
});
