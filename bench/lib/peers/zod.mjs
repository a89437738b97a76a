// zod 4, written from the same rules. looseObject keeps fields no event lists.

import * as z from 'zod';
import { FIELD_TYPES, ENUMS, LIMITS, MAX_TIMESTAMP, SERVICE_TYPES, forbiddenEvents } from '../rules.mjs';

const timestamp = () => z.number().int().min(0).max(MAX_TIMESTAMP);

function field(name, type) {
  switch (type) {
    case 'string': return z.string().max(LIMITS.maxStringLength);
    case 'boolean': return z.boolean();
    case 'timestamp': return timestamp();
    case 'timestamp_array': return z.array(timestamp()).max(LIMITS.maxArrayItems);
    case 'enum': return z.enum(ENUMS[name]);
    case 'object': return z.record(z.string(), z.unknown());
  }
  throw new Error(`no zod type for ${type}`);
}

/** The schema for events sent to an order of `serviceType` (undefined: no order). */
export function schemaFor(serviceType) {
  let event = z.string().min(1).max(LIMITS.maxEventNameLength);
  const forbidden = new Set(forbiddenEvents(serviceType));
  if (forbidden.size) event = event.refine((n) => !forbidden.has(n), 'event not allowed for the service type');
  const shape = { event };
  for (const [name, type] of Object.entries(FIELD_TYPES)) shape[name] = field(name, type).optional();
  return z.looseObject(shape);
}

/** One schema per entry of SERVICE_TYPES; `schema.safeParse(event).success` is the verdict. */
export const create = () => SERVICE_TYPES.map(schemaFor);
