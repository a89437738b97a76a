// The package's size as installed: for each target, the .wasm plus its JS glue
// (and the small entry file that re-exports it), raw and gzip -9.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGETS = [
  { target: 'node', files: ['node.mjs', 'dist/node/servicer_events.js', 'dist/node/servicer_events_bg.wasm'] },
  { target: 'web (browser, workerd)', files: ['browser.js', 'dist/web/servicer_events.js', 'dist/web/servicer_events_bg.wasm'] },
];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** [{ target, wasmRaw, wasmGzip, glueRaw, glueGzip, totalRaw, totalGzip, missing }] */
export function packageSize(dir) {
  return TARGETS.map(({ target, files }) => {
    const row = { target, wasmRaw: 0, wasmGzip: 0, glueRaw: 0, glueGzip: 0, missing: [] };
    for (const f of files) {
      const p = join(dir, f);
      if (!existsSync(p)) {
        row.missing.push(f);
        continue;
      }
      const buf = readFileSync(p);
      if (f.endsWith('.wasm')) {
        row.wasmRaw += buf.length;
        row.wasmGzip += gz(buf);
      } else {
        row.glueRaw += buf.length;
        row.glueGzip += gz(buf);
      }
    }
    row.totalRaw = row.wasmRaw + row.glueRaw;
    row.totalGzip = row.wasmGzip + row.glueGzip;
    return row;
  });
}
