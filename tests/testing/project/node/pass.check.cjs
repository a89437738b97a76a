// node:test, CommonJS: the same helpers through `require`.
const { test } = require('node:test');
const { assertValidEvent, assertInvalidEvent } = require('servicer-events/testing');
const samples = require('../samples.cjs');

test('require: a valid event passes', () => assertValidEvent(samples.valid));
test('require: an invalid event fails as expected', () => assertInvalidEvent(samples.invalid, 'invalid_type'));
