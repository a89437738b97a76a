// The servicer portal: a form generated from eventCatalog(), checked on every
// input with buildEvent/validateEvent, and a raw-body mode with validateEventJson.
// The work is kept (a draft in localStorage, the tab in the URL hash).
import { readCatalog } from './catalog.js';
import { copyChecked } from './copy.js';
import { collectForm, draft } from './collect.js';
import { newCustomRow, renderCustomRows } from './custom.js';
import { clearDraft, loadDraft, saveDraft, tabFromHash, tabToHash } from './draft.js';
import { renderField } from './fields.js';
import { formFixes } from './form-fixes.js';
import { announcer, issueItem, placeIssues } from './issues.js';
import { formStateOf } from './load.js';
import { setupPaste } from './paste.js';
import { counts, shortText, showState, stateOf } from './status.js';

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
/** The paste panel (paste.js), once wired. */
let paste = null;
/** Nothing is saved until the page has read the saved draft back. */
let restoring = true;
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

/** The last check of the form: `{ errors, warnings, kind }`. */
let formResult = { errors: [], warnings: [], kind: null };
/** Each issue on screen and the input it belongs to, for the summary's "Show". */
let placed = [];
const announceForm = announcer($('announcer'));

function update() {
  const name = currentEventName();
  const order = readOrder();
  const options = readOptions();
  const { fields, local, aliases, targets } = collectForm({
    api,
    fields: catalog.fieldsFor(name),
    state,
    targets: fieldTargets,
    eventTarget: { list: $('issues-event'), input: state.eventChoice === OTHER ? eventName : eventSelect },
  });
  let built = null;
  let result;
  try {
    built = api.buildEvent(name, fields, order, options);
    result = api.validateEvent(built, order, options);
  } catch (err) {
    if (err?.name !== 'EventValidationError') throw err;
    result = { valid: false, kind: null, errors: err.errors ?? [], warnings: err.warnings ?? [] };
  }
  const errors = [...result.errors, ...local];
  const { warnings } = result;
  placed = placeIssues({ errors, warnings }, { targets, top: $('issues-top'), aliases, fixFor });
  formResult = { errors, warnings, kind: result.kind };

  const shown = built ?? draft(name, fields);
  $('preview-code').textContent = JSON.stringify(shown, null, 2);
  showState($('status'), formResult);
  renderSummary();
  announceForm(placed.map(({ issue, severity }) => ({ ...issue, severity })));
  $('copy-status').textContent = '';
  updateBar();
  save();
}

/**
 * The issues again beside the JSON, warnings first: in the amber state they
 * are the point, and on a phone this is where the bar's count leads.
 */
function renderSummary() {
  const rank = { warning: 0, error: 1 };
  const items = [...placed].sort((a, b) => rank[a.severity] - rank[b.severity]);
  $('summary').replaceChildren(
    ...items.map(({ issue, severity, input, fix }) =>
      issueItem(issue, severity, {
        showPath: true,
        fix,
        show: input
          ? { label: 'Show', ariaLabel: `Show the field of: ${issue.message}`, apply: () => reveal(input, issue.location) }
          : null,
      }),
    ),
  );
}

/**
 * Brings an input into view and focuses it; with a location (JSON typed in
 * the form, read by the package), the fault is selected in it.
 */
function reveal(input, location) {
  input.scrollIntoView({ block: 'center' });
  input.focus();
  if (location && typeof input.setSelectionRange === 'function') {
    input.setSelectionRange(location.offset, location.offset + location.length);
  }
}

const fixFor = formFixes({
  catalog,
  state,
  currentEventName,
  setEvent,
  switchServiceType: (type) => {
    serviceType.value = type;
    onOrderChange();
    serviceType.focus();
  },
  renderCustom,
  rerenderCustom,
  rerenderFields,
});

// ---- preview and copy ----

function copyForm() {
  return copyChecked({
    result: formResult,
    text: $('preview-code').textContent,
    select: () => selectContents($('preview-code')),
    dialog: $('copy-confirm'),
    status: $('copy-status'),
  });
}

function copyPaste() {
  return copyChecked({
    result: paste.result(),
    text: $('paste-input').value,
    select: () => $('paste-input').select(),
    dialog: $('copy-confirm'),
    status: $('announcer'),
  });
}

function selectContents(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}

$('copy').addEventListener('click', copyForm);

$('to-paste').addEventListener('click', () => {
  paste.setText($('preview-code').textContent);
  selectTab($('tab-paste'));
  $('paste-input').focus();
});

// ---- the phone's sticky bar: the state, the count, Copy ----

function activeTab() {
  return $('tab-paste').getAttribute('aria-selected') === 'true' ? 'paste' : 'build';
}

function updateBar() {
  const result = activeTab() === 'paste' ? paste?.result() : formResult;
  const stateNode = $('bar-state');
  const issues = $('bar-issues');
  if (!result) {
    stateNode.dataset.state = '';
    stateNode.textContent = 'Nothing pasted';
    issues.hidden = true;
    return;
  }
  stateNode.dataset.state = stateOf(result);
  stateNode.textContent = shortText(result);
  issues.hidden = false;
  issues.textContent = counts(result) || 'No issues';
}

$('bar-copy').addEventListener('click', () => (activeTab() === 'paste' ? copyPaste() : copyForm()));
$('bar-issues').addEventListener('click', () => {
  if (activeTab() === 'paste') {
    $('paste-result').scrollIntoView({ block: 'start' });
    $('paste-result').focus();
    return;
  }
  // Warnings first, as in the summary; with no issues, the JSON itself.
  const first = placed.find((p) => p.severity === 'warning') ?? placed[0];
  if (first?.input) reveal(first.input);
  else reveal($('preview'));
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
  tabToHash(tab === $('tab-paste') ? 'paste' : 'build');
  updateBar();
  save();
}
addEventListener('hashchange', () => selectTab($(`tab-${tabFromHash()}`)));
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

const announcePaste = announcer($('announcer'));
paste = setupPaste({
  api,
  catalog,
  getOrder: readOrder,
  getOptions: readOptions,
  els: {
    input: $('paste-input'),
    marks: $('paste-marks'),
    status: $('paste-status'),
    list: $('paste-issues'),
    times: $('paste-times'),
    timesTitle: $('paste-times-title'),
    fixAll: $('fix-all'),
    load: $('load-form'),
    samples: $('samples'),
    section: $('paste-result'),
  },
  onChange: () => {
    updateBar();
    save();
  },
  onLoad: loadIntoForm,
  announce: announcePaste,
});

/** A valid pasted body into the form: its event, its fields, the rest as extra fields. */
function loadIntoForm(event) {
  const { name, values, custom } = formStateOf(event, catalog);
  const listed = catalog.event(name);
  state.eventChoice = listed ? name : OTHER;
  state.otherName = listed ? '' : name;
  state.values = values;
  state.custom = custom;
  renderEventSelect();
  renderFields('');
  renderCustom();
  selectTab($('tab-build'));
  update();
  eventSelect.scrollIntoView({ block: 'center' });
  (listed ? eventSelect : eventName).focus();
}

// ---- keeping the work ----

function currentDraft() {
  return {
    order: {
      serviceType: serviceType.value,
      accepted: $('accepted').checked,
      closed: $('closed').checked,
      strict: $('strict').checked,
    },
    eventChoice: state.eventChoice,
    otherName: state.otherName,
    values: state.values,
    custom: state.custom.map(({ name, value, as }) => ({ name, value, as })),
    paste: $('paste-input').value,
  };
}

function save() {
  if (!restoring) saveDraft(currentDraft());
}

/** Puts a draft (or the defaults, for null) on the page. */
function applyDraft(d) {
  const types = catalog.serviceTypes;
  serviceType.value = d && (d.order.serviceType === '' || types.includes(d.order.serviceType)) ? d.order.serviceType : types[0] ?? '';
  $('accepted').checked = d ? d.order.accepted : true;
  $('closed').checked = d ? d.order.closed : false;
  $('strict').checked = d ? d.order.strict : false;
  const type = serviceType.value;
  const first = catalog.events.find((e) => !type || e.serviceType === type)?.name ?? OTHER;
  const choice = d?.eventChoice;
  state.eventChoice = choice && (choice === OTHER || catalog.event(choice)) ? choice : first;
  state.otherName = d?.otherName ?? '';
  state.values = d ? structuredClone(d.values) : {};
  state.custom = (d?.custom ?? []).map((r) => newCustomRow(r.name, r.value, r.as));
  $('paste-input').value = d?.paste ?? '';
  renderEventSelect();
  renderFields('');
  renderCustom();
  onOrderChange();
}

let beforeStartOver = null;
$('start-over').addEventListener('click', () => {
  beforeStartOver = currentDraft();
  applyDraft(null);
  clearDraft();
  $('undo-bar').hidden = false;
  $('undo-start-over').focus();
});
$('undo-start-over').addEventListener('click', () => {
  if (beforeStartOver) applyDraft(beforeStartOver);
  beforeStartOver = null;
  $('undo-bar').hidden = true;
  $('start-over').focus();
});

serviceType.addEventListener('change', onOrderChange);
for (const id of ['accepted', 'closed', 'strict']) $(id).addEventListener('change', onOrderChange);
$('portal').addEventListener('submit', (e) => e.preventDefault());

const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
$('tz-hint').textContent =
  `Dates and times are in your time zone${tz ? ` (${tz})` : ''}; they are sent as milliseconds since 1970.`;

applyDraft(loadDraft());
selectTab($(`tab-${tabFromHash()}`));
restoring = false;
$('loading').hidden = true;
$('portal').hidden = false;
$('bar').hidden = false;
document.documentElement.dataset.ready = 'true';
