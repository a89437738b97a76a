// With @types/jest's global `expect`, in a CommonJS test file.
/// <reference types="jest" />
import type {} from 'servicer-events/testing/jest';

expect({ event: 'repair_started' }).toBeValidServiceOrderEvent();
expect({ event: 'repair_started' }).not.toHaveEventIssue('invalid_type');
// @ts-expect-error the code is an issue code
expect({}).toHaveEventIssue(42);
