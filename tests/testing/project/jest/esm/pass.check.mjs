import { test, expect } from '@jest/globals';
import { assertInvalidEvent } from 'servicer-events/testing';
import cases from '../../matcher-cases.cjs';
import samples from '../../samples.cjs';

cases.passing(test, expect);
test('esm: assertInvalidEvent', () => assertInvalidEvent(samples.invalid, ['invalid_type']));
