// scripts/serve.mjs: what it serves, what it refuses, and a clean stop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertPackageInstalled, startServer, stopServer } from './helpers.mjs';

let server;
before(async () => {
  assertPackageInstalled();
  server = await startServer();
});
after(async () => {
  if (server) await stopServer(server.child);
});

const get = (path, init) => fetch(new URL(path, server.url), init);

test('binds to 127.0.0.1 and prints the URL', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('serves the page with a strict Content-Security-Policy', async () => {
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(await res.text(), /"servicer-events": "\/node_modules\/servicer-events\/browser\.js"/);
});

test('serves the installed package, the module as application/wasm', async () => {
  const entry = await get('/node_modules/servicer-events/browser.js');
  assert.equal(entry.status, 200);
  assert.match(entry.headers.get('content-type'), /^text\/javascript/);
  const wasm = await get('/node_modules/servicer-events/dist/web/servicer_events_bg.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
});

test('serves nothing outside www/ and the package', async () => {
  for (const path of [
    '/node_modules/playwright-core/package.json',
    '/node_modules/servicer-events/%2e%2e/playwright-core/package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/missing.html',
    '/%E0%A4%A',
  ]) {
    assert.equal((await get(path)).status, 404, path);
  }
  assert.equal((await get('/', { method: 'POST', body: '{}' })).status, 405);
});

test('stops cleanly on SIGTERM, and also on Ctrl-C (SIGINT)', async () => {
  const other = await startServer();
  await fetch(other.url); // a kept-alive connection must not hold the stop
  assert.equal(await stopServer(other.child), 0);
  assert.match(other.output(), /stopped \(SIGTERM\)/);
  const third = await startServer();
  const code = await new Promise((resolve) => {
    third.child.once('exit', (c) => resolve(c));
    third.child.kill('SIGINT');
  });
  assert.equal(code, 0);
  await assert.rejects(fetch(third.url));
});
