// Instructions per call of the module's check, through a package, counted by
// valgrind: repeatable where timing is not (a shared, loaded machine cannot
// resolve a change of a few per cent). Each build runs twice under callgrind,
// with `calls` and with twice as many checks of one body after the same warm-up; the
// difference divided by `calls` is what one check costs, JS boundary
// included, the rest of Node's work cancelled out. Only the raw check is
// counted (`checkInput` of bytes), not the JS API around it. A run can be
// an outlier (when V8 tiers code up or collects garbage differs between the
// two runs): `--repeat` measures each build that many times, interleaved,
// and prints every estimate and their median. `--call api` counts the
// public `validateEventJson(bytes)` instead (copy in, check, and the result
// object with its issues read and rendered); `--call object` counts
// `validateEvent` on the body parsed once beforehand (the tape written,
// copied in and checked, and the result object); `--call parse` counts
// `JSON.parse` of the same text, the bench's yardstick. `--body-file` reads
// the body from a file instead (a large body does not fit in an argument).
//   node bench/icount.mjs <package dir> [<another> …] [--body '<json>' | --body-file <path>] [--calls 60000] [--repeat 3] [--call raw|api|object|parse]
// (each directory an unpacked package, as for compare.mjs; valgrind needed).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    body: { type: 'string', default: '{"event":"repair_started","repairStartedAt":"2024-06-10"}' },
    'body-file': { type: 'string' },
    calls: { type: 'string', default: '60000' },
    repeat: { type: 'string', default: '3' },
    child: { type: 'string' },
    call: { type: 'string', default: 'raw' },
  },
});

if (values.child !== undefined) {
  // Under valgrind: the package's raw exports, one body, `child` checks.
  const api = createRequire(import.meta.url)(resolve(positionals[0], 'node.cjs'));
  const raw = api.validateEvent[Symbol.for('servicer-events.instance')].exports();
  const text = values['body-file'] === undefined ? values.body : readFileSync(values['body-file'], 'utf8');
  const body = new TextEncoder().encode(text);
  const at = raw.reserveInput(body.length);
  new Uint8Array(raw.memory.buffer).set(body, at);
  const value = JSON.parse(text);
  const calls = {
    raw: () => raw.checkInput(body.length, 1, 0, 0, 0, 0),
    api: () => api.validateEventJson(body),
    object: () => api.validateEvent(value),
    parse: () => JSON.parse(text),
  };
  const check = calls[values.call];
  if (!check) throw new Error(`--call is raw, api, object or parse, not ${values.call}`);
  for (let i = 0; i < 3000; i++) check(); // warm-up: the module tiered up
  for (let i = 0, n = Number(values.child); i < n; i++) check();
  process.exit(0);
}

const calls = Number(values.calls);
// V8 on one thread, WebAssembly compiled by its optimizing tier up front: a
// concurrent compile (JS or WebAssembly tiering up) that lands at a
// different point of each run under valgrind made the counts of the API
// calls spread by 2 x; on one thread they repeat within a few per cent.
const STEADY = ['--single-threaded', '--no-liftoff', '--no-wasm-lazy-compilation'];
function instructions(dir, n) {
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...STEADY, fileURLToPath(import.meta.url), dir,
      '--child', String(n), '--call', values.call,
      ...(values['body-file'] === undefined ? ['--body', values.body] : ['--body-file', values['body-file']]),
    ],
    { encoding: 'utf8' },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) throw new Error(`valgrind failed on ${dir}:\n${run.stderr.slice(-2000)}`);
  return Number(refs[1].replace(/,/g, ''));
}
const what = { raw: 'check', api: 'validateEventJson', object: 'validateEvent', parse: 'JSON.parse' }[values.call];
console.log(`instructions per ${what} of ${values['body-file'] ?? values.body} (${calls} calls):`);
const estimates = positionals.map(() => []);
for (let r = 0; r < Number(values.repeat); r++) {
  // `calls` against twice as many, both after the same warm-up: what tiers
  // up in the first calls cancels out.
  positionals.forEach((dir, i) => estimates[i].push((instructions(dir, 2 * calls) - instructions(dir, calls)) / calls));
}
positionals.forEach((dir, i) => {
  const sorted = [...estimates[i]].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(`${dir}: ${median.toFixed(0)} (each run: ${estimates[i].map((e) => e.toFixed(0)).join(', ')})`);
});
