// Rollup 4 with @rollup/plugin-node-resolve and nothing else (rollup.config.mjs).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { assertPortalExample } from './expected.mjs';
import { closeChromium, loadPage, prepareApp, serveStatic, tool } from './helpers.mjs';

after(closeChromium);

test('Rollup 4 + node-resolve', async () => {
  const dir = await prepareApp('rollup4');
  await tool(dir, 'rollup', ['-c']);
  const server = await serveStatic(dir);
  try {
    const { values, problems } = await loadPage(server.url);
    assert.deepEqual(problems, []);
    assertPortalExample(values.result, 'Rollup 4');
  } finally {
    await server.stop();
  }
});
