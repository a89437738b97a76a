// Vite 5, 6, 7 and 8 at their defaults (no vite.config): `vite build` served
// as static files, and the `vite` dev server with its dependency pre-bundling.
// Each page runs the default entry (src/main.js) and the opt-in entry with the
// .wasm placed by `?url` (src/web.js).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertPortalExample, assertWebResult } from './expected.mjs';
import { closeChromium, loadPage, prepareApp, serveStatic, startServer, tool } from './helpers.mjs';

after(closeChromium);

async function assertPage(url, where) {
  const { values, problems } = await loadPage(url, { globals: ['result', 'webResult'] });
  assert.deepEqual(problems, [], `${where}: no console errors, page errors or failed requests`);
  assertPortalExample(values.result, where);
  assertWebResult(values.webResult, where);
}

for (const app of ['vite5', 'vite6', 'vite7', 'vite8']) {
  describe(app, () => {
    test('vite build, the output served as static files', async () => {
      const dir = await prepareApp(app, ['node_modules/.vite']);
      await tool(dir, 'vite', ['build']);
      const server = await serveStatic(join(dir, 'dist'));
      try {
        await assertPage(server.url, `${app} build`);
      } finally {
        await server.stop();
      }
    });

    test('vite dev server, dependencies pre-bundled', async () => {
      const dir = await prepareApp(app, ['node_modules/.vite']);
      const server = await startServer(dir, 'vite', ['--host', '127.0.0.1', '--port', '0']);
      try {
        await assertPage(server.url, `${app} dev`);
      } finally {
        await server.stop();
      }
    });
  });
}
