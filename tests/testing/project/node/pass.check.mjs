// node:test, ES modules: the helpers pass on what they should.
import { test } from 'node:test';
import { assertValidEvent, assertInvalidEvent, assertValidEventJson, assertInvalidEventJson } from 'servicer-events/testing';
import samples from '../samples.cjs';

test('a valid event passes', () => assertValidEvent(samples.valid));
test('the valid event as JSON passes', () => assertValidEventJson(JSON.stringify(samples.valid)));
test('errors match by code', () => assertInvalidEvent(samples.invalid, ['invalid_type']));
test('errors match by code and path', () => assertInvalidEvent(samples.invalid, [{ code: 'invalid_type', path: '/receptionDate' }]));
test('strict mode compares warnings too', () =>
  assertInvalidEvent(samples.invalid, ['unknown_field', 'possible_typo', 'invalid_type'], null, { strict: true }));
test('a duplicate key in JSON', () => assertInvalidEventJson(samples.duplicateBody, [{ code: 'duplicate_key', path: '/notes' }]));
test('a closed order', () => assertInvalidEvent(samples.valid, [{ code: 'order_closed', path: '' }], samples.closedOrder));
