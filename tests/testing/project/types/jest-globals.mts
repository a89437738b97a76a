// The Jest setup entry adds the matchers to the `expect` of @jest/globals.
import type {} from 'servicer-events/testing/jest';
import { expect } from '@jest/globals';

expect({ event: 'repair_started' }).toBeValidServiceOrderEvent({ serviceType: 'repair_onsite' });
expect('{"event":"x"}').not.toHaveEventIssue('invalid_json', '');
expect({ body: {} }).toEqual({ body: expect.toBeValidServiceOrderEvent() });
// @ts-expect-error the code is an issue code
expect({}).toHaveEventIssue(42);
