#!/usr/bin/env node
// Serves the servicer portal demo on 127.0.0.1: www/ at "/", and the installed
// npm package at /node_modules/servicer-events/, where the page's import map
// points, so the page loads the package through its browser entry as a
// portal would. No dependencies: node scripts/serve.mjs [--port N]
// (default $PORT or 8080, a free port when that one is taken; 0 picks one).
import { createHash } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

/** URL prefix -> directory. The package mount is only that package, never all of node_modules. */
const MOUNTS = [
  ['/node_modules/servicer-events/', path.join(repo, 'node_modules', 'servicer-events')],
  ['/', path.join(repo, 'www')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // instantiateStreaming insists on this exact type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Finds the file a URL path names, or null; never escapes its mount (`..`, symlinks). */
async function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    let base;
    try {
      base = await fs.realpath(dir);
    } catch {
      return null;
    }
    let file = path.resolve(base, '.' + path.posix.sep + decoded.slice(prefix.length));
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      file = await fs.realpath(file);
      if (file !== base && !file.startsWith(base + path.sep)) return null;
      return (await fs.stat(file)).isFile() ? file : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A strict Content-Security-Policy, as a careful portal would send: it proves
 * the package needs no eval, only 'wasm-unsafe-eval'. Inline scripts (the
 * import map) are allowed by their hash, computed from the page itself.
 */
function contentSecurityPolicy(html) {
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].trim() !== '')
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

async function handle(req, res) {
  const send = (status, body, headers = {}) => {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const { pathname } = new URL(req.url, `http://${HOST}`);
  const file = await resolveFile(pathname);
  if (!file) return send(404, 'Not found\n');
  let body = await fs.readFile(file);
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Content-Length': body.length };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy(body.toString('utf8'));
  }
  send(200, body, headers);
}

/** Starts the server; resolves to `{ server, url, close() }`. */
export function startServer({ port = 8080, fallback = false } = {}) {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      handle(req, res).catch((err) => {
        console.error(`serve: ${req.url}: ${err.message}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal error\n');
      });
    });
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE' && fallback && port !== 0) {
        console.error(`serve: port ${port} is taken, using a free one`);
        resolve(startServer({ port: 0 }));
      } else {
        reject(err);
      }
    });
    server.listen(port, HOST, () => {
      const url = `http://${HOST}:${server.address().port}/`;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ server, url, close });
    });
  });
}

function parsePort(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  if (raw === undefined || raw === '') return { port: 8080, explicit: false };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: not a port: ${raw}`);
    process.exit(2);
  }
  return { port, explicit: true };
}

async function main() {
  const { port, explicit } = parsePort(process.argv.slice(2));
  const pkg = path.join(repo, 'node_modules', 'servicer-events', 'browser.js');
  try {
    await fs.access(pkg);
  } catch {
    console.error(
      'serve: the servicer-events package is not installed, so the page cannot load it.\n' +
        '       Build and install it: bash scripts/build.sh && npm install --no-save target/pack/servicer-events-*.tgz',
    );
  }
  // Handlers first: a signal that comes as soon as the URL is printed must stop cleanly.
  let close = null;
  let stopping = false;
  const stop = (signal) => {
    if (stopping) process.exit(1); // a second Ctrl-C: do not wait for slow clients
    stopping = true;
    Promise.resolve(close?.()).then(() => {
      console.log(`servicer portal: stopped (${signal})`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const started = await startServer({ port, fallback: !explicit });
  close = started.close;
  if (stopping) return close();
  console.log(`servicer portal: ${started.url}  (Ctrl-C to stop)`);
}

// Run as a program (also through a symlink), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
