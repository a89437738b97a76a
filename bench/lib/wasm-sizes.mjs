// Which code makes the .wasm big: body sizes of the functions in a module
// that still has its name section (bench/profile.sh writes one to
// bench/.generated/named/), summed by crate and listed by function.
// Usage: node bench/lib/wasm-sizes.mjs FILE.wasm [top]

import { readFileSync } from 'node:fs';

const [, , file, topArg] = process.argv;
const buf = readFileSync(file);
let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, b;
  do {
    b = buf[pos++];
    result |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return result >>> 0;
};
const name = () => {
  const n = u32();
  const s = buf.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
const sections = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  if (id === 2) {
    for (let i = 0, n = u32(); i < n; i++) {
      name(); name();
      const kind = buf[pos++];
      if (kind === 0) { u32(); imported++; }
      else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    for (let i = 0, n = u32(); i < n; i++) {
      const len = u32();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 0) {
    const sec = name();
    sections.set(`custom:${sec}`, size);
    if (sec === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const len = u32();
        const subEnd = pos + len;
        if (sub === 1) for (let i = 0, n = u32(); i < n; i++) names.set(u32(), name());
        pos = subEnd;
      }
    }
  }
  if (id !== 0) sections.set(['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `id${id}`, size);
  pos = end;
  void start;
}

const crateOf = (n) => {
  const d = n.replace(/^<+/, '').replace(/^_?[Z_]*/, '');
  const m = d.match(/^([a-zA-Z_][a-zA-Z0-9_]*)(\[[0-9a-f]+\])?::([a-zA-Z_][a-zA-Z0-9_]*)/);
  if (!m) return n.startsWith('__wbg') || n.includes('wbindgen') ? 'wasm-bindgen' : 'other';
  return m[1] === 'servicer_events' || m[1] === 'core' || m[1] === 'alloc' ? `${m[1]}::${m[3]}` : m[1];
};
const byCrate = new Map();
const fns = bodies.map((size, i) => {
  const n = names.get(imported + i) ?? `func[${imported + i}]`;
  const c = crateOf(n);
  byCrate.set(c, (byCrate.get(c) ?? 0) + size);
  return [size, n];
});
const total = buf.length;
console.log(`${file}: ${total} bytes; sections: ${[...sections].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log('\ncode by crate (module::first path segment for this crate, core and alloc):');
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(s).padStart(8)}  ${c}`);
console.log(`\nlargest functions:`);
for (const [s, n] of fns.sort((a, b) => b[0] - a[0]).slice(0, Number(topArg ?? 20))) console.log(`${String(s).padStart(8)}  ${n.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
