'use strict';
// Compares the issues a test expects with the errors a validation reported.
// The comparison ignores order (the validator reports in field order, which a
// test should not have to know) and is exact otherwise: every expected issue
// must be found, and every reported error must be expected.

const { showPath } = require('./format.cjs');

/**
 * Checks and normalises the `expected` argument of `assertInvalidEvent`:
 * a code, a `{ code, path? }` object, or a non-empty list of them.
 * @param {unknown} expected
 * @returns {Array<{ code: string, path?: string }>}
 * @throws {TypeError} when `expected` is not of that shape: a test bug, not a failed assertion.
 */
function normalizeExpected(expected) {
  const list = Array.isArray(expected) ? expected : [expected];
  if (list.length === 0) {
    throw new TypeError('expected issues: list at least one issue code, e.g. ["invalid_type"]');
  }
  return list.map((item, i) => {
    if (typeof item === 'string' && item !== '') return { code: item };
    if (item !== null && typeof item === 'object' && typeof item.code === 'string') {
      if (item.path !== undefined && typeof item.path !== 'string') {
        throw new TypeError(`expected issues[${i}].path must be a JSON Pointer string such as "/receptionDate"`);
      }
      return item.path === undefined ? { code: item.code } : { code: item.code, path: item.path };
    }
    throw new TypeError(`expected issues[${i}] must be an issue code or { code, path? }, got ${describe(item)}`);
  });
}

/**
 * Matches expected issues with reported ones. Entries with a path are matched
 * first, so a code-only entry never takes the issue a more precise entry needs.
 * @param {Array<{ code: string, path?: string }>} expected
 * @param {ReadonlyArray<import('servicer-events').Issue>} reported
 * @returns {{ missing: Array<{ code: string, path?: string }>, unexpected: import('servicer-events').Issue[] }}
 */
function diffIssues(expected, reported) {
  const left = [...reported];
  const missing = [];
  const ordered = [...expected.filter((e) => e.path !== undefined), ...expected.filter((e) => e.path === undefined)];
  for (const want of ordered) {
    const i = left.findIndex((issue) => matches(want, issue));
    if (i === -1) missing.push(want);
    else left.splice(i, 1);
  }
  return { missing, unexpected: left };
}

/**
 * Whether a reported issue has the expected code, and the path when one is given.
 * @param {{ code: string, path?: string }} want
 * @param {import('servicer-events').Issue} issue
 * @returns {boolean}
 */
function matches(want, issue) {
  return issue.code === want.code && (want.path === undefined || issue.path === want.path);
}

/**
 * An expected issue as text: `code at path`, or the code alone.
 * @param {{ code: string, path?: string }} want
 * @returns {string}
 */
function formatExpected(want) {
  return want.path === undefined ? want.code : `${want.code} at ${showPath(want.path)}`;
}

/** @param {unknown} value @returns {string} */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without a string "code"' : `${typeof value} ${String(value)}`;
}

module.exports = { normalizeExpected, diffIssues, matches, formatExpected };
