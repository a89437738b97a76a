// A user's Worker project, as a user makes it: the packed tarball installed
// with npm, a source file that only does
// `import { validateEventJson } from 'servicer-events'`, no init call, no
// wrangler rules of its own. wrangler must bundle it with its default rules
// (the .wasm imported as a module: workerd refuses to compile WebAssembly
// from bytes) and workerd must answer with the library's results.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, TARBALL, assertSetup, request, run, startWorker, wranglerBuild } from './harness.mjs';

const PROJECT = join(ROOT, 'target/worker-tests/user-project');
const COMPATIBILITY_DATE = '2026-04-01';

const WORKER_SOURCE = `import { validateEventJson } from 'servicer-events';

export default {
  async fetch(request) {
    const serviceType = request.headers.get('X-Service-Type');
    const result = validateEventJson(
      await request.arrayBuffer(),
      serviceType ? { serviceType } : undefined,
    );
    return Response.json(result, { status: result.valid ? 200 : 422 });
  },
};
`;

let worker;
let outDir;

before(async () => {
  assertSetup({ tarball: true });
  rmSync(PROJECT, { recursive: true, force: true });
  mkdirSync(join(PROJECT, 'src'), { recursive: true });
  writeFileSync(
    join(PROJECT, 'package.json'),
    JSON.stringify({ name: 'user-worker', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(
    join(PROJECT, 'wrangler.toml'),
    `name = "user-worker"\nmain = "src/index.js"\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`,
  );
  writeFileSync(join(PROJECT, 'src/index.js'), WORKER_SOURCE);
  // The tarball has no dependencies: nothing is fetched from a registry.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], {
    cwd: PROJECT,
  });
  outDir = join(PROJECT, 'dist');
  await wranglerBuild(PROJECT, outDir);
  worker = await startWorker(outDir, { compatibilityDate: COMPATIBILITY_DATE });
}, { timeout: 240_000 });

after(async () => {
  await worker?.dispose();
});

test('wrangler bundles the package with the .wasm as a separate module', () => {
  const files = readdirSync(outDir);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, files.join(', '));
  const bundle = readFileSync(join(outDir, 'index.js'), 'utf8');
  assert.ok(bundle.includes(wasm[0]), 'the bundle imports the .wasm module');
  assert.doesNotMatch(bundle, /from\s+["']node:/, 'no Node built-ins in a Worker bundle');
});

/** POSTs `body` to the user's Worker and returns its status and JSON. */
async function validate(body, headers = {}) {
  const res = await request(worker.url, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, result: res.json() };
}

const codes = (issues) => issues.map((i) => [i.code, i.path]);

test('valid events', async () => {
  let { status, result } = await validate('{"event":"product_received","receptionDate":1700000000000}');
  assert.equal(status, 200);
  assert.deepEqual(result, { valid: true, kind: 'depot', errors: [], warnings: [] });

  ({ status, result } = await validate('{"event":"batched","availabilityWindows":[1700000000000]}', {
    'x-service-type': 'repair_onsite',
  }));
  assert.equal(status, 200);
  assert.equal(result.kind, 'onsite');

  ({ status, result } = await validate('{"event":"repair_shipped","repairShippedAt":1700000000}'));
  assert.equal(status, 200);
  assert.equal(result.kind, 'other');
  assert.deepEqual(codes(result.warnings), [['timestamp_in_seconds', '/repairShippedAt']]);
});

test('invalid events get the library issues', async () => {
  const cases = [
    ['{"event":"product_received","receptionDate":"soon"}', {}, [['invalid_type', '/receptionDate']]],
    ['{"event":"product_received"}', { 'x-service-type': 'repair_onsite' }, [['event_not_allowed_for_service_type', '/event']]],
    ['{"event":"x","metadata":{"a":1,"a":2}}', {}, [['duplicate_key', '/metadata/a']]],
    ['{"event":"x","__proto__":{}}', {}, [['forbidden_key', '/__proto__']]],
    ['{"event":', {}, [['invalid_json', '']]],
    ['[]', {}, [['not_an_object', '']]],
  ];
  for (const [body, headers, expected] of cases) {
    const { status, result } = await validate(body, headers);
    assert.equal(status, 422, body);
    assert.equal(result.valid, false, body);
    assert.deepEqual(codes(result.errors), expected, body);
  }
});

test('the module keeps working after hostile input', async () => {
  const deep = '{"event":"x","deep":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
  let { status, result } = await validate(deep);
  assert.equal(status, 422);
  assert.equal(result.errors[0].code, 'limit_exceeded');
  ({ status, result } = await validate(Buffer.from([0xff, 0xfe, 0xfd])));
  assert.equal(status, 422);
  ({ status, result } = await validate('{"event":"resolved","reason":"fixed"}'));
  assert.equal(status, 200);
  assert.equal(result.valid, true);
});
