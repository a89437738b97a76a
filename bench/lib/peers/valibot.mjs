// valibot 1, written from the same rules. looseObject keeps fields no event lists.

import * as v from 'valibot';
import { FIELD_TYPES, ENUMS, LIMITS, MAX_TIMESTAMP, SERVICE_TYPES, forbiddenEvents } from '../rules.mjs';

const timestamp = () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIMESTAMP));
// v.record accepts arrays (and copies them into an object), so check the shape by hand.
const plainObject = () => v.custom((o) => typeof o === 'object' && o !== null && !Array.isArray(o));

function field(name, type) {
  switch (type) {
    case 'string': return v.pipe(v.string(), v.maxLength(LIMITS.maxStringLength));
    case 'boolean': return v.boolean();
    case 'timestamp': return timestamp();
    case 'timestamp_array': return v.pipe(v.array(timestamp()), v.maxLength(LIMITS.maxArrayItems));
    case 'enum': return v.picklist(ENUMS[name]);
    case 'object': return plainObject();
  }
  throw new Error(`no valibot type for ${type}`);
}

/** The schema for events sent to an order of `serviceType` (undefined: no order). */
export function schemaFor(serviceType) {
  const forbidden = new Set(forbiddenEvents(serviceType));
  const checks = [v.string(), v.minLength(1), v.maxLength(LIMITS.maxEventNameLength)];
  if (forbidden.size) checks.push(v.check((n) => !forbidden.has(n), 'event not allowed for the service type'));
  const entries = { event: v.pipe(...checks) };
  for (const [name, type] of Object.entries(FIELD_TYPES)) entries[name] = v.optional(field(name, type));
  return v.looseObject(entries);
}

/** One schema per entry of SERVICE_TYPES; `v.safeParse(schema, event).success` is the verdict. */
export const create = () => SERVICE_TYPES.map(schemaFor);

export const { safeParse } = v;
