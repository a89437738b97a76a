'use strict';
// Matcher tests shared by Vitest and Jest: one body, each runner passes in its
// own `test` and `expect`. Names starting with FAIL- fail on purpose.
const { validateEvent } = require('servicer-events');
const { assertValidEvent, assertInvalidEvent } = require('servicer-events/testing');
const samples = require('./samples.cjs');

/** Tests that must pass. */
exports.passing = (test, expect) => {
  test('a valid event', () => expect(samples.valid).toBeValidServiceOrderEvent());
  test('.not on an invalid event', () => expect(samples.invalid).not.toBeValidServiceOrderEvent());
  test('an issue by code and path', () => expect(samples.invalid).toHaveEventIssue('invalid_type', '/receptionDate'));
  test('a warning is an issue too', () => expect(samples.invalid).toHaveEventIssue('possible_typo'));
  test('.not on an absent issue', () => expect(samples.invalid).not.toHaveEventIssue('invalid_timestamp'));
  test('a JSON body', () => expect(samples.duplicateBody).toHaveEventIssue('duplicate_key', '/notes'));
  test('a result computed with an order', () =>
    expect(validateEvent(samples.valid, samples.closedOrder)).toHaveEventIssue('order_closed', ''));
  test('an order argument', () => expect(samples.valid).not.toBeValidServiceOrderEvent(samples.closedOrder));
  test('as an asymmetric matcher', () =>
    expect({ body: samples.valid }).toEqual({ body: expect.toBeValidServiceOrderEvent() }));
  test('the assertion helper passes', () => assertValidEvent(samples.valid));
};

/** Tests that fail on purpose; the driver checks each message. */
exports.failing = (test, expect) => {
  test('FAIL-matcher-valid', () => expect(samples.invalid).toBeValidServiceOrderEvent());
  test('FAIL-matcher-not-valid', () => expect(samples.valid).not.toBeValidServiceOrderEvent());
  test('FAIL-matcher-issue', () => expect(samples.invalid).toHaveEventIssue('invalid_timestamp', '/receptionDate'));
  test('FAIL-matcher-not-issue', () => expect(samples.invalid).not.toHaveEventIssue('invalid_type'));
  test('FAIL-assert-in-runner', () => assertValidEvent(samples.invalid));
  test('FAIL-assert-differ-in-runner', () => assertInvalidEvent(samples.invalid, ['invalid_timestamp']));
};
