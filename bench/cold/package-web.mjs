// Cold start of `servicer-events/web`: import, init with the .wasm's bytes
// (read from disk here, as a page would fetch them), first result.
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { createRequire } = await import('node:module');
const { init, validateEventJson } = await import('servicer-events/web');
await init(readFileSync(createRequire(import.meta.url).resolve('servicer-events/servicer_events.wasm')));
const { EVENT } = await import('./event.mjs');
const valid = validateEventJson(new TextEncoder().encode(JSON.stringify(EVENT))).valid;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
