// Where the package's time goes: the cost of one call on small inputs that
// each add one thing (a listed vs an other event name, a known field, an
// unknown field, metadata, an invalid value), on both paths. Not part of the
// report; run it by hand: node bench/probe.mjs [--ms 300]
import { parseArgs } from 'node:util';
import { validateEvent, validateEventJson } from 'servicer-events';

const { values } = parseArgs({ options: { ms: { type: 'string', default: '300' } } });
const budget = Number(values.ms);
const enc = new TextEncoder();

const PROBES = [
  ['{} (missing event)', {}],
  ['listed event only', { event: 'repair_started' }],
  ['other event only', { event: 'status_update' }],
  ['+ 1 timestamp', { event: 'repair_started', repairStartedAt: 1718000000000 }],
  ['+ 1 string (70 chars)', { event: 'repair_started', notes: 'Replaced battery and cleaned fan; tested 30 min under load, all fine.' }],
  ['+ 1 unknown field', { event: 'repair_started', technicianId: 'T-4412' }],
  ['+ 3 unknown fields', { event: 'repair_started', technicianId: 'T-4412', externalReference: 'WO-2024-000123', source: 'portal' }],
  ['other + metadata (3 keys)', { event: 'status_update', metadata: { source: 'portal', technicianId: 'T-1', ticket: 'SR-1' } }],
  ['1 invalid timestamp', { event: 'repair_started', repairStartedAt: '2024-06-10' }],
  ['3 invalid fields', { event: 'repair_eta', estimatedRepairCompletionAt: 'soon', isDelayed: 'yes', delayReason: 5 }],
  ['a near-miss name (warning)', { event: 'repair_complete' }],
  ['timestamp in seconds (warning)', { event: 'repair_started', repairStartedAt: 1718000000 }],
];

function time(fn) {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const t0 = process.hrtime.bigint();
  let t;
  do {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    t = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (t < budget);
  return (t * 1e6) / n;
}

const noop = time(() => 0);
const rows = [['input', 'validateEvent', 'validateEventJson (string)', 'validateEventJson (bytes)', 'JSON.parse']];
for (const [label, ev] of PROBES) {
  const json = JSON.stringify(ev);
  const bytes = enc.encode(json);
  rows.push([
    label,
    time(() => validateEvent(ev)),
    time(() => validateEventJson(json)),
    time(() => validateEventJson(bytes)),
    time(() => JSON.parse(json)),
  ].map((x) => (typeof x === 'number' ? `${(x - noop).toFixed(0)} ns` : x)));
}
console.log('| ' + rows[0].join(' | ') + ' |');
console.log('|' + rows[0].map((_, i) => (i ? ' ---: ' : ' --- ')).join('|') + '|');
for (const r of rows.slice(1)) console.log('| ' + r.join(' | ') + ' |');
