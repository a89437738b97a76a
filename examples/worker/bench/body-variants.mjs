// Where a held body's CPU goes in workerd: small Workers that each read a
// 1 MiB body one way, and answer or forward it one way, measured against the
// pass-through in one run (lib/cpu.mjs). No validation in any of them: this
// is the cost of holding the body that the example Worker must pay before
// it can validate. Prints a Markdown table.
//
//   node bench/body-variants.mjs            # from examples/worker
//   node bench/body-variants.mjs --quick    # fewer rounds
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, assertSetup, startUpstream, startWorker } from '../../../tests/worker/harness.mjs';
import { eventOfSize } from './lib/bodies.mjs';
import { canMeasure, cpuPerRequest, minorFaults } from './lib/cpu.mjs';

const quick = process.argv.includes('--quick');
const SIZE = 1 << 20;

/** Shared by every variant: the forward, and reads into a buffer kept between requests. */
const PRELUDE = `
function forward(request, env, body) {
  const url = new URL(request.url);
  return fetch(new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN), {
    method: request.method, headers: request.headers, body, redirect: 'manual',
  });
}
const answer = () => new Response('read', { status: 202 });
const length = (request) => Number(request.headers.get('Content-Length'));
let kept = null;
async function readInto(request, buffer) {
  const n = length(request);
  const reader = request.body.getReader({ mode: 'byob' });
  const { value } = await reader.readAtLeast(n, new Uint8Array(buffer, 0, n));
  reader.releaseLock();
  return value;
}
const readKept = async (request) => {
  const bytes = await readInto(request, kept ?? new ArrayBuffer(length(request)));
  kept = null;
  return bytes;
};
const giveBack = (bytes) => { kept = bytes.buffer; };
`;

/** name → [what it does, the body of `fetch(request, env)`] */
const VARIANTS = {
  pass: ['pass-through: the body streamed to the upstream unread', 'return forward(request, env, request.body);'],
  arrayBuffer: ['`arrayBuffer()`, answered here', 'await request.arrayBuffer(); return answer();'],
  text: ['`text()`, answered here', 'await request.text(); return answer();'],
  chunks: ['a default reader, chunk by chunk, answered here', 'const r = request.body.getReader(); while (!(await r.read()).done); return answer();'],
  byobFresh: ['BYOB `readAtLeast` into a new buffer, answered here', 'await readInto(request, new ArrayBuffer(length(request))); return answer();'],
  byobKept: ['BYOB `readAtLeast` into a kept buffer, answered here', 'giveBack(await readKept(request)); return answer();'],
  arrayBufferForward: ['`arrayBuffer()`, the buffer forwarded (the example before)', 'return forward(request, env, await request.arrayBuffer());'],
  teeForward: ['`tee()`: one branch read, the other forwarded', 'const [a, b] = request.body.tee(); await new Response(a).arrayBuffer(); return forward(request, env, b);'],
  cloneForward: ['`clone()` read, the original forwarded', 'await request.clone().arrayBuffer(); return forward(request, env, request.body);'],
  keptCopy: ['kept buffer, a copy of it forwarded', 'const b = await readKept(request); const c = b.slice(); giveBack(b); return forward(request, env, c);'],
  keptText: ['kept buffer, decoded to a string and that forwarded (the example below 512 KiB)', 'const b = await readKept(request); const s = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b); giveBack(b); return forward(request, env, s);'],
  keptPulled: [
    'kept buffer forwarded as a one-chunk stream, given back on the next pull (the example from 512 KiB)',
    'const b = await readKept(request); let sent = false; const body = new ReadableStream({ expectedLength: b.byteLength, pull(c) { if (!sent) { sent = true; c.enqueue(b); } else { c.close(); giveBack(b); } }, cancel() { giveBack(b); } }, { highWaterMark: 0 }); return forward(request, env, body);',
  ],
  keptStream: [
    'kept buffer forwarded through a FixedLengthStream, given back once written',
    'const b = await readKept(request); const { readable, writable } = new FixedLengthStream(b.byteLength); const w = writable.getWriter(); w.write(b).then(() => giveBack(b), () => {}); w.close().catch(() => {}); return forward(request, env, readable);',
  ],
  keptBlob: ['kept buffer, a `Blob` copy of it forwarded', 'const b = await readKept(request); const c = new Blob([b]); giveBack(b); return forward(request, env, c);'],
  keptChunks: [
    'kept buffer, copied in 256 KiB chunks into a FixedLengthStream, given back at once',
    'const b = await readKept(request); const { readable, writable } = new FixedLengthStream(b.byteLength); const w = writable.getWriter(); for (let i = 0; i < b.byteLength; i += 262144) w.write(b.slice(i, i + 262144)).catch(() => {}); w.close().catch(() => {}); giveBack(b); return forward(request, env, readable);',
  ],
  byobFreshForward: [
    'BYOB into a new buffer sized by Content-Length, that buffer forwarded (never reused)',
    'return forward(request, env, await readInto(request, new ArrayBuffer(length(request))));',
  ],
  keptViewUnsafe: [
    'kept buffer forwarded as it is and reused after the response: the floor, not safe (fetch may still be sending it)',
    'const b = await readKept(request); try { return await forward(request, env, b); } finally { giveBack(b); }',
  ],
};

assertSetup();
const dir = join(ROOT, 'target/worker-bench/body-variants');
rmSync(dir, { recursive: true, force: true });
const upstream = await startUpstream(() => ({ status: 202, headers: {}, body: 'ok' }));
const clear = setInterval(() => (upstream.received.length = 0), 200);
const workers = [];
try {
  for (const [name, [, code]] of Object.entries(VARIANTS)) {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.js'), `${PRELUDE}\nexport default { async fetch(request, env) { ${code} } };\n`);
    const worker = await startWorker(out, { compatibilityDate: '2026-04-01', bindings: { UPSTREAM_ORIGIN: upstream.origin } });
    workers.push({ name, url: worker.url, pid: worker.pid, worker });
  }
  if (!workers.every((w) => canMeasure(w.pid))) throw new Error('cannot read the CPU time of workerd here (Linux schedstat is needed)');
  const rounds = quick ? 3 : 9;
  const requests = quick ? 10 : 40;
  const faultsBefore = workers.map((w) => minorFaults(w.pid));
  const cpu = await cpuPerRequest(workers, eventOfSize(SIZE), {
    path: '/service-orders/SO-1/update-repair',
    requests,
    rounds,
    expect: Object.fromEntries(workers.map((w) => [w.name, 202])),
  });
  // Warm-up included (20 requests): a count, not a time.
  const faults = Object.fromEntries(
    workers.map((w, i) => [w.name, (minorFaults(w.pid) - faultsBefore[i]) / (requests * rounds + Math.min(requests, 20))]),
  );
  const rows = Object.entries(VARIANTS).map(
    ([name, [what]]) =>
      `| ${what} | ${cpu[name].toFixed(0)} | ${name === 'pass' ? '' : signed(cpu[name] - cpu.pass)} | ${faults[name].toFixed(0)} |`,
  );
  console.log(`1 MiB valid body, CPU of the workerd process per request, µs (median of ${rounds} rounds), and page faults per request:\n`);
  console.log(['| variant | CPU | − pass-through | page faults |', '| --- | ---: | ---: | ---: |', ...rows].join('\n'));
} finally {
  clearInterval(clear);
  for (const w of workers) await w.worker.dispose();
  await upstream.close();
}

function signed(us) {
  return `${us >= 0 ? '+' : '−'}${Math.abs(us).toFixed(0)}`;
}
