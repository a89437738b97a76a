// Shared by the browser tests: the demo server as a child process, Debian's
// Chromium through playwright-core, and a page that records every problem.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Fails early, with the fix, when the packed package is not installed. */
export function assertPackageInstalled() {
  assert.ok(
    existsSync(new URL('../../node_modules/servicer-events/browser.js', import.meta.url)),
    'servicer-events is not installed: run bash scripts/build.sh && ' +
      'npm install --no-save target/pack/servicer-events-*.tgz',
  );
}

/** Starts scripts/serve.mjs on a free port; resolves to `{ url, child, output() }`. */
export function startServer() {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], child, output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}) before listening:\n${out}`)));
  });
}

/** Sends SIGTERM; resolves to the exit code (0 for a clean stop). */
export function stopServer(child) {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the portal in a fresh context (New York time, so local-time handling
 * is tested away from UTC) and waits until it is ready. `problems` collects
 * console errors, page errors, failed requests and HTTP errors.
 */
export async function openPortal(browser, url, { width = 1280, height = 900, scale = 1, hash = '', context: given } = {}) {
  const context =
    given ??
    (await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: scale,
      timezoneId: 'America/New_York',
      locale: 'en-US',
      hasTouch: width < 600, // a phone: taps, not only clicks
    }));
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('request', (req) => requests.push(new URL(req.url()).pathname));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url + hash);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  return { context, page, problems, requests };
}

/** The two screens every point is tested on: a desk and a phone. */
export const SCREENS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/**
 * A browser suite's shared server and browser: registers the hooks and returns
 * `{ withPortal(options, body), api() }`; `withPortal` opens the portal, runs
 * `body`, then checks nothing went wrong on the page.
 */
export function portalSuite({ before, after }) {
  let server;
  let browser;
  let api;
  before(async () => {
    assertPackageInstalled();
    api = await import('servicer-events'); // the Node entry of the same package
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (server) assert.equal(await stopServer(server.child), 0, 'the server stops cleanly on SIGTERM');
  });
  async function withPortal(options, body) {
    const portal = await openPortal(browser, server.url, options);
    portal.reload = async () => {
      await portal.page.reload();
      await portal.page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
    };
    try {
      await body(portal);
      assert.deepEqual(portal.problems, [], 'no console errors, page errors or failed requests');
    } finally {
      await portal.context.close();
    }
  }
  return { withPortal, api: () => api, url: () => server.url };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (the version pinned in package.json) on the page as it is and
 * fails with each violation's rule and nodes. It is evaluated through the
 * DevTools protocol, so the page's Content-Security-Policy stays as served.
 */
export async function assertNoAxeViolations(page, what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  assert.deepEqual(violations, [], `axe finds no violation (${what})`);
}

/**
 * Whether the element is entirely on the screen: not scrolled away, not below
 * the fold, not under the phone's sticky bar.
 */
export async function onScreen(locator) {
  return locator.evaluate((node) => {
    const bar = document.getElementById('bar');
    const covers = bar && !bar.contains(node) && getComputedStyle(bar).display !== 'none';
    const bottom = covers ? bar.getBoundingClientRect().top : innerHeight;
    const r = node.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= bottom && r.right <= innerWidth && r.height > 0;
  });
}

/** The event JSON the preview shows. */
export async function previewJson(page) {
  return JSON.parse(await page.locator('#preview-code').textContent());
}

/** The issue with `code` shown inside `scope` (a CSS selector). */
export function issue(page, scope, code) {
  return page.locator(`${scope} .issue[data-code="${code}"]`);
}
