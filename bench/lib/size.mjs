// The package's size as installed: for each target, every file its entry
// (from package.json "exports") loads, found by following relative imports,
// requires and `new URL(...)`/`__dirname` references, raw and gzip -9 (each
// file on its own, as a server would send it).

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const REFERENCES = [
  /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  /\$\{__dirname\}\/([^`]+)`/g,
];

/** Every file `entry` loads, itself included (paths relative to `dir`). */
export function filesLoaded(dir, entry) {
  const seen = new Set();
  const visit = (abs) => {
    if (seen.has(abs) || !existsSync(abs)) return;
    seen.add(abs);
    if (abs.endsWith('.wasm') || abs.endsWith('.json')) return;
    const text = readFileSync(abs, 'utf8');
    for (const re of REFERENCES) {
      for (const m of text.matchAll(re)) visit(resolve(dirname(abs), m[1]));
    }
  };
  visit(resolve(dir, entry));
  return [...seen].map((f) => relative(dir, f)).sort();
}

function entries(pkgJson) {
  const root = pkgJson.exports?.['.'] ?? {};
  const pick = (v) => (typeof v === 'string' ? v : v?.import ?? v?.default);
  return [
    { target: 'node', entry: pick(root.node) },
    { target: 'browser', entry: pick(root.browser) ?? pick(root.default) },
    { target: 'workerd', entry: pick(root.workerd) },
  ].filter((e) => e.entry);
}

/** [{ target, entry, files: [{ file, raw, gzip }], wasmRaw, wasmGzip, jsRaw, jsGzip, totalRaw, totalGzip }] */
export function packageSize(dir) {
  const pkgJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return entries(pkgJson).map(({ target, entry }) => {
    const files = filesLoaded(dir, entry).map((file) => {
      const buf = readFileSync(join(dir, file));
      return { file, raw: buf.length, gzip: gz(buf) };
    });
    const sum = (pred, k) => files.filter(pred).reduce((s, f) => s + f[k], 0);
    // The node and browser entries load the module inlined in a JS file (dist/wasm.js).
    const isWasm = (f) => f.file.endsWith('.wasm') || /(^|\/)wasm\.js$/.test(f.file);
    const row = {
      target,
      entry,
      files,
      wasmRaw: sum(isWasm, 'raw'),
      wasmGzip: sum(isWasm, 'gzip'),
      jsRaw: sum((f) => !isWasm(f), 'raw'),
      jsGzip: sum((f) => !isWasm(f), 'gzip'),
    };
    row.totalRaw = row.wasmRaw + row.jsRaw;
    row.totalGzip = row.wasmGzip + row.jsGzip;
    row.missing = row.wasmRaw === 0 ? ['(no .wasm found)'] : [];
    return row;
  });
}
