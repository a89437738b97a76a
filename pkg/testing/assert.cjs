'use strict';
// node:assert-style helpers: they return nothing when the check holds and
// throw an AssertionError whose message alone says what to fix, so they work
// in node:test, Vitest, Jest, Mocha or a plain script alike.

const { AssertionError } = require('node:assert');
// Self-reference through the package's exports: the same module instance the
// test file gets from `servicer-events`, so one WebAssembly instance serves both.
const { validateEvent, validateEventJson } = require('servicer-events');
const { formatResult } = require('./format.cjs');
const { normalizeExpected, diffIssues, matches, formatExpected } = require('./expected.cjs');

/**
 * Asserts that an event object is valid (it may have warnings; pass
 * `{ strict: true }` to count them as errors).
 * @param {unknown} event The event object your code produces.
 * @param {import('servicer-events').ServiceOrder} [order] The service order it is for.
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {void}
 * @throws {AssertionError} listing every issue as `path: message (code)`.
 */
function assertValidEvent(event, order, options) {
  checkValid(validateEvent(event, order, options), eventLabel(event), assertValidEvent);
}

/**
 * Asserts that a JSON body (string, Uint8Array or ArrayBuffer) is a valid event.
 * @param {string | Uint8Array | ArrayBuffer} body The request body your code sends.
 * @param {import('servicer-events').ServiceOrder} [order]
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {void}
 * @throws {AssertionError} listing every issue as `path: message (code)`.
 */
function assertValidEventJson(body, order, options) {
  checkValid(validateEventJson(body, order, options), 'JSON body', assertValidEventJson);
}

/**
 * Asserts that an event object is invalid with exactly the expected errors,
 * in any order. Warnings are not compared unless `options.strict` makes them errors.
 * @param {unknown} event
 * @param {import('./index.cjs').ExpectedIssues} expected Codes or `{ code, path }` objects.
 * @param {import('servicer-events').ServiceOrder} [order]
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {void}
 * @throws {AssertionError} when the event is valid or the errors differ, showing the difference.
 * @throws {TypeError} when `expected` is malformed.
 */
function assertInvalidEvent(event, expected, order, options) {
  const want = normalizeExpected(expected);
  checkInvalid(validateEvent(event, order, options), want, eventLabel(event), assertInvalidEvent);
}

/**
 * Asserts that a JSON body is invalid with exactly the expected errors, in any order.
 * @param {string | Uint8Array | ArrayBuffer} body
 * @param {import('./index.cjs').ExpectedIssues} expected Codes or `{ code, path }` objects.
 * @param {import('servicer-events').ServiceOrder} [order]
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {void}
 * @throws {AssertionError} when the body is valid or the errors differ, showing the difference.
 * @throws {TypeError} when `expected` is malformed.
 */
function assertInvalidEventJson(body, expected, order, options) {
  const want = normalizeExpected(expected);
  checkInvalid(validateEventJson(body, order, options), want, 'JSON body', assertInvalidEventJson);
}

/** @returns {void} */
function checkValid(result, label, caller) {
  if (result.valid) return;
  // operator 'fail': Jest then prints the message alone, not an empty received/expected pair.
  fail(`Expected a valid ${label}, but it is invalid.\n${report(result)}`, caller, { operator: 'fail' });
}

/** @returns {void} */
function checkInvalid(result, want, label, caller) {
  const wanted = want.map(formatExpected).join(', ');
  if (result.valid) {
    const message = `Expected an invalid ${label} with errors ${wanted}, but it is valid.\n${report(result)}`;
    fail(message + warningHint(want, result), caller, comparison(caller, want, want, []));
  }
  const { missing, unexpected } = diffIssues(want, result.errors);
  if (missing.length === 0 && unexpected.length === 0) return;
  const lines = [`Expected ${label} to have exactly the errors ${wanted}, but they differ.`];
  if (missing.length) lines.push(`  missing: ${missing.map(formatExpected).join(', ')}`);
  if (unexpected.length) lines.push(`  unexpected: ${unexpected.map(formatExpected).join(', ')}`);
  const message = `${lines.join('\n')}\n${report(result)}${warningHint(missing, result)}`;
  fail(message, caller, comparison(caller, want, missing, unexpected));
}

/**
 * `expected` and `actual` for the runners' diff: the expected issues, and the
 * reported errors written the same way (a matched error as the entry it
 * matched), so the diff shows only what is missing and what is unexpected.
 * The operator is the helper's name: with `deepStrictEqual`, Node would append
 * its own diff to the message, and the runners print a second one.
 */
function comparison(caller, want, missing, unexpected) {
  const matched = want.filter((w) => !missing.includes(w));
  return {
    operator: caller.name,
    expected: want.map(formatExpected).sort(),
    actual: [...matched, ...unexpected].map(formatExpected).sort(),
  };
}

/** Everything the validator reported, introduced as such. */
function report(result) {
  return `It reported ${formatResult(result)}`;
}

/** Says when an expected error was reported, but as a warning. */
function warningHint(want, result) {
  const asWarnings = want.filter((w) => result.warnings.some((issue) => matches(w, issue)));
  if (asWarnings.length === 0) return '';
  return `\nNote: ${asWarnings.map(formatExpected).join(', ')} was reported as a warning; ` +
    'pass { strict: true } in options to count warnings as errors.';
}

/** `event "name"` when the event has a readable string name, else `event`. */
function eventLabel(event) {
  try {
    const name = event !== null && typeof event === 'object' ? event.event : undefined;
    return typeof name === 'string' && name !== '' ? `event "${name}"` : 'event';
  } catch {
    return 'event'; // a throwing getter or Proxy: the validator reports it, the label need not.
  }
}

/**
 * Throws the AssertionError, its stack starting at the test's call.
 * @param {string} message
 * @param {Function} caller The exported helper, left out of the stack.
 * @param {{ operator: string, actual?: string[], expected?: string[] }} details
 * @returns {never}
 */
function fail(message, caller, details) {
  throw new AssertionError({ message, stackStartFn: caller, ...details });
}

module.exports = { assertValidEvent, assertValidEventJson, assertInvalidEvent, assertInvalidEventJson };
