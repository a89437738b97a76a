// Cold start of Ajv standalone code of the no-order schema (written by run.mjs): import to first result.
const t0 = performance.now();
const { v0 } = await import('../.generated/ajv-standalone-one.cjs');
const { EVENT } = await import('./event.mjs');
const valid = v0(EVENT);
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
