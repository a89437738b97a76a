// A hand-written validator: one loop over the keys present, one table lookup
// per key. Errors only (warnings do not decide validity), with the limits,
// `__proto__` and non-JSON values of SPEC.md checked in free-form values too,
// so it does the same work the package must do.

import { FIELD_TYPES, ENUMS, DEPOT_EVENTS, ONSITE_EVENTS, LIMITS, MAX_TIMESTAMP } from '../rules.mjs';

const STRING = 1, BOOLEAN = 2, TIMESTAMP = 3, TIMESTAMP_ARRAY = 4, OBJECT = 5, ENUM = 6;
const CODES = { string: STRING, boolean: BOOLEAN, timestamp: TIMESTAMP, timestamp_array: TIMESTAMP_ARRAY, object: OBJECT, enum: ENUM };

// field name -> type code; enum field name -> { value: true }
const TYPE = new Map(Object.entries(FIELD_TYPES).map(([k, t]) => [k, CODES[t]]));
const ENUM_VALUES = new Map(Object.entries(ENUMS).map(([k, vs]) => [k, new Set(vs)]));
// event name -> 1 depot, 2 onsite (the `st` of an order that may receive it)
const KIND = new Map([...DEPOT_EVENTS.map((e) => [e, 1]), ...ONSITE_EVENTS.map((e) => [e, 2])]);

function codePoints(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n++;
    else { n++; i++; }
  }
  return n;
}

/** Whether a string is within `max` code points (UTF-16 length is an upper bound). */
const shortEnough = (s, max) => s.length <= max || codePoints(s) <= max;

const isTimestamp = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_TIMESTAMP;

/**
 * Validates free-form JSON at `depth`; `budget.keys` counts keys of every object.
 * Returns false on a limit, a non-JSON value or a `__proto__` key.
 */
function freeForm(v, depth, budget) {
  if (depth > LIMITS.maxDepth) return false;
  switch (typeof v) {
    case 'string': return shortEnough(v, LIMITS.maxStringLength);
    case 'number': return Number.isFinite(v);
    case 'boolean': return true;
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        if (v.length > LIMITS.maxArrayItems) return false;
        for (let i = 0; i < v.length; i++) if (!freeForm(v[i], depth + 1, budget)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      const keys = Object.keys(v);
      if ((budget.keys += keys.length) > LIMITS.maxKeys) return false;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === '__proto__' || !shortEnough(k, LIMITS.maxStringLength)) return false;
        const x = v[k];
        if (x !== undefined && !freeForm(x, depth + 1, budget)) return false;
      }
      return true;
    }
    default: return false; // undefined in an array, function, symbol, bigint
  }
}

/** `st`: 0 no order, 1 repair_depot order, 2 repair_onsite order. */
export function validate(ev, st) {
  if (typeof ev !== 'object' || ev === null || Array.isArray(ev)) return false;
  const keys = Object.keys(ev);
  const budget = { keys: keys.length };
  if (budget.keys > LIMITS.maxKeys) return false;
  let hasEvent = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = ev[k];
    if (v === undefined) continue;
    if (k === 'event') {
      if (typeof v !== 'string' || v.length === 0 || !shortEnough(v, LIMITS.maxEventNameLength)) return false;
      if (st !== 0) {
        const kind = KIND.get(v);
        if (kind !== undefined && kind !== st) return false;
      }
      hasEvent = true;
      continue;
    }
    switch (TYPE.get(k)) {
      case STRING:
        if (typeof v !== 'string' || !shortEnough(v, LIMITS.maxStringLength)) return false;
        break;
      case TIMESTAMP:
        if (!isTimestamp(v)) return false;
        break;
      case ENUM:
        if (typeof v !== 'string' || !ENUM_VALUES.get(k).has(v)) return false;
        break;
      case BOOLEAN:
        if (typeof v !== 'boolean') return false;
        break;
      case TIMESTAMP_ARRAY:
        if (!Array.isArray(v) || v.length > LIMITS.maxArrayItems) return false;
        for (let j = 0; j < v.length; j++) if (!isTimestamp(v[j])) return false;
        break;
      case OBJECT:
        if (typeof v !== 'object' || v === null || Array.isArray(v) || !freeForm(v, 1, budget)) return false;
        break;
      default: // a field no event lists: accepted within the limits
        if (k === '__proto__' || !shortEnough(k, LIMITS.maxStringLength) || !freeForm(v, 1, budget)) return false;
    }
  }
  return hasEvent;
}
