// Two or more builds of the package, compared in one process: the before and
// after of one change. Usage (each directory an unpacked package, e.g.
// `tar xzf target/pack/servicer-events-*.tgz`'s `package/`):
//   node bench/compare.mjs <before> <after> [<another> …]   (ROUNDS=30 by default)
// The corpus is the bench's (4000 events, seed 1), split into valid and
// invalid; every build must give the first one's result on every event
// before anything is timed. Timing is paired (before, after, after, before
// in each round) and in CPU time of the process, which a loaded machine
// disturbs less than the wall clock; it prints the median ratio to the
// first build and its p25–p75 over the rounds, and JSON.parse for scale.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { generate } from './lib/generate.mjs';

const require = createRequire(import.meta.url);
const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error('usage: node bench/compare.mjs <before> <after> [<another> …]');
const apis = dirs.map((d) => require(resolve(d, 'node.cjs')));
const items = generate({ count: 4000, seed: 1 });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
for (const it of items) {
  for (const api of apis.slice(1)) {
    if (!same(api.validateEvent(it.event, it.order), apis[0].validateEvent(it.event, it.order)) ||
      !same(api.validateEventJson(it.bytes, it.order), apis[0].validateEventJson(it.bytes, it.order))) {
      throw new Error(`the builds disagree on ${it.json}`);
    }
  }
}
const valid = items.filter((it) => apis[0].validateEvent(it.event, it.order).valid);
const invalid = items.filter((it) => !apis[0].validateEvent(it.event, it.order).valid);
const modes = {
  'bytes, valid': (api) => valid.forEach((it) => api.validateEventJson(it.bytes, it.order)) ?? valid.length,
  'bytes, invalid': (api) => invalid.forEach((it) => api.validateEventJson(it.bytes, it.order)) ?? invalid.length,
  'object, valid': (api) => valid.forEach((it) => api.validateEvent(it.event, it.order)) ?? valid.length,
  'object, invalid': (api) => invalid.forEach((it) => api.validateEvent(it.event, it.order)) ?? invalid.length,
};
/** CPU nanoseconds per event of one pass. */
function time(mode, api) {
  const start = process.cpuUsage();
  const n = mode(api);
  const d = process.cpuUsage(start);
  return ((d.user + d.system) * 1000) / n;
}
const rounds = Number(process.env.ROUNDS || 30);
const ratios = {};
const absolute = {};
const parse = [];
for (let r = -2; r < rounds; r++) {
  const t0 = process.cpuUsage();
  for (const it of items) JSON.parse(it.json);
  const d = process.cpuUsage(t0);
  if (r >= 0) parse.push(((d.user + d.system) * 1000) / items.length);
  for (const [name, mode] of Object.entries(modes)) {
    for (let i = 1; i < apis.length; i++) {
      const a1 = time(mode, apis[0]), b1 = time(mode, apis[i]), b2 = time(mode, apis[i]), a2 = time(mode, apis[0]);
      if (r < 0) continue; // warm-up
      ((ratios[name] ??= {})[i] ??= []).push((b1 + b2) / (a1 + a2));
      ((absolute[name] ??= {})[i] ??= []).push((b1 + b2) / 2);
      (absolute[name][0] ??= []).push((a1 + a2) / 2);
    }
  }
}
const at = (x, p) => [...x].sort((a, b) => a - b)[Math.floor((x.length - 1) * p)];
console.log(`${rounds} paired rounds, CPU ns per event; JSON.parse of the whole corpus: ${at(parse, 0.5).toFixed(0)} ns`);
for (const [name, byBuild] of Object.entries(ratios)) {
  const cells = Object.entries(byBuild).map(
    ([i, x]) => `${dirs[i]}: ${at(absolute[name][i], 0.5).toFixed(0)} ns, × ${at(x, 0.5).toFixed(3)} (${at(x, 0.25).toFixed(2)}–${at(x, 0.75).toFixed(2)})`,
  );
  console.log(`${name.padEnd(16)} ${dirs[0]}: ${at(absolute[name][0], 0.5).toFixed(0)} ns | ${cells.join(' | ')}`);
}
