// Driver of bench/profile.sh (argument: the CommonJS entry of a package copy
// whose .wasm keeps its names): profiles each mode in a child process
// (node --cpu-prof) and prints the top functions by self time and a rough
// grouping (near-miss search, allocator, JS boundary, core, results).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const [, self, glue, seconds, child] = process.argv;

if (child) {
  const { validateEvent, validateEventJson } = createRequire(import.meta.url)(glue);
  const items = generate({ count: 4000, seed: 1 });
  const until = Date.now() + Number(seconds) * 1000;
  let n = 0;
  while (Date.now() < until) {
    for (const it of items) {
      if ((child === 'object' ? validateEvent(it.event, it.order) : validateEventJson(it.bytes, it.order)).valid) n++;
    }
  }
  console.log(n);
  process.exit(0);
}

const GROUPS = [
  ['near-miss search (suggest, distance, char vectors, case folding)', /near_miss|extend_desugared|FlatMap|eq_by|Copied|to_lowercase|SpecFromIter/],
  ['allocator', /dlmalloc|__rdl|raw_vec|RawVec|alloc::/],
  ['JS boundary (glue, shims, Reflect, string copies)', /servicer_events\.js|wasm-to-js|js-to-wasm|externref shim|decodeUTF8|encoding|get buffer/],
  ['results and issues (serde, fmt, pointers, messages)', /serde|fmt|pointer|issue|Issue|format/],
  ['parse and validate core', /json::|token|validate|walk|js_source|value_source/],
  ['GC, bench loop', /garbage|profile\.mjs|\(program\)/],
];

for (const mode of ['object', 'bytes']) {
  const dir = mkdtempSync(join(tmpdir(), 'servicer-events-prof-'));
  const p = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), glue, seconds, mode], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(p.stderr);
  const prof = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const dt = new Map();
  prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const selfTime = new Map();
  let total = 0;
  for (const n of prof.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (n.callFrame.functionName === '(idle)') continue;
    total += t;
    const name = `${n.callFrame.functionName || '(anonymous)'} [${n.callFrame.url.split('/').pop() || 'native'}]`;
    selfTime.set(name, (selfTime.get(name) ?? 0) + t);
  }
  const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`\n== ${mode === 'object' ? 'validateEvent(object)' : 'validateEventJson(Uint8Array)'}: top functions by self time`);
  for (const [name, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${pct(t)}  ${name.replace(/::h[0-9a-f]{16}/g, '').slice(0, 140)}`);
  }
  console.log('-- grouped (rough, by name):');
  const sums = new Map(GROUPS.map(([g]) => [g, 0]));
  let other = 0;
  for (const [name, t] of selfTime) {
    const g = GROUPS.find(([, re]) => re.test(name));
    if (g) sums.set(g[0], sums.get(g[0]) + t);
    else other += t;
  }
  for (const [g, t] of sums) console.log(`${pct(t)}  ${g}`);
  console.log(`${pct(other)}  other`);
}
