// Next.js 15 and 16, app router, no next.config: `next build` with Turbopack
// and with webpack, then `next start`. The page is a server component calling
// validateEvent (the react-server layer) around a client component that calls
// validateEvent and buildEvent while the server renders it and again in the
// browser. Next 16's `next dev` (Turbopack) too.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertPortalExample, assertWebResult } from './expected.mjs';
import { closeChromium, freePort, loadPage, prepareApp, startServer, tool } from './helpers.mjs';

after(closeChromium);

const env = { NEXT_TELEMETRY_DISABLED: '1' };

/** Asserts the server-rendered HTML and the hydrated page at `url`. */
async function assertApp(url, where) {
  const html = await loadPage(url, { javaScript: false, globals: [], selector: '#rendered' });
  assertPortalExample(JSON.parse(html.values.text), `${where}, server render`);
  const rsc = await loadPage(url, { javaScript: false, globals: [], selector: '#server-component' });
  assertWebResult(JSON.parse(rsc.values.text), `${where}, server component`);
  const { values, problems } = await loadPage(url);
  assert.deepEqual(problems, [], `${where}: no console errors, page errors or failed requests`);
  assertPortalExample(values.result, `${where}, in the browser`);
}

const builds = [
  ['next15', 'webpack', []],
  ['next15', 'Turbopack', ['--turbopack']],
  ['next16', 'Turbopack', []],
  ['next16', 'webpack', ['--webpack']],
];

for (const [app, bundler, flags] of builds) {
  describe(`${app} with ${bundler}`, () => {
    test('next build, next start: server render and browser', async () => {
      const dir = await prepareApp(app, ['.next']);
      await tool(dir, 'next', ['build', ...flags], { env });
      const port = await freePort();
      const server = await startServer(dir, 'next', ['start', '-H', '127.0.0.1', '-p', String(port)], { env });
      try {
        await assertApp(server.url, `${app} ${bundler}`);
      } finally {
        await server.stop();
      }
    });
  });
}

describe('next16 dev', () => {
  test('next dev (Turbopack): server render and browser', async () => {
    const dir = await prepareApp('next16', ['.next']);
    const port = await freePort();
    const server = await startServer(dir, 'next', ['dev', '-H', '127.0.0.1', '-p', String(port)], { env });
    try {
      await assertApp(server.url, 'next16 dev');
    } finally {
      await server.stop();
      rmSync(join(dir, '.next'), { recursive: true, force: true });
    }
  });
});
