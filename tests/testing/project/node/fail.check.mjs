// node:test: deliberately failing tests; the driver checks their messages.
import { test } from 'node:test';
import { assertValidEvent, assertInvalidEvent, assertValidEventJson } from 'servicer-events/testing';
import samples from '../samples.cjs';

test('FAIL-valid', () => assertValidEvent(samples.invalid));
test('FAIL-differ', () => assertInvalidEvent(samples.invalid, ['invalid_timestamp']));
test('FAIL-json', () => assertValidEventJson(samples.duplicateBody));
test('FAIL-order', () => assertValidEvent(samples.valid, samples.closedOrder));
test('FAIL-is-valid', () => assertInvalidEvent(samples.valid, 'invalid_type'));
