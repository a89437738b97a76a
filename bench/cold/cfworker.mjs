// Cold start of @cfworker/json-schema: import to first result.
const t0 = performance.now();
const { Validator } = await import('@cfworker/json-schema');
const { eventSchema } = await import('../lib/peers/schema.mjs');
const { EVENT } = await import('./event.mjs');
const valid = new Validator(eventSchema(), '2020-12', false).validate(EVENT).valid;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
