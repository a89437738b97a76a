// The inputs of catalogue fields, one widget per field type. Each widget keeps
// its form value in `values[field.name]` and registers where its issues go.
import { el, humanize, idSafe, pointer } from './dom.js';
import { DATE_FORMAT, formatTyped, parseTyped, readable, toPicker } from './when.js';

// Free text that may run long gets a text area.
const LONG_TEXT = /notes|explanation|delayreason/i;

const TYPE_HINTS = {
  timestamp: `Type the date and time in your time zone, like ${DATE_FORMAT}.`,
  timestamp_array: `Dates and times in your time zone, like ${DATE_FORMAT}.`,
  object: 'A JSON object.',
  boolean: 'Yes or no; not sent until you tick or untick it.',
};

// Two names for one date: the reference's example bodies use the first, its
// parameter table the second, and the rules accept both. Said in the help, so
// nobody wonders which of two look-alike inputs to fill in.
const ALIASES = [
  ['receptionDate', 'receivedAt'],
  ['deliveredDate', 'deliveredAt'],
];

/** The help sentence for a field that has a twin name, or null. */
function aliasHelp(name) {
  const pair = ALIASES.find((p) => p.includes(name));
  if (!pair) return null;
  const other = pair.find((n) => n !== name);
  return (
    `Same date as ${humanize(other)} (${other}): the reference's example body calls it ${pair[0]}, ` +
    `its parameter table ${pair[1]}. Both are accepted; fill in the one your backend reads.`
  );
}

/** The typed date in words and in milliseconds, or '' (a mistake is an issue of its own). */
function whenText(text) {
  const ms = parseTyped(text)?.date?.getTime();
  return ms === undefined ? '' : `${readable(ms)} · sent as ${ms}`;
}

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
  const hintText = [field.description, aliasHelp(name), TYPE_HINTS[field.type]].filter(Boolean).join(' ');
  const hint = hintText ? el('p', { class: 'hint', id: `${id}-hint` }, hintText) : null;
  const describedBy = [hint && `${id}-hint`, `${id}-issues`].filter(Boolean).join(' ');
  const labelText = () => [humanize(name), ' ', el('code', { class: 'wire' }, name)];
  const set = (value) => {
    if (value === '' || value === undefined) delete values[name];
    else values[name] = value;
    set.after?.();
    changed();
  };
  const common = { id, 'aria-describedby': describedBy };
  let input;
  let parts;

  switch (field.type) {
    case 'boolean': {
      const state = el('span', { class: 'muted bool-state', id: `${id}-state` });
      input = el('input', { ...common, type: 'checkbox', 'aria-describedby': `${id}-state ${describedBy}` });
      const clear = el('button', { type: 'button', class: 'secondary small', 'aria-label': `Clear ${humanize(name)}: do not send it` }, 'Clear');
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
      const when = el('p', { class: 'when', id: `${id}-when` }, whenText(values[name]));
      input = el('input', {
        ...common,
        type: 'text',
        value: values[name] ?? '',
        placeholder: DATE_FORMAT,
        spellcheck: 'false',
        autocapitalize: 'off',
        'aria-describedby': `${describedBy} ${id}-when`,
      });
      const { pick, picker } = datePicker(input, name, () => set(input.value));
      const now = nowButton(input, name, () => set(input.value));
      input.addEventListener('input', () => {
        now.reset();
        set(input.value);
      });
      set.after = () => (when.textContent = whenText(input.value));
      parts = [el('label', { for: id }, labelText()), hint, el('div', { class: 'inline' }, input, pick, now.button, picker), when];
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
    const when = el('p', { class: 'when', id: `${itemId}-when` }, whenText(value));
    const input = el('input', {
      type: 'text',
      id: itemId,
      value,
      placeholder: DATE_FORMAT,
      spellcheck: 'false',
      autocapitalize: 'off',
      'aria-describedby': `${itemId}-when ${itemId}-issues`,
    });
    input.addEventListener('input', () => {
      items[i] = input.value;
      when.textContent = whenText(input.value);
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
      when,
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

/**
 * "Now", which never loses a typed date: when it replaces one, it turns into
 * "Undo" until the date is typed again. `reset()` turns it back.
 */
function nowButton(input, name, changed) {
  let previous = null;
  const button = el('button', { type: 'button', class: 'secondary small now' }, 'Now');
  const show = () => {
    button.textContent = previous === null ? 'Now' : 'Undo';
    button.setAttribute(
      'aria-label',
      previous === null
        ? `Now: set ${humanize(name)} to the current time`
        : `Undo: put back ${previous}`,
    );
  };
  button.addEventListener('click', () => {
    if (previous !== null) {
      input.value = previous;
      previous = null;
    } else {
      previous = input.value.trim() === '' ? null : input.value;
      input.value = formatTyped(Date.now());
    }
    show();
    changed();
  });
  show();
  return {
    button,
    reset() {
      previous = null;
      show();
    },
  };
}

/**
 * "Pick": the browser's own date picker (a calendar on a phone), from a
 * datetime-local input kept out of the Tab order and the accessibility tree:
 * the text input is the field, the picker only fills it.
 */
function datePicker(input, name, changed) {
  const picker = el('input', {
    type: 'datetime-local',
    class: 'picker',
    tabindex: '-1',
    'aria-hidden': 'true',
    'aria-label': `${humanize(name)}, calendar`,
  });
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    input.value = picker.value.replace('T', ' ');
    changed();
    input.focus();
  });
  const pick = el('button', {
    type: 'button',
    class: 'secondary small',
    'aria-label': `Pick ${humanize(name)} from a calendar`,
    onclick: () => {
      picker.value = toPicker(input.value);
      try {
        picker.showPicker();
      } catch {
        input.focus(); // no picker here (an old browser): type it
      }
    },
  }, 'Pick');
  return { pick, picker };
}
