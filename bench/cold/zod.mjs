// Cold start of zod 4 (import, build the schema, first result).
const t0 = performance.now();
const { schemaFor } = await import('../lib/peers/zod.mjs');
const { EVENT } = await import('./event.mjs');
const valid = schemaFor(undefined).safeParse(EVENT).success;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
