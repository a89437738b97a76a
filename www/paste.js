// The second mode: a raw JSON body, checked as text with validateEventJson,
// so what JSON.parse would hide (duplicate keys, __proto__) is reported. Where
// the package says where an issue is in the text (`location`), the fault is
// marked in place, and its suggestion is one click: the text is rewritten
// there and nowhere else, so the body stays the user's own.
import { el } from './dom.js';
import { issueItem } from './issues.js';
import { readJson } from './jsontext.js';
import { showState } from './status.js';
import { readable } from './when.js';

/** Codes whose suggestion replaces the key or value the location names. */
const FIXABLE = new Set(['possible_typo', 'timestamp_in_seconds', 'invalid_enum_value']);
/** Below this a timestamp looks like seconds (as the package's own rule). */
const SECONDS_BELOW = 1e11;

/** Whether an issue can be fixed in the text by one click. */
export function fixable(issue) {
  return issue.suggestion !== undefined && issue.location !== undefined && FIXABLE.has(issue.code);
}

/**
 * The text that replaces `original` (the located key or value) for an
 * issue's suggestion: a JSON string, quoted as the original was, or the
 * number a timestamp in seconds becomes.
 */
export function replacement(issue, original) {
  if (issue.code === 'timestamp_in_seconds') return issue.suggestion;
  const json = JSON.stringify(issue.suggestion);
  return original.startsWith('"') ? json : json.slice(1, -1);
}

/** `text` with every fixable issue's suggestion applied, from the end so offsets hold. */
export function fixText(text, issues) {
  const fixes = issues.filter(fixable).sort((a, b) => b.location.offset - a.location.offset);
  let out = text;
  let before = Infinity; // where the last replacement started: overlaps are skipped
  for (const issue of fixes) {
    const { offset, length } = issue.location;
    if (offset + length > before) continue;
    out = out.slice(0, offset) + replacement(issue, out.slice(offset, offset + length)) + out.slice(offset + length);
    before = offset;
  }
  return out;
}

/**
 * Wires the paste panel; returns `{ check, setText, result() }`.
 * `onChange(result)` follows every check; `onLoad(event)` takes a valid body
 * into the form.
 */
export function setupPaste({ api, catalog, getOrder, getOptions, els, onChange, onLoad, announce }) {
  const { input, marks, status, list, times, timesTitle, fixAll, load, samples, section } = els;
  let current = null;

  function check() {
    list.replaceChildren();
    times.replaceChildren();
    const text = input.value;
    if (text.trim() === '') {
      current = null;
      status.textContent = 'Paste a JSON body to check it.';
      status.dataset.state = '';
      fixAll.hidden = load.hidden = timesTitle.hidden = true;
      showMarks([]);
      announce([]);
      onChange(null);
      return;
    }
    const result = api.validateEventJson(text, getOrder(), getOptions());
    current = result;
    showState(status, result);
    const issues = [
      ...result.errors.map((issue) => ({ ...issue, severity: 'error' })),
      ...result.warnings.map((issue) => ({ ...issue, severity: 'warning' })),
    ];
    for (const issue of issues) {
      list.append(
        issueItem(issue, issue.severity, {
          showPath: true,
          fix: fixable(issue) ? fixButton(issue) : null,
          show: issue.location ? showButton(issue) : null,
        }),
      );
    }
    fixAll.hidden = issues.filter(fixable).length === 0;
    fixAll.textContent = `Fix all (${issues.filter(fixable).length})`;
    load.hidden = !(result.valid && readJson(api, text, 'event').value !== undefined);
    showTimes(text);
    showMarks(issues);
    announce(issues);
    onChange(result);
  }

  /** Replaces the text between `start` and `end`, as typing would (so Ctrl+Z undoes it). */
  function edit(start, end, text) {
    input.focus();
    input.setSelectionRange(start, end);
    if (!document.execCommand('insertText', false, text)) {
      input.setRangeText(text, start, end, 'end');
      check();
    }
    input.setSelectionRange(start, start + text.length);
  }

  function fixButton(issue) {
    const { offset, length } = issue.location;
    return {
      label: `Use ${issue.suggestion}`,
      ariaLabel: `Fix: use ${issue.suggestion} at ${issue.path || 'the event'}`,
      apply: () => {
        const original = input.value.slice(offset, offset + length);
        edit(offset, offset + length, replacement(issue, original));
      },
    };
  }

  function showButton(issue) {
    return {
      label: 'Show',
      ariaLabel: `Show ${issue.path || 'the fault'} in the text`,
      apply: () => select(issue),
    };
  }

  /** Puts the cursor on an issue's fault and selects it. */
  function select(issue, focus = true) {
    const { offset, length } = issue.location;
    if (focus) input.focus();
    input.setSelectionRange(offset, offset + length);
  }

  fixAll.addEventListener('click', () => {
    if (!current) return;
    // As fixEvent does: a renamed field's value may need a fix of its own,
    // which the check of the renamed text shows. Three rounds bound it.
    let fixed = input.value;
    for (let round = 0; round < 3; round++) {
      const { errors, warnings } = api.validateEventJson(fixed, getOrder(), getOptions());
      const next = fixText(fixed, [...errors, ...warnings]);
      if (next === fixed) break;
      fixed = next;
    }
    edit(0, input.value.length, fixed);
    input.setSelectionRange(0, 0);
    reveal();
  });

  load.addEventListener('click', () => {
    const read = readJson(api, input.value, 'event');
    if (read.value !== undefined) onLoad(read.value);
  });

  /** The fault of every located issue, marked behind the text. */
  function showMarks(issues) {
    const located = issues
      .filter((i) => i.location && i.location.length > 0)
      .sort((a, b) => a.location.offset - b.location.offset);
    const text = input.value;
    const parts = [];
    let at = 0;
    for (const issue of located) {
      const { offset, length } = issue.location;
      if (offset < at) continue;
      parts.push(text.slice(at, offset), el('mark', { class: issue.severity }, text.slice(offset, offset + length)));
      at = offset + length;
    }
    parts.push(text.slice(at), '\n');
    marks.replaceChildren(...parts);
    marks.scrollTop = input.scrollTop;
  }
  input.addEventListener('scroll', () => {
    marks.scrollTop = input.scrollTop;
    marks.scrollLeft = input.scrollLeft;
  });

  /** Every timestamp of the body in words, in the user's time zone. */
  function showTimes(text) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    let shown = 0;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const key of Object.keys(body)) {
        const type = catalog.fields.get(key)?.type;
        const v = body[key];
        if (type === 'timestamp' && typeof v === 'number') {
          addTime(`/${key}`, v);
          shown++;
        } else if (type === 'timestamp_array' && Array.isArray(v)) {
          v.forEach((item, i) => {
            if (typeof item !== 'number') return;
            addTime(`/${key}/${i}`, item);
            shown++;
          });
        }
      }
    }
    timesTitle.hidden = shown === 0;
  }

  function addTime(path, ms) {
    const words = readable(ms) ?? 'not a date';
    const seconds = ms > 0 && ms < SECONDS_BELOW ? ` (as seconds it would be ${readable(ms * 1000)})` : '';
    times.append(el('dt', {}, el('code', {}, path)), el('dd', {}, `${ms} = ${words}${seconds}`));
  }

  /** On a phone the result is below the text: bring it up after a paste. */
  function reveal() {
    if (!matchMedia('(max-width: 899px)').matches) return;
    section.scrollIntoView({ block: 'start' });
  }

  /** After a paste or an example, the cursor goes to the first fault. */
  function toFirstFault() {
    const first = [...(current?.errors ?? []), ...(current?.warnings ?? [])].find((i) => i.location);
    if (first) select(first, false);
  }

  function setText(text) {
    input.value = text;
    check();
    toFirstFault();
  }

  input.addEventListener('input', (e) => {
    check();
    if (e.inputType === 'insertFromPaste') {
      toFirstFault();
      reveal();
    }
  });

  // Examples built from the catalogue: an event of the chosen service type
  // that has a timestamp field.
  const misspell = (name) => name.slice(0, 2) + name[3] + name[2] + name.slice(4);
  for (const [label, make] of [
    ['Duplicate key', (e, t) => `{\n  "event": "${e}",\n  "${t}": 1767225600000,\n  "${t}": "tomorrow"\n}`],
    ['__proto__ key', (e) => `{\n  "event": "${e}",\n  "__proto__": { "isAdmin": true }\n}`],
    ['Seconds, not ms', (e, t) => `{\n  "event": "${e}",\n  "${t}": 1767225600\n}`],
    ['Misspelt names', (e, t) => `{\n  "event": "${e.slice(0, -1)}",\n  "${misspell(t)}": 1767225600000\n}`],
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
            if (ts) {
              setText(make(e.name, ts.name));
              reveal();
              return;
            }
          }
        },
      }, label),
    );
  }
  check();
  return { check, setText, result: () => current, reveal };
}
