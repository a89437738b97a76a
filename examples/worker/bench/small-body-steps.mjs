// Where a small valid body's CPU goes between the cheapest safe Worker (the
// body read by one `arrayBuffer()` and that buffer forwarded) and the
// example Worker: steps that grow the one toward the other, measured
// against the pass-through. Every step is a handler of one Worker, chosen by
// the request's `?step=` (the example's own handler is one of them, with its
// real validator and with the stub), so all run in one workerd process and
// one isolate, and what two steps differ by is their code, not where two
// processes landed. The steps take turns, round after round, in an order
// that alternates; the CPU is the process's, as lib/cpu.mjs reads it. On a
// busy machine a round still moves by ±0.1 to 0.2 ms per request: repeat a
// run before believing a difference under that. Prints a Markdown table:
// each step's CPU, its paired difference to the pass-through and to the
// step it grows; every round goes to target/worker-bench/small-body-steps/rounds.json.
//
//   node bench/small-body-steps.mjs                  # from examples/worker; 1 KiB, ~5 min
//   node bench/small-body-steps.mjs --size 100 --rounds 40 --requests 100
//   node bench/small-body-steps.mjs --only abf,exampleStub  # and the two pass-throughs
//   node bench/small-body-steps.mjs --before ../old/src --only exampleStub,example  # an older src/ beside
import http from 'node:http';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR, ROOT, assertSetup, compatibilityDateOf, startUpstream, startWorker, varsOf, wranglerBuild } from '../../../tests/worker/harness.mjs';
import { eventOfSize } from './lib/bodies.mjs';
import { canMeasure, cpuNanos, median, pairedDifference, post } from './lib/cpu.mjs';
import { option } from './lib/option.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZE = Number(option('--size') ?? 1024);
const ROUNDS = Number(option('--rounds') ?? 30);
const REQUESTS = Number(option('--requests') ?? 200);
const only = option('--only')?.split(',');
/** Another copy of the example's src/ (an older one), measured beside it. */
const beforeSrc = option('--before');

/**
 * Helpers of the written-out steps: a forward as the pass-through's, one as
 * the example's, and the example's checks.
 */
const PRELUDE = `
const forward = (request, env, body) => {
  const url = new URL(request.url);
  return fetch(new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN), {
    method: request.method, headers: request.headers, body, redirect: 'manual',
  });
};
async function forwardAwaited(request, env, body) {
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    return await fetch(target, { method: request.method, headers: request.headers, body: hasBody ? body : null, redirect: 'manual' });
  } catch {
    return new Response('upstream', { status: 502 });
  }
}
const PATH = /^\\/service-orders\\/[^/]+\\/update-repair$/;
const isJson = (header) => {
  if (header === null) return false;
  const mediaType = header.split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\\/[^/]+\\+json$/.test(mediaType);
};
async function lookup(request) {
  const type = request.headers.get('X-Service-Type');
  return type === null ? undefined : { serviceType: type.trim() };
}
const lengthOf = (headers) => {
  const value = headers.get('Content-Length');
  if (value === null || !/^\\s*\\d{1,15}\\s*$/.test(value)) return null;
  return Number(value);
};
const options = { limits: { maxBodyBytes: 1048576 } };
const utf8 = new TextDecoder();
`;

/**
 * name → [what it does, the step it grows (compared in the last column),
 * an async function (request, env) as source]. `validate` is the stub
 * validator or the library, as the step's name says.
 */
const STEPS = {
  pass: ['pass-through: the body streamed to the upstream unread', null, 'return forward(request, env, request.body);'],
  passAgain: ['the same pass-through again: the noise', 'pass', 'return forward(request, env, request.body);'],
  abf: ['`arrayBuffer()`, the buffer forwarded', 'pass', 'return forward(request, env, await request.arrayBuffer());'],
  abfView: ['`arrayBuffer()`, a Uint8Array of the buffer forwarded', 'abf', 'return forward(request, env, new Uint8Array(await request.arrayBuffer()));'],
  abfBodyLooked: ['`arrayBuffer()` forwarded, `request.body` looked at first', 'abf', 'if (request.body === null) return new Response("none", { status: 400 }); return forward(request, env, await request.arrayBuffer());'],
  abfUrlOnce: ['`arrayBuffer()` forwarded, the URL parsed once more first (as the path check does)', 'abf', 'if (!PATH.test(new URL(request.url).pathname)) return forward(request, env, request.body); return forward(request, env, await request.arrayBuffer());'],
  awaited: [
    "+ the example's promise chain: `return await` in try/catch, the forward awaited",
    'abf',
    'try { const own = await request.arrayBuffer(); return await forwardAwaited(request, env, own); } catch { return new Response("failed", { status: 500 }); }',
  ],
  id: [
    '+ a request id (`CF-Ray`, or `crypto.randomUUID()` as here)',
    'awaited',
    'const id = request.headers.get("CF-Ray") ?? crypto.randomUUID(); try { const own = await request.arrayBuffer(); return await forwardAwaited(request, env, own); } catch { return new Response(id, { status: 500 }); }',
  ],
  checks: [
    '+ `new URL` and the path, method, content-type and service-type checks',
    'id',
    'const id = request.headers.get("CF-Ray") ?? crypto.randomUUID(); if (!PATH.test(new URL(request.url).pathname)) return forwardAwaited(request, env, request.body); try { if (request.method !== "POST") return new Response(id, { status: 405 }); if (!isJson(request.headers.get("Content-Type"))) return new Response(id, { status: 415 }); const order = await lookup(request); const own = await request.arrayBuffer(); return await forwardAwaited(request, env, own); } catch { return new Response(id, { status: 500 }); }',
  ],
  read: [
    "+ the example's read: Content-Length parsed, `request.body` looked at, a Uint8Array of the buffer forwarded",
    'checks',
    'const id = request.headers.get("CF-Ray") ?? crypto.randomUUID(); if (!PATH.test(new URL(request.url).pathname)) return forwardAwaited(request, env, request.body); try { if (request.method !== "POST") return new Response(id, { status: 405 }); if (!isJson(request.headers.get("Content-Type"))) return new Response(id, { status: 415 }); const order = await lookup(request); const max = Number(env.MAX_BODY_BYTES) || 1048576; const declared = lengthOf(request.headers); if (request.body === null || declared === 0) return new Response(id, { status: 400 }); const own = await request.arrayBuffer(); if (own.byteLength > max) return new Response(id, { status: 413 }); const bytes = new Uint8Array(own); return await forwardAwaited(request, env, bytes); } catch { return new Response(id, { status: 500 }); }',
  ],
  stubCall: [
    '+ the stub validator called: the example written out, validator stubbed',
    'read',
    'const id = request.headers.get("CF-Ray") ?? crypto.randomUUID(); if (!PATH.test(new URL(request.url).pathname)) return forwardAwaited(request, env, request.body); try { if (request.method !== "POST") return new Response(id, { status: 405 }); if (!isJson(request.headers.get("Content-Type"))) return new Response(id, { status: 415 }); const order = await lookup(request); const max = Number(env.MAX_BODY_BYTES) || 1048576; const declared = lengthOf(request.headers); if (request.body === null || declared === 0) return new Response(id, { status: 400 }); const own = await request.arrayBuffer(); if (own.byteLength > max) return new Response(id, { status: 413 }); const bytes = new Uint8Array(own); if (!validateStub(bytes, order, options).valid) return new Response(id, { status: 422 }); return await forwardAwaited(request, env, bytes); } catch { return new Response(id, { status: 500 }); }',
  ],
  exampleStub: ['the example, its validator stubbed', 'stubCall', 'return exampleStub.fetch(request, env);'],
  abfValidated: [
    '`arrayBuffer()` forwarded, the library called on it',
    'abf',
    'const own = await request.arrayBuffer(); if (!validateLibrary(new Uint8Array(own), undefined, options).valid) return new Response("invalid", { status: 422 }); return forward(request, env, own);',
  ],
  abfParsed: [
    '`arrayBuffer()` forwarded, the body decoded and `JSON.parse`d first (what any validator in JS pays before it checks a field)',
    'abf',
    'const own = await request.arrayBuffer(); if (typeof JSON.parse(utf8.decode(own)) !== "object") return new Response("not an object", { status: 422 }); return forward(request, env, own);',
  ],
  abfValidated4: [
    '`arrayBuffer()` forwarded, the library called on it four times',
    'abfValidated',
    'const own = await request.arrayBuffer(); let valid = true; for (let i = 0; i < 4; i += 1) valid &&= validateLibrary(new Uint8Array(own), undefined, options).valid; if (!valid) return new Response("invalid", { status: 422 }); return forward(request, env, own);',
  ],
  abfTiny: [
    "`arrayBuffer()` forwarded, the library called once on `'{}'` instead (a call's cost apart from the body's bytes; one issue built)",
    'abf',
    'const own = await request.arrayBuffer(); if (validateLibrary("{}", undefined, options).valid) return new Response("valid?", { status: 500 }); return forward(request, env, own);',
  ],
  abfEntry: [
    '`arrayBuffer()` forwarded, one trivial call into the module (its raw `reserveInput(0)`) instead of a validation',
    'abf',
    'libraryInstance.exports().reserveInput(0); return forward(request, env, await request.arrayBuffer());',
  ],
  example: ['the example', 'exampleStub', 'return example.fetch(request, env);'],
  beforeStub: ['the example from `--before`, its validator stubbed', 'exampleStub', 'return beforeStub.fetch(request, env);'],
  before: ['the example from `--before`', 'example', 'return beforeExample.fetch(request, env);'],
};

const names = Object.keys(STEPS).filter(
  (name) => (name === 'pass' || name === 'passAgain' || only === undefined || only.includes(name)) && (beforeSrc !== undefined || !name.startsWith('before')),
);
if (only !== undefined && names.length !== new Set(['pass', 'passAgain', ...only]).size) {
  throw new Error(`--only: steps are ${Object.keys(STEPS).join(', ')}`);
}

assertSetup();
const dir = join(ROOT, 'target/worker-bench/small-body-steps');
rmSync(dir, { recursive: true, force: true });
/** A copy of an example's src/ in `to`, importing the stub instead of the library. */
function stubbed(src, to) {
  cpSync(src, to, { recursive: true });
  const validateJs = join(to, 'validate.js');
  writeFileSync(validateJs, readFileSync(validateJs, 'utf8').replace("from 'servicer-events'", `from ${JSON.stringify(join(HERE, 'stub-validator.js'))}`));
  return join(to, 'index.js');
}
const imports = [
  `import example from ${JSON.stringify(join(EXAMPLE_DIR, 'src/index.js'))};`,
  `import exampleStub from ${JSON.stringify(stubbed(join(EXAMPLE_DIR, 'src'), join(dir, 'example-stub-src')))};`,
];
if (beforeSrc !== undefined) {
  cpSync(beforeSrc, join(dir, 'before-src'), { recursive: true });
  imports.push(`import beforeExample from ${JSON.stringify(join(dir, 'before-src/index.js'))};`);
  imports.push(`import beforeStub from ${JSON.stringify(stubbed(beforeSrc, join(dir, 'before-stub-src')))};`);
}
const project = join(dir, 'project');
mkdirSync(project, { recursive: true });
const source = [
  ...imports,
  "import { validateEvent, validateEventJson as validateLibrary } from 'servicer-events';",
  "// The module's raw exports (the hook the library keeps for its own hostile-input tests).",
  "const libraryInstance = validateEvent[Symbol.for('servicer-events.instance')];",
  `import { validateEventJson as validateStub } from ${JSON.stringify(join(HERE, 'stub-validator.js'))};`,
  PRELUDE,
  'const STEPS = {',
  ...names.map((name) => `  ${name}: async (request, env) => { ${STEPS[name][2]} },`),
  '};',
  '// The step is the last thing in the URL (`?step=name`); the same lookup for every step.',
  "export default { fetch(request, env) { const url = request.url; return STEPS[url.slice(url.lastIndexOf('=') + 1)](request, env); } };",
].join('\n');
writeFileSync(join(project, 'index.js'), `${source}\n`);
const wranglerToml = join(EXAMPLE_DIR, 'wrangler.toml');
const compatibilityDate = compatibilityDateOf(wranglerToml);
writeFileSync(join(project, 'wrangler.toml'), `name = "small-body-steps"\nmain = "index.js"\ncompatibility_date = "${compatibilityDate}"\n`);
const out = join(dir, 'out');
mkdirSync(out, { recursive: true });
await wranglerBuild(project, out, { alias: { 'servicer-events': join(EXAMPLE_DIR, 'node_modules/servicer-events/workerd.js') } });

const upstream = await startUpstream(() => ({ status: 202, headers: {}, body: 'ok' }));
const clear = setInterval(() => (upstream.received.length = 0), 200);
const worker = await startWorker(out, { compatibilityDate, bindings: { ...varsOf(wranglerToml), UPSTREAM_ORIGIN: upstream.origin } });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const body = eventOfSize(SIZE);
/** CPU per request, µs, of `REQUESTS` requests to one step. */
async function round(name, requests = REQUESTS) {
  const url = new URL(`/service-orders/SO-1/update-repair?step=${name}`, worker.url);
  const before = cpuNanos(worker.pid);
  for (let i = 0; i < requests; i += 1) {
    const status = await post(agent, url, body);
    if (status !== 202) throw new Error(`step ${name} answered ${status}`);
  }
  return (cpuNanos(worker.pid) - before) / requests / 1000;
}
try {
  if (!canMeasure(worker.pid)) throw new Error('cannot read the CPU time of workerd here (Linux schedstat is needed)');
  for (const name of names) await round(name, 50); // compiled and tiered up
  const cpu = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r += 1) {
    // Alternate the order: no step always follows the same one.
    for (const name of r % 2 === 0 ? names : [...names].reverse()) cpu[name].push(await round(name));
  }
  // Every round, for other statistics than the table's.
  writeFileSync(join(dir, 'rounds.json'), JSON.stringify(cpu));
  const paired = (name, base) => {
    if (base === null) return '';
    const d = pairedDifference(cpu[name], cpu[base]);
    return `${signed(d.median)} (${signed(d.low)} to ${signed(d.high)})`;
  };
  const rows = names.map((name) => {
    const [what, grows] = STEPS[name];
    const base = names.includes(grows) ? grows : null;
    return `| ${name}: ${what} | ${median(cpu[name]).toFixed(0)} | ${name === 'pass' ? '' : paired(name, 'pass')} | ${base === null || base === 'pass' ? '' : `${base}: ${paired(name, base)}`} |`;
  });
  console.log(
    `${SIZE} B valid body, CPU of the workerd process per request, µs (median of ${ROUNDS} rounds of ${REQUESTS} requests), all steps in one isolate; the differences round by round (median, and in brackets the middle half):\n`,
  );
  console.log(['| step | CPU | − pass-through | − the step it grows |', '| --- | ---: | ---: | ---: |', ...rows].join('\n'));
} finally {
  agent.destroy();
  clearInterval(clear);
  await worker.dispose();
  await upstream.close();
}

function signed(us) {
  return `${us >= 0 ? '+' : '−'}${Math.abs(us).toFixed(0)}`;
}
