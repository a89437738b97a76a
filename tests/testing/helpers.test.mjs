// The assertion helpers and matchers of the installed package, through
// `require`, on the real validator: what passes, what fails, and how.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { prepareProject } from './scratch.mjs';

let testing;
let samples;
before(async () => {
  const dir = await prepareProject();
  const require = createRequire(join(dir, 'package.json'));
  testing = require('servicer-events/testing');
  samples = require('./samples.cjs');
});

test('a failed check is a node:assert AssertionError with the issue lines', () => {
  const err = catchError(() => testing.assertValidEvent(samples.invalid));
  assert.ok(err instanceof assert.AssertionError);
  assert.equal(err.code, 'ERR_ASSERTION');
  assert.match(err.message, /^  \/receptionDate: .+ \(invalid_type\)$/m);
  assert.match(err.message, /did you mean "?receivedBy"?\?/);
});

test('the stack starts at the caller, not inside the helper', () => {
  const err = catchError(() => testing.assertValidEvent(samples.invalid));
  assert.doesNotMatch(err.stack.split('\n')[0] + err.stack.split('\n').slice(1).find((l) => /^\s+at /.test(l)), /assert\.cjs/);
});

test('expected errors in any order, by code or by code and path', () => {
  testing.assertInvalidEvent(samples.invalid, [{ code: 'invalid_type', path: '/receptionDate' }]);
  testing.assertInvalidEvent(samples.invalid, 'invalid_type');
  testing.assertInvalidEvent(samples.invalid, ['possible_typo', 'unknown_field', 'invalid_type'], undefined, { strict: true });
});

test('an expected warning is pointed out as one', () => {
  const err = catchError(() => testing.assertInvalidEvent(samples.invalid, ['invalid_type', 'possible_typo']));
  assert.match(err.message, /missing: possible_typo/);
  assert.match(err.message, /possible_typo was reported as a warning; pass \{ strict: true \}/);
});

test('a wrong path is a difference', () => {
  const err = catchError(() => testing.assertInvalidEvent(samples.invalid, { code: 'invalid_type', path: '/receivedBy' }));
  assert.match(err.message, /missing: invalid_type at \/receivedBy/);
  assert.match(err.message, /unexpected: invalid_type at \/receptionDate/);
  // the runners' diff shows only the difference
  assert.deepEqual({ expected: err.expected, actual: err.actual },
    { expected: ['invalid_type at /receivedBy'], actual: ['invalid_type at /receptionDate'] });
});

test('JSON bodies as text, bytes and buffers', () => {
  const text = JSON.stringify(samples.valid);
  const bytes = new TextEncoder().encode(text);
  testing.assertValidEventJson(text);
  testing.assertValidEventJson(bytes);
  testing.assertValidEventJson(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  testing.assertInvalidEventJson('{"event":', 'invalid_json');
  testing.assertInvalidEventJson(samples.duplicateBody, { code: 'duplicate_key', path: '/notes' });
});

test('a malformed expectation or order is a TypeError, not a failed assertion', () => {
  assert.throws(() => testing.assertInvalidEvent(samples.invalid, []), TypeError);
  assert.throws(() => testing.assertInvalidEvent(samples.invalid, [{ path: '/x' }]), TypeError);
  assert.throws(() => testing.assertValidEvent(samples.valid, { serviceType: 'repair_somewhere' }), TypeError);
});

test('a hostile event fails the assertion without crashing the helper', () => {
  const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  const err = catchError(() => testing.assertValidEvent(trap));
  assert.ok(err instanceof assert.AssertionError, String(err));
  testing.assertValidEvent(samples.valid); // the module still works
});

test('matchers work outside a runner, with a minimal context', () => {
  const { toBeValidServiceOrderEvent, toHaveEventIssue } = testing.matchers;
  assert.equal(toBeValidServiceOrderEvent.call({}, samples.valid).pass, true);
  const miss = toHaveEventIssue.call({ isNot: false }, samples.invalid, 'invalid_timestamp');
  assert.equal(miss.pass, false);
  assert.match(miss.message(), /^expect\(received\)\.toHaveEventIssue\(code\)\n\nExpected an issue invalid_timestamp/);
  assert.throws(() => toHaveEventIssue.call({}, samples.invalid, 42), TypeError);
});

/** The error `fn` throws; fails when it throws nothing. */
function catchError(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected a throw');
}
