// The Vitest setup entry adds the matchers to Vitest's `expect` types.
import 'servicer-events/testing/vitest';
import { expect } from 'vitest';

expect({ event: 'repair_started' }).toBeValidServiceOrderEvent({ serviceType: 'repair_depot' }, { strict: true });
expect({ event: 'repair_started' }).not.toHaveEventIssue('invalid_type', '/repairStartedAt');
expect({ body: {} }).toEqual({ body: expect.toBeValidServiceOrderEvent() });
// @ts-expect-error the code is an issue code
expect({}).toHaveEventIssue(42);
