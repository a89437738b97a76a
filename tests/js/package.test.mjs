// The package as a user installs it: `npm i <tarball>` in a project outside
// the repo, then `import` and `require` with no init call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packDir = join(root, 'target/pack');
const tarball = join(packDir, readdirSync(packDir).find((f) => /^servicer-events-.*\.tgz$/.test(f)));

const project = mkdtempSync(join(tmpdir(), 'servicer-events-user-'));
test.after(() => rmSync(project, { recursive: true, force: true }));

const node = (file, source) => {
  writeFileSync(join(project, file), source);
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' }));
};

test('npm installs the packed tarball into a fresh project', () => {
  writeFileSync(join(project, 'package.json'), '{ "name": "user", "private": true }');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
});

const check = `
  const ok = validateEvent({ event: 'repair_started', repairStartedAt: 1732780800000 }, { serviceType: 'repair_depot' });
  const bad = validateEventJson('{"event":"repair_started","repairStartedAt":"soon"}');
  console.log(JSON.stringify({ ok: ok.valid, bad: bad.errors.map((e) => e.code + ' ' + e.path) }));
`;
const want = { ok: true, bad: ['invalid_type /repairStartedAt'] };

test('ESM import works with no init call', () => {
  assert.deepEqual(node('esm.mjs', `import { validateEvent, validateEventJson } from 'servicer-events';${check}`), want);
});

test('CommonJS require works with no init call', () => {
  assert.deepEqual(node('cjs.cjs', `const { validateEvent, validateEventJson } = require('servicer-events');${check}`), want);
});

test('import and require share one module instance', () => {
  const out = node('both.mjs', `
    import { createRequire } from 'node:module';
    import * as esm from 'servicer-events';
    const cjs = createRequire(import.meta.url)('servicer-events');
    console.log(JSON.stringify(esm.validateEvent === cjs.validateEvent));`);
  assert.equal(out, true);
});

test('the schema files ship in the package', () => {
  const out = node('schema.cjs', `console.log(JSON.stringify(require('servicer-events/schema/repair_depot.json').$schema));`);
  assert.equal(out, 'https://json-schema.org/draft/2020-12/schema');
});
