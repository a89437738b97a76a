// CPU of `validateEventJson` alone in workerd, per MiB, for the bench's
// 1 MiB valid body (notes and metadata strings): a Worker that validates
// the body it read ten times per request, against the same Worker
// validating it no times, in paired rounds; the CPU of the workerd process
// as run.mjs reads it (lib/cpu.mjs). What the example's "validation" costs
// without the noise of reading and forwarding. For scale, the same for a
// copy of the body into a kept buffer and for a fatal UTF-8 decode of it.
//
//   node bench/validation.mjs            # from examples/worker; under a minute
import http from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, assertSetup, startWorker, wranglerBuild } from '../../../tests/worker/harness.mjs';
import { eventOfSize } from './lib/bodies.mjs';
import { canMeasure, cpuNanos, median, post } from './lib/cpu.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CALLS = 10;
const REQUESTS = 10;
const ROUNDS = 9;
const body = eventOfSize(1 << 20);

assertSetup();
const out = join(ROOT, 'target/worker-bench/validation');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await wranglerBuild(join(HERE, 'validation'), out);
const worker = await startWorker(out, { compatibilityDate: '2026-04-01' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** CPU ms of `REQUESTS` requests that each do `mode` to the body `calls` times. */
async function round(mode, calls) {
  const url = new URL(`/?mode=${mode}&calls=${calls}`, worker.url);
  const before = cpuNanos(worker.pid);
  for (let i = 0; i < REQUESTS; i += 1) {
    const status = await post(agent, url, body);
    if (status !== 200) throw new Error(`the Worker answered ${status}`);
  }
  return (cpuNanos(worker.pid) - before) / 1e6;
}
try {
  if (!canMeasure(worker.pid)) throw new Error('cannot read the CPU time of workerd here (Linux /proc/<pid>/task/*/schedstat is needed)');
  for (const [mode, what] of [
    ['validate', 'validateEventJson'],
    ['copy', 'a copy into a kept buffer'],
    ['decode', 'a fatal UTF-8 decode'],
  ]) {
    for (let i = 0; i < 3; i += 1) await round(mode, CALLS); // compiled and tiered up
    const perCall = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      // Alternate the order: neither kind of round always goes first.
      let none;
      let some;
      if (r % 2 === 0) {
        none = await round(mode, 0);
        some = await round(mode, CALLS);
      } else {
        some = await round(mode, CALLS);
        none = await round(mode, 0);
      }
      perCall.push((some - none) / (REQUESTS * CALLS));
    }
    console.log(`${what}, 1 MiB valid body, in workerd: ${median(perCall).toFixed(3)} ms per call (median of ${ROUNDS} paired rounds; rounds: ${perCall.map((x) => x.toFixed(2)).join(', ')})`);
  }
} finally {
  agent.destroy();
  await worker.dispose();
}
