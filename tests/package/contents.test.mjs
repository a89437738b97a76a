// What `npm publish` would upload: exactly the files listed below, nothing
// more (no sources, tests, maps or stray build output) and nothing less (an
// entry whose file is missing breaks every user). When a file is added to or
// removed from the package on purpose, change SHIPPED.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packedSize, root, tarballFiles } from './tarball.mjs';

/** Every file of the npm package, by its path in the package. */
const SHIPPED = [
  'package.json',
  'README.md',
  'LICENSE-MIT',
  'LICENSE-APACHE',
  // entries and their types
  'index.d.ts',
  'index.d.cts',
  'node.mjs',
  'node.cjs',
  'browser.js',
  'workerd.js',
  'web.js',
  'web.d.ts',
  // the built module (the .wasm, and inlined in JS), its glue (a factory of
  // instances), the API layer and the generated data (for the ES module
  // entries as one module, dist/core.js: scripts/core-module.mjs)
  'dist/core.js',
  'dist/node/package.json',
  'dist/node/api.js',
  'dist/node/data.js',
  'dist/node/glue.js',
  'dist/node/wasm.js',
  'dist/wasm.js',
  'dist/web/servicer_events_bg.wasm',
  // JSON Schemas
  'schema/all.json',
  'schema/repair_depot.json',
  'schema/repair_onsite.json',
  // servicer-events/testing
  'testing/assert.cjs',
  'testing/expected.cjs',
  'testing/format.cjs',
  'testing/index.cjs',
  'testing/index.d.cts',
  'testing/index.d.mts',
  'testing/index.mjs',
  'testing/jest.cjs',
  'testing/jest.d.cts',
  'testing/matchers.cjs',
  'testing/vitest.d.mts',
  'testing/vitest.mjs',
];

const files = tarballFiles();

test('the tarball holds exactly the listed files', (t) => {
  const shipped = new Set(files.map((f) => f.path));
  const listed = new Set(SHIPPED);
  const unexpected = [...shipped].filter((p) => !listed.has(p)).sort();
  const missing = [...listed].filter((p) => !shipped.has(p)).sort();
  const problems = [
    ...unexpected.map((p) => `unexpected file in the package: ${p} (not in SHIPPED of tests/package/contents.test.mjs)`),
    ...missing.map((p) => `missing from the package: ${p} (listed in SHIPPED; check "files" in pkg/package.json and scripts/build.sh)`),
  ];
  if (problems.length > 0) assert.fail(`npm pack ships other files than the list:\n  ${problems.join('\n  ')}`);
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) t.diagnostic(`${kB(f.size).padStart(9)}  ${f.path}`);
  t.diagnostic(`${files.length} files, ${kB(files.reduce((n, f) => n + f.size, 0))} unpacked, ${kB(packedSize())} packed`);
});

test('the licence texts ship as they are in the repository', () => {
  for (const name of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    const packed = files.find((f) => f.path === name);
    assert.ok(packed, `${name} is not in the package`);
    assert.equal(packed.content.toString('utf8'), readFileSync(join(root, name), 'utf8'), `${name} in the package differs from the repository's`);
  }
});

test('the README states the install size of this tarball (within 10 %)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const stated = /([\d.]+) kB packed and ([\d.]+) kB unpacked/.exec(readme);
  assert.ok(stated, 'README.md must say the install size as "<n> kB packed and <n> kB unpacked"');
  const packed = packedSize() / 1000;
  const unpacked = files.reduce((n, f) => n + f.size, 0) / 1000;
  const near = (said, is) => Math.abs(Number(said) - is) <= is * 0.1;
  assert.ok(
    near(stated[1], packed) && near(stated[2], unpacked),
    `README.md says "${stated[0]}", the tarball is ${packed.toFixed(0)} kB packed and ${unpacked.toFixed(0)} kB unpacked: update the sentence in its Install section`,
  );
});
