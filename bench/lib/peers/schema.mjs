// The JSON Schema (2020-12) of the rules, written for the bench from
// bench/lib/rules.mjs, for Ajv and @cfworker/json-schema. One schema per way
// of calling: no order, a repair_depot order, a repair_onsite order.
//
// Not expressed (JSON Schema cannot say them cheaply, and the generator never
// produces them): the total key count, the depth and string limits inside
// free-form values, `__proto__` keys and non-JSON values. Everything else is.

import { FIELD_TYPES, ENUMS, LIMITS, MAX_TIMESTAMP, forbiddenEvents } from '../rules.mjs';

const timestamp = { type: 'integer', minimum: 0, maximum: MAX_TIMESTAMP };

function fieldSchema(name, type) {
  switch (type) {
    case 'string': return { type: 'string', maxLength: LIMITS.maxStringLength };
    case 'boolean': return { type: 'boolean' };
    case 'timestamp': return { $ref: '#/$defs/timestamp' };
    case 'timestamp_array':
      return { type: 'array', maxItems: LIMITS.maxArrayItems, items: { $ref: '#/$defs/timestamp' } };
    case 'enum': return { enum: ENUMS[name] };
    case 'object': return { type: 'object' };
  }
  throw new Error(`no schema for ${type}`);
}

/** The schema for events sent to an order of `serviceType` (undefined: no order). */
export function eventSchema(serviceType) {
  const event = { type: 'string', minLength: 1, maxLength: LIMITS.maxEventNameLength };
  const forbidden = forbiddenEvents(serviceType);
  if (forbidden.length) event.not = { enum: forbidden };
  const properties = { event };
  for (const [name, type] of Object.entries(FIELD_TYPES)) properties[name] = fieldSchema(name, type);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `update-repair event${serviceType ? ` for a ${serviceType} order` : ''}`,
    type: 'object',
    required: ['event'],
    properties,
    $defs: { timestamp },
  };
}
