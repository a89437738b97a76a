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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * `wrangler deploy` would, without uploading anything. `alias` maps module
 * names to files, so a test build can swap one import while every line of
 * the Worker stays the real one. (wrangler 4.86 ignores `--alias` on the
 * command line; its config's `[alias]` works, so a copy of the config that
 * adds one is used.)
 * @param {string} projectDir
 * @param {string} outDir
 * @param {{ alias?: Record<string, string> }} [options]
 */
export async function wranglerBuild(projectDir, outDir, { alias } = {}) {
  const args = [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outDir];
  if (alias !== undefined) {
    const config = `${outDir}.wrangler.toml`;
    writeFileSync(config, aliasedConfig(join(projectDir, 'wrangler.toml'), alias));
    args.push('--config', config);
  }
  await run(process.execPath, args, { cwd: projectDir });
}

/**
 * A wrangler config for the same Worker (its `main` as an absolute path,
 * its compatibility date) with an `[alias]` table. Its vars are not copied:
 * the tests pass them as bindings (see `varsOf`).
 */
function aliasedConfig(wranglerToml, alias) {
  const text = readFileSync(wranglerToml, 'utf8');
  const main = /^main\s*=\s*"([^"]+)"/m.exec(text)?.[1];
  if (main === undefined) throw new Error(`no main in ${wranglerToml}`);
  const lines = [
    'name = "test-build"',
    `main = ${JSON.stringify(resolve(dirname(wranglerToml), main))}`,
    `compatibility_date = ${JSON.stringify(compatibilityDateOf(wranglerToml))}`,
    '[alias]',
    ...Object.entries(alias).map(([name, path]) => `${JSON.stringify(name)} = ${JSON.stringify(path)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Starts the bundle in `outDir` in workerd on 127.0.0.1 (random port).
 * Module types are those wrangler gave them: `.js` ES modules, `.wasm`
 * compiled WebAssembly modules. What the Worker writes to the console
 * (workerd's stdout and stderr) is collected in `logs`; `pid` is the
 * workerd process, for measuring its CPU time.
 * @returns {Promise<{ url: URL, pid: number, logs: RuntimeLogs, dispose: () => Promise<void> }>}
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
  const logs = new RuntimeLogs();
  const childrenBefore = new Set(childPids());
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modulesRoot: outDir,
    modules,
    compatibilityDate,
    bindings,
    // Placeholder `request.cf`: never fetch the real one from the internet.
    cf: false,
    handleRuntimeStdio(stdout, stderr) {
      logs.attach(stdout);
      logs.attach(stderr);
    },
  });
  const url = await withTimeout(mf.ready, 60_000, 'workerd did not start');
  const pid = childPids().find((p) => !childrenBefore.has(p) && processName(p) === 'workerd');
  return { url, pid, logs, dispose: () => withTimeout(mf.dispose(), 30_000, 'workerd did not stop') };
}

/**
 * The lines a workerd process wrote to stdout and stderr, as they arrive.
 * The Worker's log lines are JSON; everything else workerd says is kept too.
 */
export class RuntimeLogs {
  /** @type {string[]} */
  lines = [];
  #partial = new Map();
  #waiters = new Set();

  /** @param {import('node:stream').Readable} stream */
  attach(stream) {
    this.#partial.set(stream, '');
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const parts = (this.#partial.get(stream) + chunk).split('\n');
      this.#partial.set(stream, parts.pop());
      for (const line of parts) if (line.trim() !== '') this.lines.push(line);
      for (const waiter of this.#waiters) waiter();
    });
  }

  /** The lines that are JSON objects, parsed. */
  json() {
    const out = [];
    for (const line of this.lines) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line));
      } catch {
        // Not one of the Worker's lines.
      }
    }
    return out;
  }

  /**
   * The first JSON line for which `match` is true, waiting for it up to
   * `timeoutMs` (the runtime may write it just after the response).
   */
  async find(match, timeoutMs = 10_000) {
    const found = () => this.json().find(match);
    let hit = found();
    if (hit !== undefined) return hit;
    let wake;
    const waiter = () => wake?.();
    this.#waiters.add(waiter);
    try {
      const deadline = Date.now() + timeoutMs;
      while ((hit = found()) === undefined) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching log line within ${timeoutMs} ms; lines:\n${this.lines.slice(-20).join('\n')}`);
        await new Promise((ok) => {
          wake = ok;
          setTimeout(ok, Math.min(left, 200));
        });
      }
      return hit;
    } finally {
      this.#waiters.delete(waiter);
    }
  }
}

/** Ids of this process's children (Linux /proc; empty elsewhere). */
function childPids() {
  const pids = [];
  try {
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      const list = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim();
      if (list !== '') pids.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // No /proc: no pid, and the CPU measurements say so.
  }
  return pids;
}

/** A process's command name, or '' when it is gone. */
function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The `[vars]` of a wrangler.toml, as the Worker gets them in `env`
 * (plain `NAME = "value"` lines; comments skipped).
 */
export function varsOf(wranglerToml) {
  const text = readFileSync(wranglerToml, 'utf8');
  const section = /^\[vars\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
  const vars = {};
  for (const match of (section?.[1] ?? '').matchAll(/^([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/gm)) {
    vars[match[1]] = match[2];
  }
  return vars;
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
 * client adds its own), answered within `timeoutMs`. A `body` is sent with
 * a Content-Length, or with `chunked: true` in 64 KiB chunks without one.
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer, json: () => any }>}
 */
export function request(
  base,
  { method = 'GET', path = '/', headers = {}, body, chunked = false } = {},
  timeoutMs = 30_000,
) {
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
    if (chunked && body !== undefined) {
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 65536) req.write(bytes.subarray(i, i + 65536));
      req.end();
    } else {
      req.end(body);
    }
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

/**
 * Builds the example Worker into target/worker-tests/<name> (with wrangler's
 * `--alias` when given) and starts it with the `[vars]` of its wrangler.toml,
 * overridden by `bindings`.
 * @param {string} name
 * @param {{ bindings?: Record<string, string>, alias?: Record<string, string> }} [options]
 */
export async function startExample(name, { bindings = {}, alias } = {}) {
  const outDir = join(ROOT, 'target/worker-tests', name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await wranglerBuild(EXAMPLE_DIR, outDir, { alias });
  const wranglerToml = join(EXAMPLE_DIR, 'wrangler.toml');
  return startWorker(outDir, {
    compatibilityDate: compatibilityDateOf(wranglerToml),
    bindings: { ...varsOf(wranglerToml), ...bindings },
  });
}
