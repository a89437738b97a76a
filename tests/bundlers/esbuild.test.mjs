// esbuild with the command a user types (package.json's build script: no
// plugins, no loaders), and the size budgets of what each browser entry loads,
// bundled and minified by esbuild, gzip -9.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { assertPortalExample } from './expected.mjs';
import { appDir, closeChromium, loadPage, prepareApp, serveStatic, tool } from './helpers.mjs';

after(closeChromium);

test('esbuild --bundle --format=esm --platform=browser', async () => {
  const dir = await prepareApp('esbuild');
  await tool(dir, 'esbuild', ['src/main.js', '--bundle', '--format=esm', '--platform=browser', '--outdir=dist']);
  const server = await serveStatic(dir);
  try {
    const { values, problems } = await loadPage(server.url);
    assert.deepEqual(problems, []);
    assertPortalExample(values.result, 'esbuild');
  } finally {
    await server.stop();
  }
});

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** gzip -9 size of `specifier`'s whole API bundled and minified for browsers. */
async function bundled(specifier) {
  const dir = await prepareApp('esbuild');
  const esbuild = createRequire(join(appDir('esbuild'), 'package.json'))('esbuild');
  const out = await esbuild.build({
    stdin: { contents: `export * from '${specifier}';`, resolveDir: dir },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  return gzip(out.outputFiles[0].contents);
}

test('size: the default entry, module inlined, at most 50 kB gzip', async (t) => {
  const size = await bundled('servicer-events');
  t.diagnostic(`servicer-events: ${size} bytes gzip`);
  assert.ok(size <= 50_000, `${size} bytes`);
});

// The goal of issue 13; the .wasm alone is about 36 kB gzip, so it waits on
// a smaller module (issue 16): a todo until then, reported but not failing.
const OPT_IN_TODO = 'the .wasm alone is about 36 kB gzip: 40 kB needs a smaller module';

test('size: the opt-in entry and its .wasm, at most 40 kB gzip', { todo: OPT_IN_TODO }, async (t) => {
  const js = await bundled('servicer-events/web');
  const wasm = gzip(readFileSync(join(appDir('esbuild'), 'node_modules/servicer-events/dist/web/servicer_events_bg.wasm')));
  t.diagnostic(`servicer-events/web: ${js} + ${wasm} (.wasm) = ${js + wasm} bytes gzip`);
  assert.ok(js + wasm <= 40_000, `${js} + ${wasm} bytes`);
});
