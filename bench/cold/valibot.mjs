// Cold start of valibot (import, build the schema, first result).
const t0 = performance.now();
const { schemaFor, safeParse } = await import('../lib/peers/valibot.mjs');
const { EVENT } = await import('./event.mjs');
const valid = safeParse(schemaFor(undefined), EVENT).success;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
