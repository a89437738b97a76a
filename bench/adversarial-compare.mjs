// Two or more builds of the package on the adversarial bench's families, in
// one process: the before and after of one change, paired so that the load
// of a shared machine weighs on both alike (each round calls every build
// once, interleaved; lib/rounds.mjs). Each build must give the first one's
// result on every family before anything is timed.
//   node bench/adversarial-compare.mjs <before> <after> [<another> …] [--only TEXT] [--rounds N]
// (each directory an unpacked package: `tar xzf target/pack/servicer-events-*.tgz`'s `package/`).
// Prints per family the fastest call of each build and its ratio to the first.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAMILIES } from './lib/hostile-bodies.mjs';
import { fastest, interleaved } from './lib/rounds.mjs';

const { values, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string', default: '' }, rounds: { type: 'string', default: '21' } },
});
if (dirs.length < 2) throw new Error('usage: node bench/adversarial-compare.mjs <before> <after> [--only TEXT]');
const require = createRequire(import.meta.url);
const apis = dirs.map((d) => require(resolve(d, 'node.cjs')));

console.log(`| family | ${dirs.join(' ms | ')} ms | ${dirs.slice(1).map((d) => `${d} ÷ ${dirs[0]}`).join(' | ')} |`);
for (const f of FAMILIES.filter((f) => f.name.includes(values.only))) {
  const input = f.json ? f.json(1 << 20) : f.value(1 << 20);
  const calls = apis.map((api) => (f.json ? () => api.validateEventJson(input) : () => api.validateEvent(input)));
  const first = JSON.stringify(calls[0]());
  calls.forEach((call, i) => {
    if (JSON.stringify(call()) !== first) throw new Error(`${dirs[i]} disagrees with ${dirs[0]} on ${f.name}`);
  });
  globalThis.gc?.();
  const ms = interleaved(calls, Number(values.rounds)).map(fastest);
  console.log(`| ${f.name} | ${ms.map((m) => m.toFixed(2)).join(' | ')} | ${ms.slice(1).map((m) => (m / ms[0]).toFixed(3)).join(' | ')} |`);
}
