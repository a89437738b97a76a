'use strict';
// Matchers for `expect.extend` in Vitest and Jest. Both runners call a matcher
// with the same context (`this.isNot`, `this.utils.matcherHint`, …), so one
// implementation serves both; `.not` works as usual.

// Self-reference: the same module instance the test file imports.
const { validateEvent, validateEventJson } = require('servicer-events');
const { formatIssueList, formatResult } = require('./format.cjs');
const { matches, formatExpected } = require('./expected.cjs');

/**
 * Passes when the received value is a valid service-order event. It may be an
 * event object, a JSON body (string, Uint8Array, ArrayBuffer) or a
 * `ValidationResult` already computed.
 * @this {MatcherContext}
 * @param {unknown} received
 * @param {import('servicer-events').ServiceOrder} [order]
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {{ pass: boolean, message: () => string }}
 */
function toBeValidServiceOrderEvent(received, order, options) {
  const result = validate(received, order, options);
  const hint = header(this, 'toBeValidServiceOrderEvent', order === undefined && options === undefined ? '' : 'order, options');
  return {
    pass: result.valid,
    message: () => result.valid
      ? `${hint}\n\nExpected an invalid service-order event, but it is valid.\nIt reported ${formatResult(result)}`
      : `${hint}\n\nExpected a valid service-order event, but it is invalid.\nIt reported ${formatResult(result)}`,
  };
}

/**
 * Passes when validating the received value reports an issue (error or
 * warning) with this code, and at this JSON Pointer path when one is given.
 * @this {MatcherContext}
 * @param {unknown} received An event, a JSON body or a `ValidationResult`.
 * @param {string} code An issue code such as `invalid_timestamp`.
 * @param {string} [path] A JSON Pointer such as `/receptionDate`; any path when omitted.
 * @param {import('servicer-events').ServiceOrder} [order]
 * @param {import('servicer-events').ValidateOptions} [options]
 * @returns {{ pass: boolean, message: () => string }}
 */
function toHaveEventIssue(received, code, path, order, options) {
  if (typeof code !== 'string' || (path !== undefined && typeof path !== 'string')) {
    throw new TypeError('toHaveEventIssue(code, path?): code must be an issue code string and path a JSON Pointer string');
  }
  const want = path === undefined ? { code } : { code, path };
  const result = validate(received, order, options);
  const found = [...result.errors, ...result.warnings].filter((issue) => matches(want, issue));
  const hint = header(this, 'toHaveEventIssue', path === undefined ? 'code' : 'code, path');
  return {
    pass: found.length > 0,
    message: () => found.length > 0
      ? `${hint}\n\nExpected no issue ${formatExpected(want)}, but found ${formatIssueList(found.length === 1 ? 'issue' : 'issues', found)}`
      : `${hint}\n\nExpected an issue ${formatExpected(want)}, but it reported ${formatResult(result)}`,
  };
}

/** The runner's own first line, e.g. `expect(received).not.toHaveEventIssue(code)`. */
function header(context, name, args) {
  const utils = context && context.utils;
  if (utils && typeof utils.matcherHint === 'function') {
    return utils.matcherHint(name, 'received', args, { isNot: context.isNot, promise: context.promise });
  }
  return `expect(received)${context && context.isNot ? '.not' : ''}.${name}(${args})`;
}

/** Validates an event or a JSON body, or takes a result computed by the caller. */
function validate(received, order, options) {
  if (isResult(received)) {
    if (order !== undefined || options !== undefined) {
      throw new TypeError('received is already a ValidationResult: pass order and options to validateEvent instead');
    }
    return received;
  }
  const isBody = typeof received === 'string' || received instanceof Uint8Array || received instanceof ArrayBuffer;
  return isBody ? validateEventJson(received, order, options) : validateEvent(received, order, options);
}

/** A ValidationResult: `valid`, `errors`, `warnings`, and no `event` field (every event has one). */
function isResult(value) {
  try {
    return value !== null && typeof value === 'object' && typeof value.valid === 'boolean' &&
      Array.isArray(value.errors) && Array.isArray(value.warnings) && !('event' in value);
  } catch {
    return false; // a hostile Proxy or getter: let the validator report it as an event.
  }
}

/**
 * The matchers, ready for `expect.extend(matchers)` in Vitest or Jest.
 * @typedef {{ isNot?: boolean, promise?: string, utils?: { matcherHint: Function } }} MatcherContext
 */
const matchers = { toBeValidServiceOrderEvent, toHaveEventIssue };

module.exports = { matchers, toBeValidServiceOrderEvent, toHaveEventIssue };
