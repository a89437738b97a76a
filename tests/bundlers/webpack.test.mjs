// webpack 5 with no webpack.config.js (the defaults: src/index.js ->
// dist/main.js, production mode), loading the default entry and the opt-in
// entry with the .wasm as an asset module (`new URL(…, import.meta.url)`).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { assertPortalExample, assertWebResult } from './expected.mjs';
import { closeChromium, loadPage, prepareApp, serveStatic, tool } from './helpers.mjs';

after(closeChromium);

test('webpack 5 at its defaults', async () => {
  const dir = await prepareApp('webpack5');
  await tool(dir, 'webpack', []);
  const server = await serveStatic(dir);
  try {
    const { values, problems } = await loadPage(server.url, { globals: ['result', 'webResult'] });
    assert.deepEqual(problems, []);
    assertPortalExample(values.result, 'webpack 5');
    assertWebResult(values.webResult, 'webpack 5');
  } finally {
    await server.stop();
  }
});
