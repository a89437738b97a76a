import { assertValidEvent, assertInvalidEvent, assertInvalidEventJson, matchers } from 'servicer-events/testing';

assertValidEvent({ event: 'repair_started' }, { serviceType: 'repair_depot', closed: false });
assertInvalidEvent({}, ['missing_event', { code: 'invalid_type', path: '/notes' }]);
assertInvalidEventJson(new Uint8Array(), 'invalid_json', null, { strict: true });
const names: Array<keyof typeof matchers> = ['toBeValidServiceOrderEvent', 'toHaveEventIssue'];
// @ts-expect-error an order needs a serviceType
assertValidEvent({}, { closed: true });
export { names };
// @ts-expect-error issue codes are checked: a misspelt one is a type error
assertInvalidEvent({}, 'invalid_tipe');
