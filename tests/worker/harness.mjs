// Shared harness of the Worker tests: builds a wrangler project with
// `wrangler deploy --dry-run` (wrangler's own bundling and default module
// rules, as `wrangler deploy` does), runs the output in workerd through
// Miniflare's API, and starts an upstream HTTP server. Everything listens on
// 127.0.0.1 only, on ports the OS picks, and every wait is bounded.
//
// Setup these tests assume (see examples/worker/README.md):
//   bash scripts/build.sh                # target/pack/servicer-events-0.1.0.tgz
//   npm ci --prefix examples/worker      # wrangler, miniflare (workerd)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_DIR = join(ROOT, 'examples/worker');
/** The packed package; SERVICER_EVENTS_TARBALL may name another build of it. */
export const TARBALL =
  process.env.SERVICER_EVENTS_TARBALL ?? join(ROOT, 'target/pack/servicer-events-0.1.0.tgz');
const WRANGLER_BIN = join(EXAMPLE_DIR, 'node_modules/wrangler/bin/wrangler.js');

/** Fails with the setup command when the example's dependencies are missing. */
export function assertSetup({ tarball = false } = {}) {
  const missing = [];
  if (!existsSync(WRANGLER_BIN)) missing.push('npm ci --prefix examples/worker');
  if (tarball && !existsSync(TARBALL)) missing.push('bash scripts/build.sh');
  if (missing.length > 0) {
    throw new Error(`Worker tests need setup first: ${missing.join(' && ')}`);
  }
}

/** Miniflare, the version pinned by examples/worker (the one wrangler uses). */
export async function loadMiniflare() {
  const require = createRequire(join(EXAMPLE_DIR, 'package.json'));
  const { Miniflare } = await import(pathToFileURL(require.resolve('miniflare')).href);
  return Miniflare;
}

/**
 * Runs a command, resolving with its output; rejects on a non-zero exit or
 * after `timeoutMs` (the process is killed then).
 */
export function run(command, args, { cwd, timeoutMs = 120_000, env = {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${output}`));
    });
  });
}

/**
 * Bundles the wrangler project in `projectDir` into `outDir` exactly as
 * `wrangler deploy` would, without uploading anything.
 */
export async function wranglerBuild(projectDir, outDir) {
  await run(process.execPath, [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: projectDir,
  });
}

/**
 * Starts the bundle in `outDir` in workerd on 127.0.0.1 (random port).
 * Module types are those wrangler gave them: `.js` ES modules, `.wasm`
 * compiled WebAssembly modules.
 * @returns {Promise<{ url: URL, dispose: () => Promise<void> }>}
 */
export async function startWorker(outDir, { compatibilityDate, bindings = {} }) {
  const Miniflare = await loadMiniflare();
  const modules = [];
  for (const name of readdirSync(outDir).sort()) {
    const path = join(outDir, name);
    if (name.endsWith('.js')) modules.push({ type: 'ESModule', path });
    else if (name.endsWith('.wasm')) modules.push({ type: 'CompiledWasm', path });
  }
  // The entry module must come first.
  modules.sort((a, b) => Number(b.path.endsWith('/index.js')) - Number(a.path.endsWith('/index.js')));
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modulesRoot: outDir,
    modules,
    compatibilityDate,
    bindings,
    // Placeholder `request.cf`: never fetch the real one from the internet.
    cf: false,
  });
  const url = await withTimeout(mf.ready, 60_000, 'workerd did not start');
  return { url, dispose: () => withTimeout(mf.dispose(), 30_000, 'workerd did not stop') };
}

/** The `compatibility_date` of a wrangler.toml. */
export function compatibilityDateOf(wranglerToml) {
  const match = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(wranglerToml, 'utf8'));
  if (!match) throw new Error(`no compatibility_date in ${wranglerToml}`);
  return match[1];
}

/**
 * An upstream origin on 127.0.0.1 that records every request (method, URL,
 * headers, body bytes) and answers with `respond(request, body)`.
 */
export async function startUpstream(respond) {
  /** @type {{ method: string, url: string, headers: http.IncomingHttpHeaders, rawHeaders: string[], body: Buffer }[]} */
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const record = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(record);
      const { status, headers, body } = respond(record);
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      withTimeout(
        new Promise((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        }),
        10_000,
        'upstream did not stop',
      ),
  };
}

/**
 * One HTTP request with exactly the headers given (Node's http, so no
 * client adds its own), answered within `timeoutMs`.
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer, json: () => any }>}
 */
export function request(base, { method = 'GET', path = '/', headers = {}, body } = {}, timeoutMs = 30_000) {
  return new Promise((ok, fail) => {
    const url = new URL(path, base);
    const req = http.request(
      url,
      { method, headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          ok({
            status: res.statusCode,
            headers: res.headers,
            body: bytes,
            json: () => JSON.parse(bytes.toString('utf8')),
          });
        });
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end(body);
  });
}

/** Rejects with `message` when `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
