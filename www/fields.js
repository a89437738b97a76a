// The inputs of catalogue fields, one widget per field type. Each widget keeps
// its form value in `values[field.name]` and registers where its issues go.
import { el, humanize, idSafe, pointer, toLocalInput } from './dom.js';

// Free text that may run long gets a text area.
const LONG_TEXT = /notes|explanation|delayreason/i;

const TYPE_HINTS = {
  timestamp: 'Date and time, in your time zone.',
  timestamp_array: 'Dates and times, in your time zone.',
  object: 'A JSON object.',
  boolean: 'Yes or no; not sent until you tick or untick it.',
};

/**
 * Renders one field. `values` holds the form values by field name: strings for
 * text, enum and date-time inputs, booleans, arrays of date-time strings, JSON
 * text for objects. `changed()` re-validates; `restructured()` re-renders the
 * fields (an item added or removed). Issue targets are registered by JSON
 * Pointer in `targets`.
 */
export function renderField(field, values, { changed, restructured, targets }) {
  const name = field.name;
  const id = `f-${idSafe(name)}`;
  const issues = el('ul', { class: 'issues', id: `${id}-issues` });
  const hintText = [field.description, TYPE_HINTS[field.type]].filter(Boolean).join(' ');
  const hint = hintText ? el('p', { class: 'hint', id: `${id}-hint` }, hintText) : null;
  const describedBy = [hint && `${id}-hint`, `${id}-issues`].filter(Boolean).join(' ');
  const labelText = () => [humanize(name), ' ', el('code', { class: 'wire' }, name)];
  const set = (value) => {
    if (value === '' || value === undefined) delete values[name];
    else values[name] = value;
    changed();
  };
  const common = { id, 'aria-describedby': describedBy };
  let input;
  let parts;

  switch (field.type) {
    case 'boolean': {
      const state = el('span', { class: 'muted bool-state', id: `${id}-state` });
      input = el('input', { ...common, type: 'checkbox', 'aria-describedby': `${id}-state ${describedBy}` });
      const clear = el('button', { type: 'button', class: 'link', 'aria-label': `Do not send ${humanize(name)}` }, 'Clear');
      const sync = () => {
        const v = values[name];
        input.indeterminate = v === undefined;
        input.checked = v === true;
        state.textContent = v === undefined ? '(not sent)' : `(${v})`;
        clear.hidden = v === undefined;
      };
      input.addEventListener('change', () => {
        values[name] = input.checked;
        sync();
        changed();
      });
      clear.addEventListener('click', () => {
        delete values[name];
        sync();
        changed();
        input.focus();
      });
      sync();
      parts = [el('div', { class: 'check' }, input, el('label', { for: id }, labelText()), state, clear), hint];
      break;
    }
    case 'timestamp': {
      input = el('input', { ...common, type: 'datetime-local', value: values[name] ?? '' });
      input.addEventListener('input', () => set(input.value));
      const now = el('button', {
        type: 'button',
        class: 'secondary small',
        'aria-label': `Set ${humanize(name)} to now`,
        onclick: () => {
          input.value = toLocalInput(Date.now());
          set(input.value);
        },
      }, 'Now');
      parts = [el('label', { for: id }, labelText()), hint, el('div', { class: 'inline' }, input, now)];
      break;
    }
    case 'timestamp_array':
      return renderTimeList(field, values, { changed, restructured, targets, hint, issues, labelText });
    case 'enum': {
      input = el(
        'select',
        { ...common, value: values[name] ?? '' },
        el('option', { value: '' }, '— not sent —'),
        field.values.map((v) => el('option', { value: v }, humanize(v))),
      );
      input.addEventListener('change', () => set(input.value));
      parts = [el('label', { for: id }, labelText()), hint, input];
      break;
    }
    case 'object': {
      input = el('textarea', {
        ...common,
        class: 'mono',
        rows: 4,
        spellcheck: 'false',
        autocapitalize: 'off',
        placeholder: '{"carrier": "UPS", "trackingNumber": "1Z999"}',
        value: values[name] ?? '',
      });
      input.addEventListener('input', () => set(input.value.trim() === '' ? '' : input.value));
      parts = [el('label', { for: id }, labelText()), hint, input];
      break;
    }
    default: {
      const long = LONG_TEXT.test(name);
      input = el(long ? 'textarea' : 'input', {
        ...common,
        ...(long ? { rows: 3 } : { type: 'text' }),
        value: values[name] ?? '',
      });
      input.addEventListener('input', () => set(input.value));
      parts = [el('label', { for: id }, labelText()), hint, input];
    }
  }
  const wrap = el('div', { class: 'field', dataset: { field: name, type: field.type } }, parts, issues);
  targets.set(pointer(name), { list: issues, input, wrap });
  return wrap;
}

/** A growable list of date-time inputs; item i's issues go next to item i. */
function renderTimeList(field, values, { changed, restructured, targets, hint, issues, labelText }) {
  const name = field.name;
  const id = `f-${idSafe(name)}`;
  const items = Array.isArray(values[name]) ? values[name] : [];
  const list = el('ol', { class: 'time-list' });
  items.forEach((value, i) => {
    const itemId = `${id}-${i}`;
    const itemIssues = el('ul', { class: 'issues', id: `${itemId}-issues` });
    const input = el('input', {
      type: 'datetime-local',
      id: itemId,
      value,
      'aria-describedby': `${itemId}-issues`,
    });
    input.addEventListener('input', () => {
      items[i] = input.value;
      changed();
    });
    const remove = el('button', {
      type: 'button',
      class: 'secondary small',
      'aria-label': `Remove time ${i + 1} of ${humanize(name)}`,
      onclick: () => {
        items.splice(i, 1);
        if (items.length === 0) delete values[name];
        restructured(`${id}-add`);
      },
    }, 'Remove');
    const li = el(
      'li',
      { dataset: { index: i } },
      el('label', { for: itemId, class: 'sr-only' }, `${humanize(name)}, time ${i + 1}`),
      el('div', { class: 'inline' }, input, remove),
      itemIssues,
    );
    list.append(li);
    targets.set(pointer(name, i), { list: itemIssues, input, wrap: li });
  });
  const add = el('button', {
    type: 'button',
    class: 'secondary small',
    id: `${id}-add`,
    onclick: () => {
      values[name] = items;
      items.push('');
      restructured(`${id}-${items.length - 1}`);
    },
  }, 'Add a time');
  const wrap = el(
    'fieldset',
    { class: 'field', dataset: { field: name, type: field.type } },
    el('legend', {}, labelText()),
    hint,
    list,
    add,
    issues,
  );
  targets.set(pointer(name), { list: issues, input: add, wrap });
  return wrap;
}
