'use strict';
// `servicer-events/testing` for `require`: assertion helpers and matchers.

const { assertValidEvent, assertValidEventJson, assertInvalidEvent, assertInvalidEventJson } = require('./assert.cjs');
const { matchers, toBeValidServiceOrderEvent, toHaveEventIssue } = require('./matchers.cjs');
const { formatIssue } = require('./format.cjs');

// An object literal of names, so Node's CommonJS lexer finds the exports for index.mjs.
module.exports = {
  assertValidEvent,
  assertValidEventJson,
  assertInvalidEvent,
  assertInvalidEventJson,
  matchers,
  toBeValidServiceOrderEvent,
  toHaveEventIssue,
  formatIssue,
};
