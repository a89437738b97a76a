// Where a held body's CPU goes in workerd: small Workers that each read a
// body (1 MiB unless told) one way, and answer or forward it one way,
// measured against the pass-through in one run (lib/cpu.mjs). No validation
// in any of them: this is the cost of holding the body that the example
// Worker must pay before it can validate. Prints a Markdown table, and the
// differences to the pass-through taken round by round (paired).
//
//   node bench/body-variants.mjs                  # from examples/worker
//   node bench/body-variants.mjs --quick          # fewer rounds
//   node bench/body-variants.mjs --size 1024      # a 1 KiB body
//   node bench/body-variants.mjs --only keptText,arrayBufferForward  # and the pass-through
//   node bench/body-variants.mjs --against keptText   # a column: each − that variant, paired
//   node bench/body-variants.mjs --rounds 15
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, assertSetup, startUpstream, startWorker } from '../../../tests/worker/harness.mjs';
import { eventOfSize } from './lib/bodies.mjs';
import { canMeasure, cpuRounds, median, minorFaults, pairedDifference } from './lib/cpu.mjs';
import { option } from './lib/option.mjs';

const quick = process.argv.includes('--quick');
const SIZE = Number(option('--size') ?? 1 << 20);
const only = option('--only')?.split(',');
const against = option('--against');
const ROUNDS = Number(option('--rounds') ?? (quick ? 3 : 9));
if (!Number.isInteger(SIZE) || SIZE < 100) throw new Error('--size: a whole number of bytes, at least 100');

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
  passAgain: ['a second pass-through, in its own workerd: the noise', 'return forward(request, env, request.body);'],
  arrayBuffer: ['`arrayBuffer()`, answered here', 'await request.arrayBuffer(); return answer();'],
  text: ['`text()`, answered here', 'await request.text(); return answer();'],
  chunks: ['a default reader, chunk by chunk, answered here', 'const r = request.body.getReader(); while (!(await r.read()).done); return answer();'],
  byobFresh: ['BYOB `readAtLeast` into a new buffer, answered here', 'await readInto(request, new ArrayBuffer(length(request))); return answer();'],
  byobKept: ['BYOB `readAtLeast` into a kept buffer, answered here', 'giveBack(await readKept(request)); return answer();'],
  arrayBufferForward: ['`arrayBuffer()`, the buffer forwarded (the example below 16 KiB)', 'return forward(request, env, await request.arrayBuffer());'],
  teeForward: ['`tee()`: one branch read, the other forwarded', 'const [a, b] = request.body.tee(); await new Response(a).arrayBuffer(); return forward(request, env, b);'],
  cloneForward: ['`clone()` read, the original forwarded', 'await request.clone().arrayBuffer(); return forward(request, env, request.body);'],
  keptCopy: ['kept buffer, a copy of it forwarded', 'const b = await readKept(request); const c = b.slice(); giveBack(b); return forward(request, env, c);'],
  keptText: ['kept buffer, decoded to a string and that forwarded (the example from 16 to 512 KiB)', 'const b = await readKept(request); const s = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b); giveBack(b); return forward(request, env, s);'],
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

/** The pass-through always, as the baseline. */
const chosen = Object.entries(VARIANTS).filter(([name]) => name === 'pass' || only === undefined || only.includes(name));
if (only !== undefined && chosen.length !== new Set(['pass', ...only]).size) {
  throw new Error(`--only: variants are ${Object.keys(VARIANTS).join(', ')}`);
}
if (against !== undefined && !chosen.some(([name]) => name === against)) throw new Error(`--against: ${against} is not measured`);

assertSetup();
const dir = join(ROOT, 'target/worker-bench/body-variants');
rmSync(dir, { recursive: true, force: true });
const upstream = await startUpstream(() => ({ status: 202, headers: {}, body: 'ok' }));
const clear = setInterval(() => (upstream.received.length = 0), 200);
const workers = [];
try {
  for (const [name, [, code]] of chosen) {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.js'), `${PRELUDE}\nexport default { async fetch(request, env) { ${code} } };\n`);
    const worker = await startWorker(out, { compatibilityDate: '2026-04-01', bindings: { UPSTREAM_ORIGIN: upstream.origin } });
    workers.push({ name, url: worker.url, pid: worker.pid, worker });
  }
  if (!workers.every((w) => canMeasure(w.pid))) throw new Error('cannot read the CPU time of workerd here (Linux schedstat is needed)');
  const rounds = ROUNDS;
  // As bench/run.mjs: fewer requests per round for a large body.
  const requests = (quick ? 0.25 : 1) * (SIZE >= 1 << 20 ? 40 : SIZE >= 100_000 ? 100 : 200);
  const faultsBefore = workers.map((w) => minorFaults(w.pid));
  const cpu = await cpuRounds(workers, eventOfSize(SIZE), {
    path: '/service-orders/SO-1/update-repair',
    requests,
    rounds,
    expect: Object.fromEntries(workers.map((w) => [w.name, 202])),
  });
  // Warm-up included (20 requests): a count, not a time.
  const faults = Object.fromEntries(
    workers.map((w, i) => [w.name, (minorFaults(w.pid) - faultsBefore[i]) / (requests * rounds + Math.min(requests, 20))]),
  );
  const paired = (name, base) => {
    if (name === base) return '';
    const d = pairedDifference(cpu[name], cpu[base]);
    return `${signed(d.median)} (${signed(d.low)} to ${signed(d.high)})`;
  };
  const rows = chosen.map(([name, [what]]) => {
    const cells = [what, median(cpu[name]).toFixed(0), paired(name, 'pass')];
    if (against !== undefined) cells.push(paired(name, against));
    return `| ${[...cells, faults[name].toFixed(0)].join(' | ')} |`;
  });
  console.log(
    `${sizeName(SIZE)} valid body, CPU of the workerd process per request, µs (median of ${rounds} rounds of ${requests} requests), the differences round by round (median, and in brackets the middle half of the rounds), and page faults per request:\n`,
  );
  const head = ['variant', 'CPU', '− pass-through', ...(against === undefined ? [] : [`− ${against}`]), 'page faults'];
  console.log([`| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`, ...rows].join('\n'));
} finally {
  clearInterval(clear);
  for (const w of workers) await w.worker.dispose();
  await upstream.close();
}

function signed(us) {
  return `${us >= 0 ? '+' : '−'}${Math.abs(us).toFixed(0)}`;
}

function sizeName(bytes) {
  if (bytes % (1 << 20) === 0) return `${bytes >> 20} MiB`;
  if (bytes % 1024 === 0) return `${bytes >> 10} KiB`;
  return `${bytes} B`;
}
