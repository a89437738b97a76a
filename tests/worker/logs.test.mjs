// Every answer the Worker makes itself is one JSON line on workerd's
// console, with the request id, the status and the issue codes, never the
// body's content; forwarded valid events are silent unless they have
// warnings; an upstream that cannot be reached is a logged 502.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertSetup, request, startExample, startUpstream } from './harness.mjs';

const ENDPOINT = '/service-orders/SO-5/update-repair';
const JSON_TYPE = { 'content-type': 'application/json' };
/** Text that appears only inside request bodies: it must never reach a log line. */
const SECRET = 'Customer Jane Roe, 12 Private Lane';

let upstream;
let worker;
let orphan;

before(async () => {
  assertSetup();
  upstream = await startUpstream(() => ({ status: 200, headers: {}, body: 'ok' }));
  worker = await startExample('logs', { bindings: { UPSTREAM_ORIGIN: upstream.origin } });
  // A Worker whose upstream is gone: the port of a server already closed.
  const gone = await startUpstream(() => ({ status: 200, headers: {}, body: '' }));
  await gone.close();
  orphan = await startExample('logs-no-upstream', { bindings: { UPSTREAM_ORIGIN: gone.origin } });
}, { timeout: 360_000 });

after(async () => {
  await worker?.dispose();
  await orphan?.dispose();
  await upstream?.close();
});

/** Sends one request with a known ray id; returns its answer and its log lines. */
async function logged(target, id, options) {
  const res = await request(target.url, {
    method: 'POST',
    path: ENDPOINT,
    ...options,
    headers: { ...options.headers, 'cf-ray': id },
  });
  const line = await target.logs.find((l) => l.requestId === id);
  // Give a stray second line the time to arrive before counting.
  await new Promise((ok) => setTimeout(ok, 100));
  const lines = target.logs.json().filter((l) => l.requestId === id);
  assert.equal(lines.length, 1, `one line per request: ${JSON.stringify(lines)}`);
  for (const l of target.logs.lines.filter((raw) => raw.includes(id))) {
    assert.ok(!l.includes(SECRET) && !l.includes('receptionDate'), `body content in a log line: ${l}`);
  }
  return { res, line };
}

describe('rejections', () => {
  test('a 422: level info, status, body size, kind, counts and codes', async () => {
    const body = `{"event":"product_received","receptionDate":"${SECRET}","receivedBy":7,"deliveredAt":-1}`;
    const { res, line } = await logged(worker, 'ray-422', { headers: JSON_TYPE, body });
    assert.equal(res.status, 422);
    assert.deepEqual(line, {
      level: 'info',
      message: 'event_rejected',
      requestId: 'ray-422',
      status: 422,
      bodyBytes: Buffer.byteLength(body),
      kind: 'depot',
      errorCount: 3,
      warningCount: 0,
      codes: { invalid_type: 2, invalid_timestamp: 1 },
    });
  });

  test('the hostile 1,000-issue body: still one short line', async () => {
    const key = 'k'.repeat(1000);
    const body = `{"event":"note_added","metadata":{"${key}":[${new Array(1000).fill('1e999').join(',')}]}}`;
    const { line } = await logged(worker, 'ray-flood', { headers: JSON_TYPE, body });
    assert.equal(line.errorCount, 1000);
    assert.ok(JSON.stringify(line).length < 400);
    assert.ok(!JSON.stringify(line).includes('kkkk'));
  });

  test('a 413 declared by Content-Length: the declared size, the body unread', async () => {
    const body = Buffer.alloc(2 * 1_048_576, 0x20);
    const { res, line } = await logged(worker, 'ray-413', { headers: JSON_TYPE, body });
    assert.equal(res.status, 413);
    assert.equal(line.message, 'event_rejected');
    assert.equal(line.status, 413);
    assert.equal(line.bodyBytes, body.length);
    assert.deepEqual(line.codes, { limit_exceeded: 1 });
  });

  test('a 413 streamed without Content-Length: bodyBytes is null (read only up to the limit)', async () => {
    const body = Buffer.alloc(2 * 1_048_576, 0x20);
    const { res, line } = await logged(worker, 'ray-413-stream', { headers: JSON_TYPE, body, chunked: true });
    assert.equal(res.status, 413);
    assert.equal(line.bodyBytes, null);
  });

  test('405, 415 and 400 name their reason', async () => {
    const cases = [
      [{ method: 'PUT', headers: JSON_TYPE, body: '{}' }, 405, 'method_not_allowed'],
      [{ headers: { 'content-type': 'text/plain' }, body: '{}' }, 415, 'unsupported_media_type'],
      [{ headers: { ...JSON_TYPE, 'x-service-type': 'mail_in' }, body: '{}' }, 400, 'bad_service_order'],
    ];
    for (const [options, status, reason] of cases) {
      const id = `ray-${status}`;
      const { res, line } = await logged(worker, id, options);
      assert.equal(res.status, status);
      assert.deepEqual(line, { level: 'info', message: 'request_refused', requestId: id, status, reason });
      assert.equal(res.json().requestId, id);
    }
  });
});

describe('forwarded events', () => {
  test('a valid event without warnings is not logged', async () => {
    const id = 'ray-quiet';
    const res = await request(worker.url, {
      method: 'POST',
      path: ENDPOINT,
      headers: { ...JSON_TYPE, 'cf-ray': id },
      body: '{"event":"repair_started","repairStartedAt":1700000000000}',
    });
    assert.equal(res.status, 200);
    await new Promise((ok) => setTimeout(ok, 300));
    assert.equal(worker.logs.json().filter((l) => l.requestId === id).length, 0);
  });

  test('a valid event with warnings: one line with the warning codes', async () => {
    const body = `{"event":"repair_started","repairStartedAt":1700000000,"recievedBy":"${SECRET}"}`;
    const { res, line } = await logged(worker, 'ray-warn', { headers: JSON_TYPE, body });
    assert.equal(res.status, 200);
    assert.deepEqual(line, {
      level: 'info',
      message: 'event_warnings',
      requestId: 'ray-warn',
      bodyBytes: Buffer.byteLength(body),
      kind: 'depot',
      codes: { timestamp_in_seconds: 1, possible_typo: 1 },
    });
  });
});

test('an upstream that cannot be reached: a 502 and an error line', async () => {
  const { res, line } = await logged(orphan, 'ray-502', {
    headers: JSON_TYPE,
    body: '{"event":"repair_started","repairStartedAt":1700000000000}',
  });
  assert.equal(res.status, 502);
  assert.equal(line.level, 'error');
  assert.equal(line.message, 'upstream_failed');
  assert.equal(typeof line.error.message, 'string');
});

test('without CF-Ray, each request gets an id of its own, in its answer and its line', async () => {
  const res = await request(worker.url, {
    method: 'POST',
    path: ENDPOINT,
    headers: JSON_TYPE,
    body: '{"event":""}',
  });
  assert.equal(res.status, 422);
  const { requestId } = res.json();
  assert.match(requestId, /^[0-9a-f-]{36}$/);
  const line = await worker.logs.find((l) => l.requestId === requestId);
  assert.deepEqual(line.codes, { empty_event_name: 1 });
});
