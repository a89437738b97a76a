// Why the first validation in a request costs several times the next ones
// (bench/small-body-steps.mjs): between two requests the runtime's own work
// evicts the library's code and data from the CPU caches. Here, in Node, a
// 32 MiB sweep evicts them on purpose before each call, and the first call
// after it is set beside a second, warm one, and beside what any JS
// validator pays first (the body decoded and `JSON.parse`d), cold the same
// way. Prints each call's cold and warm time (median of the rounds) and the
// ratios; absolute times are only context.
//
//   node bench/cold-call.mjs               # from examples/worker, after npm install
//   node bench/cold-call.mjs --size 100 --rounds 500
import { validateEventJson } from 'servicer-events';
import { eventOfSize } from './lib/bodies.mjs';
import { option } from './lib/option.mjs';

const SIZE = Number(option('--size') ?? 1024);
const ROUNDS = Number(option('--rounds') ?? 300);
const body = new Uint8Array(eventOfSize(SIZE));
const decoder = new TextDecoder();

/** name → one call on the body. */
const CALLS = {
  'validateEventJson(bytes)': () => validateEventJson(body).valid,
  'TextDecoder + JSON.parse': () => typeof JSON.parse(decoder.decode(body)) === 'object',
};

/** Larger than the last-level cache of the machines this runs on. */
const sweep = new Float64Array((32 << 20) / 8);
function evict() {
  let sum = 0;
  for (let i = 0; i < sweep.length; i += 8) sum += sweep[i] += 1; // one write a cache line
  return sum;
}

for (const call of Object.values(CALLS)) for (let i = 0; i < 5000; i += 1) call(); // compiled and tiered up
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rows = [];
for (const [name, call] of Object.entries(CALLS)) {
  const cold = [];
  const warm = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    evict();
    let start = process.hrtime.bigint();
    if (!call()) throw new Error(`${name}: the body did not pass`);
    cold.push(Number(process.hrtime.bigint() - start) / 1000);
    start = process.hrtime.bigint();
    call();
    warm.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  rows.push({ name, cold: median(cold), warm: median(warm) });
}
const parse = rows[1];
console.log(`${SIZE} B valid body, median of ${ROUNDS} rounds, µs (context only), Node ${process.version}:\n`);
console.log('| call | cold (caches evicted) | warm (the next call) | cold ÷ warm | cold ÷ cold decode + parse |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const { name, cold, warm } of rows) {
  console.log(`| ${name} | ${cold.toFixed(1)} | ${warm.toFixed(1)} | ${(cold / warm).toFixed(1)} | ${(cold / parse.cold).toFixed(2)} |`);
}
