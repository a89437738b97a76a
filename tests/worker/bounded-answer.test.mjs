// The 422 stays within a few KB whatever the body: the first issues, the
// counts, and one `too_many_issues` when some are not shown. Hostile bodies
// of the kinds that once made answers of megabytes, in workerd.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issueFlood } from '../../examples/worker/bench/lib/bodies.mjs';
import { assertSetup, request, startExample, startUpstream } from './harness.mjs';

const ENDPOINT = '/service-orders/SO-9/update-repair';
const JSON_TYPE = { 'content-type': 'application/json' };
/** examples/worker/src/rejection.js: MAX_ANSWER_BYTES, MAX_SHOWN_ISSUES, MAX_FIELD_CHARS. */
const MAX_ANSWER_BYTES = 4096;
const MAX_SHOWN_ISSUES = 20;
const MAX_FIELD_CHARS = 200;

let upstream;
let worker;

before(async () => {
  assertSetup();
  upstream = await startUpstream(() => ({ status: 202, headers: {}, body: 'ok' }));
  worker = await startExample('bounded-answer', { bindings: { UPSTREAM_ORIGIN: upstream.origin } });
}, { timeout: 240_000 });

after(async () => {
  await worker?.dispose();
  await upstream?.close();
});

/** POSTs `body` and checks the 422's bounds; returns the parsed answer. */
async function rejected(body) {
  const res = await request(worker.url, { method: 'POST', path: ENDPOINT, headers: JSON_TYPE, body });
  assert.equal(res.status, 422, res.body.toString().slice(0, 300));
  assert.ok(res.body.length <= MAX_ANSWER_BYTES, `a 422 of ${res.body.length} bytes`);
  const answer = res.json();
  const shown = [...answer.errors, ...answer.warnings].filter((i) => i.code !== 'too_many_issues');
  assert.ok(shown.length >= 1, 'at least the first issue is shown');
  assert.ok(shown.length <= MAX_SHOWN_ISSUES);
  for (const issue of [...answer.errors, ...answer.warnings]) {
    for (const field of ['path', 'message', 'expected', 'received', 'suggestion']) {
      if (issue[field] !== undefined) assert.ok(issue[field].length <= MAX_FIELD_CHARS, `${field} of ${issue[field].length} chars`);
    }
  }
  return { answer, shown, bytes: res.body.length };
}

test('the hostile body of the report: 7 KB, 1,000 issues under a 1,000-character key', async () => {
  const body = issueFlood();
  assert.ok(body.length < 8000);
  const { answer, shown } = await rejected(body);
  assert.equal(answer.errorCount + answer.warningCount, 1000);
  const last = answer.errors.at(-1);
  assert.equal(last.code, 'too_many_issues');
  assert.equal(last.path, '');
  assert.match(last.message, new RegExp(`^${1000 - shown.length} more issues are not shown`));
  // The first issues, in document order, with their (cut) paths.
  assert.ok(shown[0].path.startsWith('/metadata/kkkk'));
  assert.ok(shown[0].path.endsWith('…'));
  assert.equal(typeof answer.requestId, 'string');
});

test('long keys of 3-byte characters and of control characters stay within the budget', async () => {
  // JSON escapes a control character as six bytes: the budget is in bytes
  // of the answer, not in characters.
  for (const key of ['€'.repeat(20_000), '\u0001'.repeat(20_000), '😀'.repeat(10_000)]) {
    const escaped = JSON.stringify(key);
    const body = `{"event":"note_added","metadata":{${escaped}:[${new Array(300).fill('1e999').join(',')}]},"isDelayed":"no"}`;
    const { answer } = await rejected(body);
    assert.equal(answer.errorCount, 301);
    assert.equal(answer.errors.at(-1).code, 'too_many_issues');
  }
});

test('many fields with long wrong values: every issue cut, the answer still small', async () => {
  const long = JSON.stringify('2024-01-01T00:00:00Z '.repeat(100));
  const body = `{"event":"repair_completed","repairCompletedAt":${long},"repairStartedAt":${long},"receptionDate":${long},"deliveredDate":${long}}`;
  const { answer } = await rejected(body);
  assert.equal(answer.errorCount, 4);
  assert.deepEqual(
    answer.errors.map((e) => e.path),
    ['/repairCompletedAt', '/repairStartedAt', '/receptionDate', '/deliveredDate'],
  );
});

test('a few issues are shown whole, with no too_many_issues', async () => {
  const { answer } = await rejected('{"event":"repair_eta","isDelayed":"yes","delayReason":7}');
  assert.equal(answer.errorCount, 2);
  assert.deepEqual(
    answer.errors.map((e) => [e.code, e.path]),
    [
      ['invalid_type', '/isDelayed'],
      ['invalid_type', '/delayReason'],
    ],
  );
});

test('nothing of a rejected body reaches the upstream', () => {
  assert.equal(upstream.received.length, 0);
});
