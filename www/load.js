// A valid body taken from the paste mode into the form: each field of the
// event into its own input, in the form's words (dates as typed dates, JSON
// as text), every other key into an extra field.
import { newCustomRow } from './custom.js';
import { formatTyped } from './when.js';

/**
 * The form state for `event` (a parsed, valid body): `{ name, values, custom }`,
 * where `values` holds the inputs of the event's own fields.
 */
export function formStateOf(event, catalog) {
  const name = typeof event.event === 'string' ? event.event : '';
  const own = new Map(catalog.fieldsFor(name).map((f) => [f.name, f]));
  const values = {};
  const custom = [];
  for (const [key, value] of Object.entries(event)) {
    if (key === 'event') continue;
    const input = own.has(key) ? inputOf(own.get(key), value) : undefined;
    if (input !== undefined) values[key] = input;
    else if (typeof value === 'string') custom.push(newCustomRow(key, value, 'text'));
    else custom.push(newCustomRow(key, JSON.stringify(value, null, 2), 'json'));
  }
  return { name, values, custom };
}

/** A value as its input holds it, or undefined when it does not fit the input. */
function inputOf(field, value) {
  switch (field.type) {
    case 'timestamp':
      return typeof value === 'number' ? formatTyped(value) : undefined;
    case 'timestamp_array':
      return Array.isArray(value) && value.every((v) => typeof v === 'number') ? value.map(formatTyped) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value, null, 2) : undefined;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}
