import testing = require('servicer-events/testing');

testing.assertValidEvent({ event: 'repair_started' });
testing.assertInvalidEvent({}, { code: 'missing_event', path: '/event' });
// @ts-expect-error expected issues are codes or { code, path }
testing.assertInvalidEvent({}, [42]);
