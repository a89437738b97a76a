// Crafted bodies for the adversarial bench (bench/adversarial.mjs) and the
// bounded-work tests (tests/hostile/bounded.test.mjs): each family makes a
// body of about `size` bytes, within the default limits' reach, shaped to
// make one part of the validator work hard. Deterministic: no randomness, so
// every run and every CI machine sees the same bytes.
//
// A family is { name, what, json(size) } for validateEventJson, or
// { name, what, value(size) } for validateEvent (JS values: the same shapes,
// plus what only JS can send).

import { FIELD_TYPES, DEPOT_EVENTS, ONSITE_EVENTS } from './rules.mjs';

const FIELDS = Object.keys(FIELD_TYPES);
const EVENTS = [...DEPOT_EVENTS, ...ONSITE_EVENTS];
const MAX_KEYS = 10_000; // the default maxKeys: past it the walk has nothing left to do

/** `{"event":…,` + members + `}`, members joined with commas. */
const object = (event, members) => `{"event":${JSON.stringify(event)},${members.join(',')}}`;

/**
 * As many copies of `make(i)` as fit in `size` bytes (at least one), at most
 * `max`; 100 bytes are left for what the family wraps them in, so a body of
 * `size` stays within maxBodyBytes when `size` is the limit.
 */
function fill(size, make, max = Infinity) {
  const out = [];
  let used = 100;
  for (let i = 0; i < max; i++) {
    const s = make(i);
    if (used + s.length + 1 > size && out.length > 0) break;
    used += s.length + 1;
    out.push(s);
  }
  return out;
}

/** The `i`-th case variant of `name`: distinct for each i below 2^letters, a near miss of it. */
function caseVariant(name, i) {
  let bit = 1;
  let out = '';
  for (const c of name) {
    if (/[a-z]/i.test(c)) {
      out += i & bit ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c;
      bit *= 2;
    } else out += c;
  }
  // Variant 0 is the name itself: make it a near miss too.
  return i === 0 ? name.toUpperCase() : out;
}

/** Distinct near misses of the known fields, padded to `keyBytes` bytes per member. */
function nearMissKeys(size) {
  const per = Math.max(1, Math.floor(size / MAX_KEYS));
  return fill(size, (i) => `${JSON.stringify(caseVariant(FIELDS[i % FIELDS.length], Math.floor(i / FIELDS.length) + 1))}:"${'x'.repeat(Math.max(0, per - 30))}"`, MAX_KEYS - 1);
}

/** An object of arrays of 1,000 × `item`, one per `bytesEach` of `size`. */
const arrays = (size, bytesEach, item) =>
  Object.fromEntries(Array.from({ length: Math.max(1, Math.round(size / bytesEach)) }, (_, i) => [`a${i}`, new Array(1000).fill(item)]));

/** `"metadata":{"a0":[…],"a1":[…],…}`: copies of `item`, 1,000 to an array, to fill `size`. */
function inMetadata(size, item) {
  const items = fill(size - Math.ceil(size / (1000 * (item.length + 1))) * 12, () => item);
  const members = [];
  for (let i = 0; i < items.length; i += 1000) members.push(`"a${i / 1000}":[${items.slice(i, i + 1000).join(',')}]`);
  return `"metadata":{${members.join(',')}}`;
}

const array = (n, item) => `[${new Array(n).fill(item).join(',')}]`;

export const FAMILIES = [
  {
    name: 'benign: one long string',
    what: 'the reference: one string field as long as the body',
    json: (size) => object('repair_eta', [`"notes":"${'a'.repeat(Math.max(0, size - 64))}"`]),
  },
  {
    name: 'near-miss key flood',
    what: 'distinct case variants of known fields at the top level: a possible_typo each',
    json: (size) => object('repair_eta', nearMissKeys(size)),
  },
  {
    name: 'unknown key flood',
    what: 'distinct top-level keys near no known field: a near-miss search each',
    json: (size) => {
      const per = Math.max(1, Math.floor(size / MAX_KEYS));
      return object('x', fill(size, (i) => `"zq${String(i).padStart(6, '0')}wv${'y'.repeat(Math.max(0, per - 22))}":1`, MAX_KEYS - 1));
    },
  },
  {
    name: 'enum flood',
    what: 'near-miss enum values, again and again (duplicate keys too)',
    json: (size) => object('customer_contact', fill(size, (i) => (i % 2 ? '"method":"Email-And-Phone"' : '"customerContactEventType":"appointment_remindr"'), MAX_KEYS - 1)),
  },
  {
    name: 'event-name flood',
    what: 'near-miss event names, again and again (duplicate keys too)',
    json: (size) => object('repair_complete', fill(size, (i) => `"event":${JSON.stringify(caseVariant(EVENTS[i % EVENTS.length], i + 1))}`, MAX_KEYS - 1)),
  },
  {
    name: 'issue flood: seconds',
    what: 'availabilityWindows of 1,000 × 1 again and again: a timestamp_in_seconds per item',
    json: (size) => object('batched', fill(size, () => `"availabilityWindows":${array(1000, 1)}`)),
  },
  {
    name: 'issue flood: wrong types',
    what: 'every item of every array a string where a timestamp belongs',
    json: (size) => object('batched', fill(size, () => `"appointmentTimestamps":${array(1000, '""')}`)),
  },
  {
    name: 'long key × many issues',
    what: 'a 65,536-character key over arrays of 1,000 × 1e999 (not_json each)',
    json: (size) => {
      const key = 'k'.repeat(65_536);
      const arrays = fill(Math.max(1, size - key.length - 100), (i) => `"${i}":${array(1000, '1e999')}`);
      return object('x', [`"metadata":{"${key}":{${arrays.join(',')}}}`]);
    },
  },
  {
    name: 'long keys, deep path',
    what: '30 nested objects with keys of a 30th of the body each, issues at the bottom',
    json: (size) => {
      const key = 'p'.repeat(Math.max(1, Math.floor((size - 7000) / 31)));
      const open = `{"${key}":`.repeat(30);
      return object('x', [`"metadata":${open}${array(1000, '1e999')}${'}'.repeat(30)}`]);
    },
  },
  {
    name: 'deep nesting',
    what: 'arrays nested as deep as the body allows (the limit is 32)',
    json: (size) => {
      const n = Math.max(1, Math.floor((size - 40) / 2));
      return object('x', [`"metadata":{"a":${'['.repeat(n)}${']'.repeat(n)}}`]);
    },
  },
  {
    name: 'wide nesting (valid)',
    what: 'arrays of arrays of small numbers, every level within the limits',
    json: (size) => object('x', [inMetadata(size, array(1000, 7))]),
  },
  {
    name: 'escaped keys (valid)',
    what: 'objects of 16 \\u-escaped keys (duplicate checks decode each once)',
    json: (size) => {
      const one = `{${Array.from({ length: 16 }, (_, k) => `"\\u006b\\u0065\\u0079${k}":1`).join(',')}}`;
      return object('x', [inMetadata(size, one)]);
    },
  },
  {
    name: 'colliding keys (valid)',
    what: 'one object of 9,998 distinct keys sharing a long prefix',
    json: (size) => {
      const prefix = 'c'.repeat(Math.max(1, Math.floor(size / MAX_KEYS) - 12));
      return object('x', [`"metadata":{${fill(size, (i) => `"${prefix}${i}":1`, MAX_KEYS - 2).join(',')}}`]);
    },
  },
  {
    name: 'duplicate keys',
    what: 'one key 9,998 times in one object: a duplicate_key each',
    json: (size) => {
      const key = 'd'.repeat(Math.max(1, Math.floor(size / MAX_KEYS) - 4));
      return object('x', [`"metadata":{${fill(size, () => `"${key}":1`, MAX_KEYS - 2).join(',')}}`]);
    },
  },
  {
    name: '__proto__ flood',
    what: 'objects of one __proto__ key each: a forbidden_key each',
    json: (size) => object('x', [inMetadata(size, '{"__proto__":1}')]),
  },
  {
    name: 'numbers (valid)',
    what: 'arrays of 1,000 × 0.5 under distinct keys (the issue: 262,000 numbers)',
    json: (size) => object('x', [`"metadata":{${fill(size, (i) => `"n${i}":${array(1000, '0.5')}`).join(',')}}`]),
  },
  {
    name: 'long numbers',
    what: 'numbers of 60,000 digits in timestamp fields (invalid) and elsewhere',
    json: (size) => {
      const n = `0.${'1'.repeat(60_000)}`;
      return object('x', [`"eventDate":${n}`, inMetadata(size - n.length, n)]);
    },
  },
  {
    name: 'escape-heavy strings (valid)',
    what: 'strings of 10,000 \\u and \\n escapes each',
    json: (size) => {
      const s = `"${'\\u00e9\\n'.repeat(5000)}"`;
      return object('x', [inMetadata(size, s)]);
    },
  },
  {
    name: 'not JSON at the end',
    what: 'a long valid prefix, then a stray comma before the last brace',
    json: (size) => `{"event":"x",${inMetadata(size, '"abcdefgh"')},}`,
  },
  // The same shapes as JS values (validateEvent).
  {
    name: 'value: benign long string',
    what: 'the benign shape as an object',
    value: (size) => ({ event: 'repair_eta', notes: 'a'.repeat(size) }),
  },
  {
    name: 'value: long key × NaN',
    what: 'the issue: 10 × 1,000 NaN under a 65,536-character key (the careful path)',
    value: () => ({ event: 'x', metadata: { ['k'.repeat(65_536)]: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, new Array(1000).fill(NaN)])) } }),
  },
  {
    name: 'value: near-miss key flood',
    what: 'the near-miss keys as an object',
    value: (size) => JSON.parse(object('repair_eta', nearMissKeys(size))),
  },
  {
    name: 'value: issue flood: seconds',
    what: 'the seconds flood as an object (one key: objects cannot repeat one)',
    value: (size) => ({ event: 'batched', availabilityWindows: new Array(1000).fill(1), metadata: arrays(size, 2000, 1) }),
  },
  {
    name: 'value: deep object chain',
    what: 'an object nested 100,000 deep (the careful path stops at the limit)',
    value: () => {
      let v = {};
      for (let i = 0; i < 100_000; i++) v = { a: v };
      return { event: 'x', metadata: v };
    },
  },
  {
    name: 'value: sparse array',
    what: 'an array of length 2^32 − 1 with no items',
    value: () => ({ event: 'x', metadata: Object.assign([], { length: 2 ** 32 - 1 }) }),
  },
  {
    name: 'value: numbers',
    what: 'the valid numbers as an object',
    value: (size) => JSON.parse(object('x', [`"metadata":{${fill(size, (i) => `"n${i}":${array(1000, '0.5')}`).join(',')}}`])),
  },
  {
    name: 'value: functions everywhere',
    what: 'arrays of functions (not_json each)',
    value: (size) => ({ event: 'x', metadata: arrays(size, 16_000, () => 1) }),
  },
  {
    name: 'value: arrays past maxArrayItems',
    what: 'arrays of 1,001 items, one past the limit: the walk reads the first 1,000 of each',
    value: (size) => ({ event: 'x', metadata: Object.fromEntries(Array.from({ length: Math.max(1, Math.round(size / 2004)) }, (_, i) => [`a${i}`, new Array(1001).fill(1)])) }),
  },
  {
    name: 'value: keys past maxKeys',
    what: 'as many keys as fit, most past maxKeys (skimmed: only the event name is still checked)',
    value: (size) => ({ event: 'x', metadata: Object.fromEntries(fill(size, (i) => `"k${i}":${i}`).map((_, i) => [`k${i}`, i])) }),
  },
  {
    name: 'value: one value too deep among many',
    what: 'the numbers of the seconds flood, and one chain 40 objects deep: one limit passed does not make the rest dear',
    value: (size) => {
      let deep = {};
      for (let i = 0; i < 40; i++) deep = { a: deep };
      return { event: 'x', metadata: { ...arrays(size, 2000, 1), deep } };
    },
  },
];

/** The family named `name`. */
export const family = (name) => FAMILIES.find((f) => f.name === name);
