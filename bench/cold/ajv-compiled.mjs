// Cold start of Ajv compiling the schema at run time: import to first result.
const t0 = performance.now();
const { default: Ajv2020 } = await import('ajv/dist/2020.js');
const { eventSchema } = await import('../lib/peers/schema.mjs');
const { EVENT } = await import('./event.mjs');
const valid = new Ajv2020({ allErrors: true }).compile(eventSchema())(EVENT);
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
