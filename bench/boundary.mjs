// Where a call's time goes, per event of the bench corpus (valid and
// invalid apart): copying the bytes into the module's memory, the module's
// own check (copy in + check, less the copy), and what the public call adds around them
// (arguments, the result object, its issues read and rendered), beside
// JSON.parse of the same text and the hand-written JS validator, the
// physical floor. Timed in one process, interleaved rounds, CPU time, the
// median; not part of the report (a profile for issue 16's closing note).
//   node bench/boundary.mjs [<package dir>] [--rounds 25]
// (default: the package installed for the bench; instructions per call of
// the same steps: bench/icount.mjs --call raw|api|parse).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './lib/generate.mjs';
import { validate as handWritten } from './lib/peers/handwritten.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '25' } } });
const require = createRequire(import.meta.url);
const api = require(positionals[0] ? resolve(positionals[0], 'node.cjs') : 'servicer-events');
const raw = api.validateEvent[Symbol.for('servicer-events.instance')].exports();
const items = generate({ count: 4000, seed: 1 });
const serviceTypes = [undefined, 'repair_depot', 'repair_onsite'];
for (const it of items) it.st = Math.max(0, serviceTypes.indexOf(it.order?.serviceType));

let memory = new Uint8Array(raw.memory.buffer);
/** The body copied into the module's input buffer (what `validateEventJson` does first). */
function copyIn(bytes) {
  const at = raw.reserveInput(bytes.length);
  if (memory.buffer !== raw.memory.buffer) memory = new Uint8Array(raw.memory.buffer);
  memory.set(bytes, at);
}
/** The module's check of the body in its buffer, no order, nothing read back. */
const check = (it) => raw.checkInput(it.bytes.length, 1, 0, false, undefined);

const steps = {
  'JSON.parse (string)': (it) => JSON.parse(it.json),
  'hand-written JS (object)': (it) => handWritten(it.event, it.st),
  'copy in alone': (it) => copyIn(it.bytes),
  'copy in + module check': (it) => (copyIn(it.bytes), check(it)),
  'validateEventJson(Uint8Array), no order': (it) => api.validateEventJson(it.bytes),
  'validateEvent(object), no order': (it) => api.validateEvent(it.event),
};
const verdict = (it) => api.validateEvent(it.event).valid;
const groups = { valid: items.filter(verdict), invalid: items.filter((it) => !verdict(it)) };

/** CPU ns per event of one pass of `step` over `list`. */
function time(list, step) {
  const t = process.cpuUsage();
  for (const it of list) step(it);
  const d = process.cpuUsage(t);
  return ((d.user + d.system) * 1000) / list.length;
}
const samples = {};
for (let r = -3; r < Number(values.rounds); r++) {
  for (const [group, list] of Object.entries(groups)) {
    for (const [name, step] of Object.entries(steps)) {
      const ns = time(list, step);
      if (r >= 0) ((samples[name] ??= {})[group] ??= []).push(ns);
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = Math.round(items.reduce((n, it) => n + it.bytes.length, 0) / items.length);
console.log(`ns per event (median of ${values.rounds} rounds; ${bytes} B of JSON on average; ${groups.valid.length} valid, ${groups.invalid.length} invalid):`);
console.log('| step | valid | invalid | invalid ÷ valid |\n| --- | ---: | ---: | ---: |');
for (const [name, s] of Object.entries(samples)) {
  const [v, i] = [median(s.valid), median(s.invalid)];
  console.log(`| ${name} | ${v.toFixed(0)} | ${i.toFixed(0)} | ${(i / v).toFixed(2)} |`);
}
const at = (name, g) => median(samples[name][g]);
for (const g of ['valid', 'invalid']) {
  const copy = at('copy in alone', g);
  const module = at('copy in + module check', g) - copy;
  const skin = at('validateEventJson(Uint8Array), no order', g) - at('copy in + module check', g);
  console.log(`${g}: bytes = copy in ${copy.toFixed(0)} + module ${module.toFixed(0)} + API skin and result ${skin.toFixed(0)} ns`);
}
