// The servicer portal: a form generated from eventCatalog(), checked on every
// input with buildEvent/validateEvent, and a raw-body mode with validateEventJson.
import { readCatalog } from './catalog.js';
import { customValue, newCustomRow, renderCustomRows } from './custom.js';
import { fromLocalInput, idSafe, pointer, pointerSegments } from './dom.js';
import { renderField } from './fields.js';
import { placeIssues } from './issues.js';
import { plural, setupPaste } from './paste.js';

const $ = (id) => document.getElementById(id);
/** The event select's value for "an other event, name typed below". */
const OTHER = '(other)';

let api;
try {
  // Through the import map: the installed package's browser entry.
  api = await import('servicer-events');
} catch (err) {
  $('loading').hidden = true;
  $('load-error').hidden = false;
  $('load-error').textContent =
    `The validator could not be loaded (${err.message}). Build and install the package: ` +
    'bash scripts/build.sh && npm install --no-save target/pack/servicer-events-*.tgz, then reload.';
  throw err;
}

const catalog = readCatalog(api.eventCatalog());
const state = {
  eventChoice: '',
  otherName: '',
  /** Form values of catalogue fields, by field name (see fields.js). */
  values: {},
  /** Extra fields: `{ id, name, value, as }`. */
  custom: [],
};
/** JSON Pointer -> `{ list, input }` for the fields on screen. */
let fieldTargets = new Map();
let shownFieldNames = '';

const serviceType = $('service-type');
const eventSelect = $('event-select');
const eventName = $('event-name');

// ---- the service order and options ----

serviceType.replaceChildren(
  ...catalog.serviceTypes.map((t) => new Option(t, t)),
  new Option('Not known (skip the service-type check)', ''),
);
serviceType.value = catalog.serviceTypes[0] ?? '';

/** The order as the API takes it, or undefined when the service type is not known. */
function readOrder() {
  if (!serviceType.value) return undefined;
  return { serviceType: serviceType.value, accepted: $('accepted').checked, closed: $('closed').checked };
}

function readOptions() {
  return $('strict').checked ? { strict: true } : undefined;
}

function onOrderChange() {
  $('accepted').disabled = $('closed').disabled = !serviceType.value;
  renderEventSelect();
  update();
  paste.check();
}

// ---- the event ----

function currentEventName() {
  return state.eventChoice === OTHER ? state.otherName : state.eventChoice;
}

/** The events of the order's service type; a chosen event of another type stays, flagged. */
function renderEventSelect() {
  const type = serviceType.value;
  const group = (label, events) => {
    const g = document.createElement('optgroup');
    g.label = label;
    g.append(...events.map((e) => new Option(e.name, e.name)));
    return g;
  };
  const groups = [];
  for (const t of catalog.serviceTypes) {
    const events = catalog.events.filter((e) => e.serviceType === t);
    if (!type || t === type) groups.push(group(`${t} events`, events));
  }
  const chosen = catalog.event(state.eventChoice);
  if (type && chosen && chosen.serviceType !== type) {
    groups.push(group(`Not for ${type}`, [chosen]));
  }
  groups.push(new Option('Other event (type its name)…', OTHER));
  eventSelect.replaceChildren(...groups);
  eventSelect.value = state.eventChoice;
  $('event-description').textContent =
    chosen?.description ??
    (state.eventChoice === OTHER ? 'Any other name is a valid other event, for both service types.' : '');
  $('other-name-wrap').hidden = state.eventChoice !== OTHER;
  eventName.value = state.otherName;
}

function setEvent(name, focus = eventSelect) {
  if (catalog.event(name)) {
    state.eventChoice = name;
  } else {
    state.eventChoice = OTHER;
    state.otherName = name;
  }
  renderEventSelect();
  renderFields();
  update();
  (state.eventChoice === OTHER ? eventName : focus).focus();
}

eventSelect.addEventListener('change', () => {
  state.eventChoice = eventSelect.value;
  renderEventSelect();
  renderFields();
  update();
});
eventName.addEventListener('input', () => {
  state.otherName = eventName.value;
  renderFields();
  update();
});

// ---- fields ----

function renderFields(focusId) {
  const fields = catalog.fieldsFor(currentEventName());
  const names = fields.map((f) => `${f.name}:${f.type}`).join(',');
  if (focusId === undefined && names === shownFieldNames) return; // the same fields: keep the inputs
  shownFieldNames = names;
  fieldTargets = new Map();
  const ctx = { changed: update, restructured: rerenderFields, targets: fieldTargets };
  $('fields').replaceChildren(...fields.map((f) => renderField(f, state.values, ctx)));
  if (focusId) $(focusId)?.focus();
}

function rerenderFields(focusId) {
  renderFields(focusId ?? '');
  update();
}

function renderCustom(focusId) {
  $('custom-fields').replaceChildren(
    ...renderCustomRows(state.custom, { changed: update, restructured: rerenderCustom }),
  );
  if (focusId) $(focusId)?.focus();
}

function rerenderCustom(focusId) {
  renderCustom(focusId);
  update();
}

$('add-custom').addEventListener('click', () => {
  const row = newCustomRow();
  state.custom.push(row);
  rerenderCustom(`c-${row.id}-name`);
});

// ---- building and checking ----

/**
 * The fields as buildEvent takes them (Dates for timestamps), the issues the
 * form finds itself (JSON that does not parse), where each issue goes, and
 * how sent paths map to the form's (empty list items are not sent).
 */
function collect() {
  const fields = {};
  const local = [];
  const aliases = new Map();
  const targets = new Map(fieldTargets);
  targets.set('/event', {
    list: $('issues-event'),
    input: state.eventChoice === OTHER ? eventName : eventSelect,
  });
  for (const field of catalog.fieldsFor(currentEventName())) {
    const v = state.values[field.name];
    if (v === undefined) continue;
    switch (field.type) {
      case 'timestamp': {
        const d = fromLocalInput(v);
        if (d) fields[field.name] = d;
        break;
      }
      case 'timestamp_array': {
        const dates = [];
        v.forEach((s, i) => {
          const d = fromLocalInput(s);
          if (!d) return;
          aliases.set(pointer(field.name, dates.length), pointer(field.name, i));
          dates.push(d);
        });
        if (dates.length) fields[field.name] = dates;
        break;
      }
      case 'object':
        try {
          fields[field.name] = JSON.parse(v);
        } catch (err) {
          local.push({
            code: 'invalid_json',
            path: pointer(field.name),
            message: `This is not valid JSON yet: ${err.message}.`,
          });
        }
        break;
      default:
        fields[field.name] = v;
    }
  }
  for (const row of state.custom) {
    if (!row.els) continue;
    const target = { list: row.els.issues, input: row.els.name };
    const path = pointer(row.name);
    targets.set(`#custom-${row.id}`, target); // so its old issues are cleared
    const here = (issue) => {
      local.push({ ...issue, path: row.name ? path : '', target });
    };
    if (row.name === '') {
      if (row.value !== '') here({ code: 'missing_field_name', message: 'Give this field a name, or remove it.' });
      continue;
    }
    if (row.name === 'event') {
      here({ code: 'duplicate_key', message: 'The event name is chosen above; remove this field.' });
      continue;
    }
    if (Object.hasOwn(fields, row.name)) {
      here({ code: 'duplicate_key', message: 'This field is already set; an event can carry it only once.' });
      continue;
    }
    const { value, error } = customValue(row);
    if (error !== undefined) {
      here({ code: 'invalid_json', message: `This is not valid JSON yet: ${error}.` });
      continue;
    }
    put(fields, row.name, value);
    targets.set(path, { list: row.els.issues, input: row.els.value, row });
  }
  return { fields, local, aliases, targets };
}

/** Sets an own property, even `__proto__` (which `obj[key] =` would take as the prototype). */
function put(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What the form would send, for the preview while buildEvent refuses it. */
function draft(name, fields) {
  const ms = (v) => (v instanceof Date ? v.getTime() : v);
  const out = { event: name };
  for (const [k, v] of Object.entries(fields)) put(out, k, Array.isArray(v) ? v.map(ms) : ms(v));
  return out;
}

function update() {
  const name = currentEventName();
  const order = readOrder();
  const options = readOptions();
  const { fields, local, aliases, targets } = collect();
  let built = null;
  let result;
  try {
    built = api.buildEvent(name, fields, order, options);
    result = api.validateEvent(built, order, options);
  } catch (err) {
    if (err?.name !== 'EventValidationError') throw err;
    result = { valid: false, errors: err.errors ?? [], warnings: err.warnings ?? [] };
  }
  const errors = [...result.errors, ...local];
  const { warnings } = result;
  placeIssues({ errors, warnings }, { targets, top: $('issues-top'), aliases, fixFor });

  const ready = built !== null && errors.length === 0;
  const shown = built ?? draft(name, fields);
  $('preview-code').textContent = JSON.stringify(shown, null, 2);
  const status = $('status');
  status.dataset.valid = String(ready);
  const { kind } = result;
  status.textContent = ready
    ? `Ready to send${kind ? `: ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} event` : ''}` +
      `${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}.`
    : `Not ready to send: ${plural(errors.length, 'error')}` +
      `${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}.`;
  $('copy-status').textContent = '';
}

/** A one-click fix for an issue, or null: its suggestion, put where it belongs. */
function fixFor(issue, target) {
  const name = currentEventName();
  if (issue.path === '/event') {
    if (issue.code === 'event_not_allowed_for_service_type') {
      const event = catalog.event(name);
      if (!event) return null;
      return {
        label: `Switch the order to ${event.serviceType}`,
        apply: () => {
          serviceType.value = event.serviceType;
          onOrderChange();
          serviceType.focus();
        },
      };
    }
    if (issue.suggestion === undefined) return null;
    return fixButton(issue.suggestion, name, () => setEvent(issue.suggestion));
  }
  if (issue.suggestion === undefined) return null;
  const s = issue.suggestion;
  const [key] = pointerSegments(issue.path);
  const row = target?.row;
  if (row && issue.code === 'possible_typo' && !catalog.fields.has(key)) {
    // The field's name is a near miss: rename it, into the form's own input when it has one.
    const field = catalog.fieldsFor(name).find((f) => f.name === s);
    if (field && state.values[s] === undefined && row.as === 'text' && ['string', 'enum'].includes(field.type)) {
      return fixButton(s, key, () => {
        state.values[s] = row.value;
        state.custom.splice(state.custom.indexOf(row), 1);
        renderCustom();
        rerenderFields(`f-${idSafe(s)}`);
      });
    }
    return fixButton(s, key, () => {
      row.name = s;
      rerenderCustom(`c-${row.id}-name`);
    });
  }
  if (row) {
    return fixButton(s, row.value, () => {
      row.value = row.as === 'json' && !isJson(s) ? JSON.stringify(s) : s;
      rerenderCustom(`c-${row.id}-value`);
    });
  }
  const field = catalog.fields.get(key);
  if (field && ['string', 'enum'].includes(field.type) && pointerSegments(issue.path).length === 1) {
    return fixButton(s, state.values[key], () => {
      state.values[key] = s;
      rerenderFields(`f-${idSafe(key)}`);
    });
  }
  return null;
}

function fixButton(suggestion, was, apply) {
  return {
    label: `Use ${suggestion}`,
    ariaLabel: `Fix: use ${suggestion}${was ? ` instead of ${was}` : ''}`,
    apply,
  };
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// ---- preview and copy ----

$('copy').addEventListener('click', async () => {
  const text = $('preview-code').textContent;
  let done = false;
  try {
    await navigator.clipboard.writeText(text);
    done = true;
  } catch {
    // No clipboard permission (or no secure context): copy the selection instead.
    const range = document.createRange();
    range.selectNodeContents($('preview-code'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    done = document.execCommand('copy');
  }
  $('copy-status').textContent = done ? 'Copied.' : 'Select the JSON and copy it.';
});

$('to-paste').addEventListener('click', () => {
  paste.setText($('preview-code').textContent);
  selectTab($('tab-paste'));
  $('paste-input').focus();
});

// ---- tabs ----

const tabs = [$('tab-build'), $('tab-paste')];
function selectTab(tab) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !selected;
  }
}
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const t = tabs[(next + tabs.length) % tabs.length];
    selectTab(t);
    t.focus();
  });
}

// ---- start ----

const paste = setupPaste({
  api,
  catalog,
  getOrder: readOrder,
  getOptions: readOptions,
  input: $('paste-input'),
  status: $('paste-status'),
  list: $('paste-issues'),
  samples: $('samples'),
});

serviceType.addEventListener('change', onOrderChange);
for (const id of ['accepted', 'closed', 'strict']) $(id).addEventListener('change', onOrderChange);
$('portal').addEventListener('submit', (e) => e.preventDefault());

const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
$('tz-hint').textContent =
  `Dates and times are in your time zone${tz ? ` (${tz})` : ''}; they are sent as milliseconds since 1970.`;

state.eventChoice = catalog.events.find((e) => e.serviceType === serviceType.value)?.name ?? OTHER;
renderEventSelect();
renderFields();
renderCustom();
onOrderChange();
$('loading').hidden = true;
$('portal').hidden = false;
document.documentElement.dataset.ready = 'true';
