// The second mode: a raw JSON body, checked as text with validateEventJson,
// so what JSON.parse would hide (duplicate keys, __proto__) is reported.
import { el } from './dom.js';
import { issueItem } from './issues.js';

/** Wires the paste panel; returns `{ check, setText }`. */
export function setupPaste({ api, catalog, getOrder, getOptions, input, status, list, samples }) {
  function check() {
    list.replaceChildren();
    if (input.value.trim() === '') {
      status.textContent = 'Paste a JSON body to check it.';
      status.dataset.valid = '';
      return;
    }
    const result = api.validateEventJson(input.value, getOrder(), getOptions());
    const counts = [plural(result.errors.length, 'error'), plural(result.warnings.length, 'warning')];
    status.dataset.valid = String(result.valid);
    status.textContent = result.valid
      ? `Valid${result.kind ? ` ${result.kind} event` : ''}, ${counts[1]}.`
      : `Not valid: ${counts.join(', ')}.`;
    for (const issue of result.errors) list.append(issueItem(issue, 'error', { showPath: true }));
    for (const issue of result.warnings) list.append(issueItem(issue, 'warning', { showPath: true }));
  }

  function setText(text) {
    input.value = text;
    check();
  }

  input.addEventListener('input', check);

  // Examples built from the catalogue: an event of the chosen service type
  // that has a timestamp field.
  for (const [label, make] of [
    ['Duplicate key', (e, t) => `{\n  "event": "${e}",\n  "${t}": 1767225600000,\n  "${t}": "tomorrow"\n}`],
    ['__proto__ key', (e) => `{\n  "event": "${e}",\n  "__proto__": { "isAdmin": true }\n}`],
    ['Seconds, not ms', (e, t) => `{\n  "event": "${e}",\n  "${t}": 1767225600\n}`],
  ]) {
    samples.append(
      el('button', {
        type: 'button',
        class: 'secondary small',
        onclick: () => {
          const serviceType = getOrder()?.serviceType;
          const candidates = catalog.events.filter((e) => !serviceType || e.serviceType === serviceType);
          for (const e of candidates) {
            const ts = catalog.fieldsFor(e.name).find((f) => f.type === 'timestamp');
            if (ts) return setText(make(e.name, ts.name));
          }
        },
      }, label),
    );
  }
  check();
  return { check, setText };
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
