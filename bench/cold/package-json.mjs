// Cold start of the package's JSON path (the edge's use): import to first result.
const t0 = performance.now();
const { validateEventJson } = await import('servicer-events');
const { EVENT } = await import('./event.mjs');
const valid = validateEventJson(new TextEncoder().encode(JSON.stringify(EVENT))).valid;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
