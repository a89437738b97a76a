// Cold start: a fresh `node` process per run, import to first result, timed
// inside the process (performance.now) and, around it, the whole process.
// Runs are interleaved over the candidates; the median is reported. The disk
// cache is warm after the first run: this measures loading and compiling code,
// not reading the disk.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR } from './peers/index.mjs';
import { median } from './timing.mjs';

export const COLD_CANDIDATES = [
  { id: 'package', label: 'servicer-events (`validateEvent`)', script: 'package.mjs', needsPackage: true },
  { id: 'package-json', label: 'servicer-events (`validateEventJson`, bytes)', script: 'package-json.mjs', needsPackage: true },
  { id: 'package-browser', label: 'servicer-events browser entry (inlined module; `validateEventJson`, bytes)', script: 'package-browser.mjs', needsPackage: true },
  { id: 'package-web', label: 'servicer-events/web (`init` with the .wasm bytes; `validateEventJson`)', script: 'package-web.mjs', needsPackage: true },
  { id: 'ajv-standalone', label: 'Ajv 8 standalone', script: 'ajv-standalone.mjs' },
  { id: 'ajv-compiled', label: 'Ajv 8 (compile at start)', script: 'ajv-compiled.mjs' },
  { id: 'cfworker', label: '@cfworker/json-schema', script: 'cfworker.mjs' },
  { id: 'zod', label: 'zod 4', script: 'zod.mjs' },
  { id: 'valibot', label: 'valibot', script: 'valibot.mjs' },
];

/** Returns Map id -> { label, importMs, processMs, runs } (medians). */
export function coldStart({ runs = 9, withPackage = true, log = () => {} } = {}) {
  const candidates = COLD_CANDIDATES.filter((c) => withPackage || !c.needsPackage);
  const results = new Map(candidates.map((c) => [c.id, { label: c.label, importMs: [], processMs: [] }]));
  for (let i = 0; i < runs + 1; i++) {
    for (const c of candidates) {
      const t0 = process.hrtime.bigint();
      const p = spawnSync(process.execPath, [join(BENCH_DIR, 'cold', c.script)], { cwd: BENCH_DIR, encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      if (p.status !== 0) throw new Error(`cold start ${c.id} failed: ${p.stderr}`);
      const { ms, valid } = JSON.parse(p.stdout.trim().split('\n').pop());
      if (valid !== true) throw new Error(`cold start ${c.id}: the sample event was judged invalid`);
      if (i === 0) continue; // the first round fills the disk cache
      results.get(c.id).importMs.push(ms);
      results.get(c.id).processMs.push(wall);
    }
  }
  log(`cold start: ${runs} runs of ${candidates.length} candidates`);
  const out = new Map();
  for (const [id, r] of results) {
    out.set(id, { label: r.label, importMs: median(r.importMs), processMs: median(r.processMs), runs: r.importMs.length });
  }
  return out;
}
