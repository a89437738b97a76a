// CPU per request of the example Worker against a pass-through Worker, in
// workerd (Miniflare, the version examples/worker pins), for bodies from
// 100 B to the 1 MiB limit, valid and invalid. A second pass-through, the
// same build in its own workerd, gives the noise: what two identical
// Workers differ by here. Prints a Markdown table and writes it to
// bench/results.md (or --out FILE).
//
//   node bench/run.mjs            # from examples/worker; a few minutes
//   node bench/run.mjs --quick    # fewer rounds, a smoke run
//
// Needs the package built (bash scripts/build.sh at the repository root)
// and `npm ci` here. How the CPU is measured: lib/cpu.mjs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLE_DIR,
  ROOT,
  assertSetup,
  compatibilityDateOf,
  startUpstream,
  startWorker,
  varsOf,
  wranglerBuild,
} from '../../../tests/worker/harness.mjs';
import { eventOfSize, issueFlood } from './lib/bodies.mjs';
import { canMeasure, cpuRounds, median, pairedDifference } from './lib/cpu.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(HERE, 'results.md');
const ROUNDS = quick ? 3 : 11;
const ENDPOINT = '/service-orders/SO-1/update-repair';
const UPSTREAM_STATUS = 202;

/** Requests per round: enough CPU per round to be well above the clock's grain. */
const requestsFor = (size) => (quick ? 0.25 : 1) * (size >= 1 << 20 ? 40 : size >= 100_000 ? 100 : 200);

const label = (size) => (size >= 1 << 20 ? `${size / (1 << 20)} MiB` : size >= 1024 ? `${+(size / 1024).toFixed(1)} KiB` : `${size} B`);
const SIZES = [100, 1024, 10 * 1024, 100 * 1024, 1 << 20];
const cases = [
  ...SIZES.flatMap((size) => [
    { name: `${label(size)} valid`, body: eventOfSize(size), status: UPSTREAM_STATUS, size },
    { name: `${label(size)} invalid (1 error)`, body: eventOfSize(size, { invalid: true }), status: 422, size },
  ]),
  { name: '1 MiB valid, no Content-Length', body: eventOfSize(1 << 20), status: UPSTREAM_STATUS, size: 1 << 20, chunked: true },
  { name: `${label(issueFlood().length)}: 1,000 × 1e999 under a 1,000-char key`, body: issueFlood(), status: 422, size: issueFlood().length },
];

assertSetup();
const buildDir = join(ROOT, 'target/worker-bench');
rmSync(buildDir, { recursive: true, force: true });
const exampleOut = join(buildDir, 'example');
const stubOut = join(buildDir, 'example-stub');
const passOut = join(buildDir, 'passthrough');
for (const dir of [exampleOut, stubOut, passOut]) mkdirSync(dir, { recursive: true });
await wranglerBuild(EXAMPLE_DIR, exampleOut);
// The same Worker with a validator that accepts everything unread: its own cost.
await wranglerBuild(EXAMPLE_DIR, stubOut, { alias: { 'servicer-events': join(HERE, 'stub-validator.js') } });
await wranglerBuild(join(HERE, 'passthrough'), passOut);

const upstream = await startUpstream(() => ({ status: UPSTREAM_STATUS, headers: {}, body: 'ok' }));
// The upstream keeps every request it receives; the bench needs none.
const keep = upstream.received;
const bindings = { ...varsOf(join(EXAMPLE_DIR, 'wrangler.toml')), UPSTREAM_ORIGIN: upstream.origin };
const compatibilityDate = compatibilityDateOf(join(EXAMPLE_DIR, 'wrangler.toml'));
const example = await startWorker(exampleOut, { compatibilityDate, bindings });
const stub = await startWorker(stubOut, { compatibilityDate, bindings });
const pass = await startWorker(passOut, { compatibilityDate, bindings });
const pass2 = await startWorker(passOut, { compatibilityDate, bindings });
const workers = [
  { name: 'pass', url: pass.url, pid: pass.pid },
  { name: 'pass2', url: pass2.url, pid: pass2.pid },
  { name: 'stub', url: stub.url, pid: stub.pid },
  { name: 'example', url: example.url, pid: example.pid },
];

const rows = [];
try {
  if (!workers.every((w) => canMeasure(w.pid))) {
    throw new Error('cannot read the CPU time of workerd here (Linux /proc/<pid>/task/*/schedstat is needed)');
  }
  for (const c of cases) {
    const cpu = await cpuRounds(workers, c.body, {
      path: ENDPOINT,
      requests: requestsFor(c.size),
      rounds: ROUNDS,
      chunked: c.chunked,
      expect: { pass: UPSTREAM_STATUS, pass2: UPSTREAM_STATUS, stub: UPSTREAM_STATUS, example: c.status },
    });
    keep.length = 0;
    const row = {
      ...c,
      pass: median(cpu.pass),
      stub: median(cpu.stub),
      example: median(cpu.example),
      over: pairedDifference(cpu.example, cpu.pass),
      noise: pairedDifference(cpu.pass2, cpu.pass),
    };
    rows.push(row);
    console.error(`${c.name}: pass-through ${fmt(row.pass)} µs, stub ${fmt(row.stub)} µs, example ${fmt(row.example)} µs, example − pass ${spread(row.over)}, noise ${spread(row.noise)}`);
  }
} finally {
  await example.dispose();
  await stub.dispose();
  await pass.dispose();
  await pass2.dispose();
  await upstream.close();
}

const table = [
  '| body | answer | pass-through | example, validator stubbed | example | example − pass-through | noise: a second pass-through − the first |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) =>
    `| ${r.name} | ${r.status} | ${fmt(r.pass)} | ${fmt(r.stub)} | ${fmt(r.example)} | ${spread(r.over)} | ${spread(r.noise)} |`,
  ),
].join('\n');
const report = `# Worker CPU bench

CPU time of the workerd process per request, in µs (the median of ${ROUNDS}
rounds, the Workers taking turns): the example Worker against a
pass-through Worker that forwards every request unread, and the example
built with a validator that accepts everything unread (what the Worker's
own reading and forwarding cost). All answer to the same local upstream;
the pass-through and the stubbed build forward invalid bodies too, the
example answers them itself (422). The differences are taken round by
round (the two Workers ran back to back): their median, and in brackets
the middle half of the rounds. The last column is the same difference
between two identical pass-through Workers: what noise alone gives.

${table}

Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${quick ? 'quick run' : 'full run'}.
`;
writeFileSync(out, report);
console.log(table);

function fmt(us) {
  return us >= 100 ? us.toFixed(0) : us.toFixed(1);
}
function signed(us) {
  return `${us >= 0 ? '+' : '−'}${fmt(Math.abs(us))}`;
}
/** A paired difference: its median and quartiles. */
function spread({ median: mid, low, high }) {
  return `${signed(mid)} (${signed(low)} to ${signed(high)})`;
}
