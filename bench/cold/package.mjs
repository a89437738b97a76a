// Cold start of the package: import to first result, in a fresh process.
const t0 = performance.now();
const { validateEvent } = await import('servicer-events');
const { EVENT } = await import('./event.mjs');
const valid = validateEvent(EVENT).valid;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
