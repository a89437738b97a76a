// Parcel 2 with no configuration: `parcel build index.html`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { assertPortalExample } from './expected.mjs';
import { closeChromium, loadPage, prepareApp, serveStatic, tool } from './helpers.mjs';

after(closeChromium);

test('Parcel 2 at its defaults', async () => {
  const dir = await prepareApp('parcel2', ['.parcel-cache']);
  await tool(dir, 'parcel', ['build', 'index.html', '--no-autoinstall']);
  const server = await serveStatic(join(dir, 'dist'));
  try {
    const { values, problems } = await loadPage(server.url);
    assert.deepEqual(problems, []);
    assertPortalExample(values.result, 'Parcel 2');
  } finally {
    await server.stop();
  }
});
