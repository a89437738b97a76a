// Extra fields: any name, a value sent as text or read as JSON (strictly, see jsontext.js).
import { el } from './dom.js';
import { readJson } from './jsontext.js';

let nextId = 1;

/** A new, empty extra field. */
export function newCustomRow(name = '', value = '', as = 'text') {
  return { id: nextId++, name, value, as };
}

/**
 * Renders the rows; each row gets `row.els` ({ wrap, issues, name, value })
 * so issues can be placed by the row's current name.
 */
export function renderCustomRows(rows, { changed, restructured }) {
  return rows.map((row, index) => {
    const id = `c-${row.id}`;
    const issues = el('ul', { class: 'issues', id: `${id}-issues` });
    const name = el('input', {
      type: 'text',
      id: `${id}-name`,
      value: row.name,
      spellcheck: 'false',
      autocapitalize: 'off',
      placeholder: 'e.g. technicianId',
      'aria-describedby': `${id}-issues`,
    });
    name.addEventListener('input', () => {
      row.name = name.value;
      changed();
    });
    const value = el(row.as === 'json' ? 'textarea' : 'input', {
      ...(row.as === 'json' ? { rows: 2, class: 'mono' } : { type: 'text' }),
      id: `${id}-value`,
      value: row.value,
      spellcheck: 'false',
      'aria-describedby': `${id}-issues`,
    });
    value.addEventListener('input', () => {
      row.value = value.value;
      changed();
    });
    const as = el(
      'select',
      { id: `${id}-as`, value: row.as },
      el('option', { value: 'text' }, 'Text'),
      el('option', { value: 'json' }, 'JSON'),
    );
    as.addEventListener('change', () => {
      row.as = as.value;
      restructured(`${id}-as`);
    });
    const remove = el('button', {
      type: 'button',
      class: 'secondary small',
      'aria-label': `Remove extra field ${index + 1}`,
      onclick: () => {
        rows.splice(index, 1);
        restructured('add-custom');
      },
    }, 'Remove');
    const wrap = el(
      'div',
      { class: 'custom-row', dataset: { customId: row.id } },
      el('div', { class: 'control c-name' }, el('label', { for: `${id}-name` }, 'Field name'), name),
      el('div', { class: 'control c-value' }, el('label', { for: `${id}-value` }, 'Value'), value),
      el('div', { class: 'control c-as' }, el('label', { for: `${id}-as` }, 'Value is'), as),
      el('div', { class: 'control c-remove' }, remove),
      issues,
    );
    row.els = { wrap, issues, name, value };
    return wrap;
  });
}

/** The row's value as it will be sent, or `{ issues }` when its JSON is not right. */
export function customValue(row, api) {
  if (row.as !== 'json') return { value: row.value };
  return readJson(api, row.value, row.name);
}
