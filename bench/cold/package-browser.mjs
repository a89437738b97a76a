// Cold start of the package's browser entry (what bundlers take: the module
// inlined and compiled at import), run in Node: import to first result.
// Loaded by its file, since Node resolves the package to its node entry.
const t0 = performance.now();
const { createRequire } = await import('node:module');
const dir = createRequire(import.meta.url).resolve('servicer-events/package.json').replace(/package\.json$/, '');
const { validateEventJson } = await import(`${dir}browser.js`);
const { EVENT } = await import('./event.mjs');
const valid = validateEventJson(new TextEncoder().encode(JSON.stringify(EVENT))).valid;
console.log(JSON.stringify({ ms: performance.now() - t0, valid }));
