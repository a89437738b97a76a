// Shared by the bundler tests: each app under tests/bundlers/ is installed from
// its lock file (scripts/setup.sh --tests), gets the packed package as a user
// would (the tarball unpacked into its node_modules), is built or served by its
// tool at the tool's defaults, and is loaded in Chromium, where its page leaves
// its results on `window`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../browser/helpers.mjs';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const appDir = (app) => join(repo, 'tests/bundlers', app);

/** The packed tarball scripts/build.sh leaves in target/pack. */
function tarball() {
  const dir = join(repo, 'target/pack');
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => /^servicer-events-.*\.tgz$/.test(f)) : [];
  assert.equal(found.length, 1, 'no packed package: run bash scripts/build.sh');
  return join(dir, found[0]);
}

/**
 * Readies `app`: its own dependencies must be installed from its lock file;
 * the packed package is unpacked into its node_modules (what `npm install
 * <tarball>` does for a package without dependencies, without touching the
 * lock file), and the tool caches of earlier runs are removed.
 */
export async function prepareApp(app, caches = []) {
  const dir = appDir(app);
  assert.ok(
    existsSync(join(dir, 'node_modules/.package-lock.json')),
    `tests/bundlers/${app} is not installed: run bash scripts/setup.sh --tests`,
  );
  const target = join(dir, 'node_modules/servicer-events');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  await run('tar', ['-xzf', tarball(), '-C', target, '--strip-components=1'], { cwd: dir });
  for (const cache of ['dist', ...caches]) rmSync(join(dir, cache), { recursive: true, force: true });
  return dir;
}

/** Runs a command to its end; rejects with its output if it fails. */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** Runs a tool from the app's node_modules/.bin. */
export const tool = (dir, name, args, options = {}) =>
  run(join(dir, 'node_modules/.bin', name), args, { cwd: dir, ...options });

/**
 * Starts a long-running server (a dev server, `next start`); resolves to
 * `{ url, stop() }` once its output shows an http://localhost or 127.0.0.1 URL.
 */
export function startServer(dir, name, args, { env } = {}) {
  const child = spawn(join(dir, 'node_modules/.bin', name), args, {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the tool's children too
  });
  let output = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      output += d;
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const m = plain.match(/https?:\/\/(?:localhost|127\.0\.0\.1):\d+\/?/);
      if (m) resolve({ url: m[0].replace('localhost', '127.0.0.1').replace(/\/?$/, '/'), stop, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} ${args.join(' ')} exited (${code}) before serving:\n${output}`)));
  });
}

/** A port free on 127.0.0.1 now, for tools that take no port 0. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** Serves `root` as static files on 127.0.0.1 (a free port); resolves to `{ url, stop() }`. */
export function serveStatic(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        stop: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

let browser;
/** One Chromium for the whole test file (the flags of tests/browser/). */
export async function chromium() {
  browser ??= await launchBrowser();
  return browser;
}
export async function closeChromium() {
  if (browser) await browser.close();
  browser = undefined;
}

/**
 * Opens `url` and waits until the page has set each of `globals` on `window`;
 * resolves to their values and the problems seen (console errors, page
 * errors, failed requests, HTTP errors). `javaScript: false` reads the page
 * as the server rendered it.
 */
export async function loadPage(url, { globals = ['result'], javaScript = true, selector } = {}) {
  const context = await (await chromium()).newContext({ javaScriptEnabled: javaScript });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => {
      const icon = msg.location().url?.endsWith('/favicon.ico');
      if (msg.type() === 'error' && !icon) problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
    page.on('response', (res) => {
      // The apps have no icon: Chromium's own request for one is no problem of theirs.
      if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') {
        problems.push(`HTTP ${res.status()}: ${res.url()}`);
      }
    });
    // A dev server compiles the page on this first request: on a busy CI machine that can take a while.
    await page.goto(url, { timeout: 180_000 });
    const values = {};
    if (selector) values.text = await page.locator(selector).textContent();
    for (const name of globals) {
      try {
        await page.waitForFunction((n) => window[n] !== undefined, name, { timeout: 60_000 });
      } catch {
        assert.fail(`window.${name} was never set by ${url}; problems: ${JSON.stringify(problems, null, 2)}`);
      }
      values[name] = await page.evaluate((n) => window[n], name);
    }
    return { values, problems };
  } finally {
    await context.close();
  }
}
