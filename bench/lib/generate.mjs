// A seeded generator of realistic update-repair events: every listed event and
// other events, optional fields present or not, notes, metadata, ms timestamps,
// and a share of invalid events of every kind the rules know, except the size
// limits, duplicate and `__proto__` keys and non-JSON values: those are not
// what real traffic is made of, JSON Schema cannot express most of them (the
// package's eventJsonSchema() documents that), and the package's own tests
// cover them.
//
// Each item: { event, order, st, intent, json, bytes }
//   event  the JS value (what validateEvent gets)
//   order  undefined or { serviceType, accepted?, closed? } (never a failing order)
//   st     0 = no order, 1 = repair_depot, 2 = repair_onsite (index into SERVICE_TYPES)
//   intent 'valid' or 'invalid:<kind>' (what the generator meant; checked too)
//   json   JSON.stringify(event), bytes its UTF-8 encoding

import { DEPOT_EVENTS, ONSITE_EVENTS, EVENT_FIELDS, FIELD_TYPES, ENUMS } from './rules.mjs';

/** sfc32: small, fast, seedable; good enough for test data. */
export function rng(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const r = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** Picks from [[weight, value], ...]. */
    weighted(pairs) {
      let total = 0;
      for (const [w] of pairs) total += w;
      let x = next() * total;
      for (const [w, v] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][1];
    },
  };
  return r;
}

const LISTED = [...DEPOT_EVENTS, ...ONSITE_EVENTS];
// Other events: real-looking extensions, the parameter table's repair_shipped,
// and near misses of listed names (valid, with a warning from the package).
const OTHER_NAMES = [
  'repair_shipped', 'repair_shipped', 'quote_sent', 'technician_assigned', 'pickup_scheduled',
  'status_update', 'part_backordered', 'estimate_approved', 'customer_no_show',
  'repair_complete', 'Repair_Started', 'product-received', 'apointment_scheduling',
];
const PEOPLE = ['Ana Souza', 'J. Müller', 'Tech 14', 'front desk', 'Priya N.', 'M. Okafor', 'Lee', 'warehouse B'];
const NOTES = [
  'Customer called twice, no answer; left a voicemail with the callback number.',
  'Screen cracked in the lower left corner, hinge OK, no liquid damage.',
  'Waiting on supplier confirmation for the replacement board.',
  'Unit powers on, no display. Backlight works under a torch.',
  'Rückruf morgen früh, Kunde ist ab 8 Uhr erreichbar.',
  'Replaced battery and cleaned fan; tested 30 min under load.',
  'Box slightly damaged on arrival, photos attached to the ticket.',
  'OK', '', 'Tech on site 14:05–15:20, customer signed the work order.',
  'Needs a second visit for the compressor; part ordered from the regional stock.',
];
const REASONS = ['repaired', 'replaced', 'no_fault_found', 'customer_cancelled', 'beyond_repair'];
const DELAYS = ['Part on backorder', 'Awaiting customer approval', 'Technician sick'];
const ISO = ['2024-06-10T14:00:00Z', '2024-07-01', 'tomorrow', '1718028000000', ''];

const BASE_MS = 1_717_200_000_000; // June 2024

function timestamp(r) {
  if (r.chance(0.03)) return Math.floor((BASE_MS + r.int(0, 15e9)) / 1000); // seconds: valid, warned
  return BASE_MS + r.int(0, 15_000_000_000);
}

function stringFor(field, r) {
  switch (field) {
    case 'receivedBy': case 'deliveredTo': case 'diagnosedBy': return r.pick(PEOPLE);
    case 'delayReason': return r.pick(DELAYS);
    case 'resolutionType': case 'reason': return r.pick(REASONS);
    default: return r.pick(NOTES);
  }
}

function metadata(r) {
  const m = {};
  if (r.chance(0.8)) m.source = r.pick(['portal', 'mobile', 'api']);
  if (r.chance(0.6)) m.technicianId = `T-${r.int(100, 9999)}`;
  if (r.chance(0.6)) m.ticket = `SR-${r.int(10000, 99999)}`;
  if (r.chance(0.3)) m.tags = ['warranty', 'priority'].slice(0, r.int(1, 2));
  if (r.chance(0.15)) m.geo = { lat: 52.52 + r.next() / 10, lon: 13.4 + r.next() / 10 };
  if (r.chance(0.1)) m.retries = r.int(0, 3);
  return m;
}

function valueFor(field, r) {
  switch (FIELD_TYPES[field]) {
    case 'string': return stringFor(field, r);
    case 'boolean': return r.chance(0.5);
    case 'timestamp': return timestamp(r);
    case 'timestamp_array': {
      const n = r.int(1, 3);
      const out = [];
      for (let i = 0; i < n; i++) out.push(timestamp(r));
      return out;
    }
    case 'enum': return r.pick(ENUMS[field]);
    case 'object': return metadata(r);
  }
  throw new Error(`no generator for ${field}`);
}

/** A valid event and an order it may be sent for. */
function validEvent(r) {
  const ev = {};
  let kind;
  if (r.chance(0.75)) {
    const name = r.pick(LISTED);
    kind = DEPOT_EVENTS.includes(name) ? 'depot' : 'onsite';
    ev.event = name;
    for (const f of EVENT_FIELDS[name]) if (r.chance(0.9)) ev[f] = valueFor(f, r);
    // Both spellings of one date are rare; keep at most one most of the time.
    if ('receptionDate' in ev && 'receivedAt' in ev && r.chance(0.8)) delete ev.receivedAt;
    if ('deliveredDate' in ev && 'deliveredAt' in ev && r.chance(0.8)) delete ev.deliveredAt;
  } else {
    kind = 'other';
    const name = r.pick(OTHER_NAMES);
    ev.event = name;
    if (name === 'repair_shipped' && r.chance(0.8)) ev.repairShippedAt = timestamp(r);
    if (r.chance(0.85)) ev.eventDate = timestamp(r);
    if (r.chance(0.7)) ev.metadata = metadata(r);
  }
  if (r.chance(0.85)) ev.notes = r.pick(NOTES);
  // Fields no event lists: accepted (a near miss such as recievedBy earns a warning).
  if (r.chance(0.2)) ev.technicianId = `T-${r.int(100, 9999)}`;
  if (r.chance(0.45)) ev.externalReference = `WO-2024-${String(r.int(0, 999999)).padStart(6, '0')}`;
  if (r.chance(0.03)) ev.recievedBy = r.pick(PEOPLE);
  if (r.chance(0.02)) ev.extra = null;

  let st = 0;
  if (r.chance(0.6)) {
    st = kind === 'depot' ? 1 : kind === 'onsite' ? 2 : r.int(1, 2);
  }
  return { ev, st };
}

const KNOWN = Object.keys(FIELD_TYPES);
const FIELDS_OF_TYPE = (t) => KNOWN.filter((f) => FIELD_TYPES[f] === t);
const TS_FIELDS = FIELDS_OF_TYPE('timestamp');
const TSA_FIELDS = FIELDS_OF_TYPE('timestamp_array');
const ENUM_FIELDS = FIELDS_OF_TYPE('enum');

/** A field of the event of one of these types, or a new one of them added to it. */
function fieldOf(ev, fields, r) {
  const present = fields.filter((f) => f in ev);
  return present.length && r.chance(0.8) ? r.pick(present) : r.pick(fields);
}

function wrongType(type, r) {
  switch (type) {
    case 'string': return r.pick([42, true, ['a'], { text: 'x' }]);
    case 'boolean': return r.pick(['true', 1, 0, 'false']);
    case 'timestamp': return r.pick([true, { ms: BASE_MS }, [BASE_MS]]);
    case 'timestamp_array': return r.pick([BASE_MS, 'x', { 0: BASE_MS }]);
    case 'enum': return r.pick([1, true, ['email']]);
    case 'object': return r.pick(['{}', 7, true]);
  }
}

const MUTATIONS = [
  [14, 'wrong_type', (ev, r) => {
    const f = r.pick(KNOWN);
    ev[f] = wrongType(FIELD_TYPES[f], r);
  }],
  [10, 'null_field', (ev, r) => {
    const f = r.chance(0.15) ? 'event' : fieldOf(ev, KNOWN, r);
    ev[f] = null;
  }],
  [12, 'string_timestamp', (ev, r) => { ev[fieldOf(ev, TS_FIELDS, r)] = r.pick(ISO); }],
  [7, 'fractional_timestamp', (ev, r) => { ev[fieldOf(ev, TS_FIELDS, r)] = BASE_MS + r.int(0, 1e9) + 0.5; }],
  [7, 'negative_timestamp', (ev, r) => { ev[fieldOf(ev, TS_FIELDS, r)] = r.pick([-1, -BASE_MS]); }],
  [7, 'too_large_timestamp', (ev, r) => {
    ev[fieldOf(ev, TS_FIELDS, r)] = r.pick([8_640_000_000_000_001, 9e15, 1e16, 1e21]);
  }],
  [6, 'bad_timestamp_item', (ev, r) => {
    const f = fieldOf(ev, TSA_FIELDS, r);
    const arr = Array.isArray(ev[f]) ? ev[f] : [BASE_MS];
    arr[r.int(0, arr.length - 1)] = r.pick(['2024-06-10', null, 1.5, -5, true]);
    ev[f] = arr;
  }],
  [10, 'bad_enum', (ev, r) => {
    const f = fieldOf(ev, ENUM_FIELDS, r);
    ev[f] = r.pick(['Parts_Ordered', 'email-and-phone', 'sms', 'SCHEDULED', '', 'rescheduled ', 'appointment-reminder']);
  }],
  [7, 'missing_event', (ev) => { delete ev.event; }],
  [6, 'empty_event_name', (ev) => { ev.event = ''; }],
  [4, 'event_not_string', (ev, r) => { ev.event = r.pick([17, true, ['repair_started'], { name: 'x' }]); }],
  [6, 'metadata_not_object', (ev, r) => { ev.metadata = r.pick([['a', 'b'], 'source=portal', null, 3]); }],
  // The order-dependent and root kinds are applied in generate() itself.
  [10, 'service_type_mismatch', null],
  [3, 'not_an_object', null],
];

/** Generates `count` items from `seed`, `invalidShare` of them invalid. */
export function generate({ count = 4000, seed = 1, invalidShare = 0.2 } = {}) {
  const r = rng(seed);
  const enc = new TextEncoder();
  const items = [];
  for (let i = 0; i < count; i++) {
    let { ev, st } = validEvent(r);
    let intent = 'valid';
    // Exactly `invalidShare` of the items (spread evenly, then shuffled below).
    if (Math.floor((i + 1) * invalidShare) > Math.floor(i * invalidShare)) {
      const kinds = [];
      const times = r.chance(0.1) ? 2 : 1;
      for (let k = 0; k < times; k++) {
        const kind = r.weighted(MUTATIONS.map(([w, name, fn]) => [w, [name, fn]]));
        const [name, fn] = kind;
        if (kinds.includes('not_an_object')) break;
        if (name === 'service_type_mismatch') {
          if (!LISTED.includes(ev.event)) ev.event = r.pick(LISTED);
          st = DEPOT_EVENTS.includes(ev.event) ? 2 : 1;
        } else if (name === 'not_an_object') {
          ev = r.pick([[ev], JSON.stringify(ev), null, 42, true]);
        } else {
          fn(ev, r);
        }
        kinds.push(name);
      }
      intent = `invalid:${kinds.join('+')}`;
    }
    const order = st === 0 ? undefined : orderFor(st, r);
    const json = JSON.stringify(ev);
    items.push({ event: ev, order, st, intent, json, bytes: enc.encode(json) });
  }
  // Shuffle, so that invalid items come at no regular interval.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function orderFor(st, r) {
  const order = { serviceType: st === 1 ? 'repair_depot' : 'repair_onsite' };
  if (r.chance(0.3)) order.accepted = true;
  if (r.chance(0.3)) order.closed = false;
  return order;
}

/** Average JSON size, share of invalid items, and how many of each kind. */
export function describe(items) {
  let bytes = 0;
  let invalid = 0;
  const kinds = {};
  const names = new Set();
  for (const it of items) {
    bytes += it.bytes.length;
    if (it.intent !== 'valid') invalid++;
    for (const k of it.intent.split(/[:+]/).slice(1)) kinds[k] = (kinds[k] ?? 0) + 1;
    if (it.event && typeof it.event.event === 'string') names.add(it.event.event);
  }
  return {
    count: items.length,
    avgBytes: bytes / items.length,
    invalidShare: invalid / items.length,
    kinds,
    eventNames: names.size,
  };
}
