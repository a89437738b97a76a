// What the form holds, as buildEvent takes it: the catalogue fields' inputs
// read into values (dates, parsed JSON), the extra rows as own properties,
// the issues the form finds itself, and where each issue is shown.
import { customValue } from './custom.js';
import { pointer } from './dom.js';
import { readJson } from './jsontext.js';
import { parseTyped } from './when.js';

/**
 * The fields as buildEvent takes them (Dates for timestamps), the issues the
 * form finds itself (JSON that does not parse), where each issue goes, and
 * how sent paths map to the form's (empty list items are not sent).
 * `fields` are the catalogue's fields of the chosen event, `state` the
 * form's values and extra rows, `targets` the inputs on screen by path and
 * `eventTarget` where issues about the name go.
 */
export function collectForm({ api, fields: catalogFields, state, targets: fieldTargets, eventTarget }) {
  const fields = {};
  const local = [];
  const aliases = new Map();
  const targets = new Map(fieldTargets);
  targets.set('/event', eventTarget);
  for (const field of catalogFields) {
    const v = state.values[field.name];
    if (v === undefined) continue;
    // A typed date the form cannot read is the form's own issue (`invalid_date`).
    const date = (text, path) => {
      const read = parseTyped(text);
      if (read?.error) local.push({ code: 'invalid_date', path, message: read.error, target: targets.get(path) });
      return read?.date;
    };
    switch (field.type) {
      case 'timestamp': {
        const d = date(v, pointer(field.name));
        if (d) fields[field.name] = d;
        break;
      }
      case 'timestamp_array': {
        const dates = [];
        v.forEach((s, i) => {
          const d = date(s, pointer(field.name, i));
          if (!d) return;
          aliases.set(pointer(field.name, dates.length), pointer(field.name, i));
          dates.push(d);
        });
        if (dates.length) fields[field.name] = dates;
        break;
      }
      case 'object': {
        const read = readJson(api, v, field.name);
        if (read.issues) local.push(...read.issues);
        else fields[field.name] = read.value;
        break;
      }
      default:
        fields[field.name] = v;
    }
  }
  for (const row of state.custom) {
    if (!row.els) continue;
    const path = pointer(row.name);
    const { name: nameInput, value: valueInput } = row.els;
    // An issue about the key outlines the name; one about the value, the value.
    const target = {
      list: row.els.issues,
      input: valueInput,
      inputs: [nameInput, valueInput],
      inputFor: (issue) => (issue.path === path && KEY_CODES.has(issue.code) ? nameInput : valueInput),
      row,
    };
    targets.set(`#custom-${row.id}`, target); // so its old issues are cleared
    const here = (issue) => {
      local.push({ ...issue, path: row.name ? path : '', target });
    };
    if (row.name === '') {
      if (row.value !== '') {
        here({ code: 'missing_field_name', message: 'Give this field a name, or remove it.' });
        target.inputFor = () => nameInput;
      }
      continue;
    }
    if (row.name === 'event' || Object.hasOwn(fields, row.name)) target.inputFor = () => nameInput;
    if (row.name === 'event') {
      here({ code: 'duplicate_key', message: 'The event name is chosen above; remove this field.' });
      continue;
    }
    if (Object.hasOwn(fields, row.name)) {
      here({ code: 'duplicate_key', message: 'This field is already set; an event can carry it only once.' });
      continue;
    }
    const read = customValue(row, api);
    if (read.issues) {
      local.push(...read.issues.map((issue) => ({ ...issue, target })));
      continue;
    }
    put(fields, row.name, read.value);
    targets.set(path, target);
  }
  return { fields, local, aliases, targets };
}

/** Codes about an extra field's name rather than its value. */
const KEY_CODES = new Set(['possible_typo', 'unknown_field', 'forbidden_key', 'duplicate_key', 'missing_field_name']);

/** Sets an own property, even `__proto__` (which `obj[key] =` would take as the prototype). */
function put(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What the form would send, for the preview while buildEvent refuses it. */
export function draft(name, fields) {
  const ms = (v) => (v instanceof Date ? v.getTime() : v);
  const out = { event: name };
  for (const [k, v] of Object.entries(fields)) put(out, k, Array.isArray(v) ? v.map(ms) : ms(v));
  return out;
}
