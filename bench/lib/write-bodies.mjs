// Writes the JSON text body of every family of lib/hostile-bodies.mjs, at
// 1 MiB, into a directory (one file per family, named by its slug), for the
// native harness of bench/callgrind.sh.
//   node bench/lib/write-bodies.mjs <dir> [size]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES } from './hostile-bodies.mjs';

const [dir, size = String(1 << 20)] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
for (const f of FAMILIES.filter((f) => f.json)) {
  const slug = f.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  writeFileSync(join(dir, `${slug}.json`), f.json(Number(size)));
}
