// Shows validation issues: each next to the input its JSON Pointer path names,
// with its suggestion as a one-click fix, and the input outlined (red for an
// error, amber for a warning).
import { el, pointerSegments } from './dom.js';

/**
 * One issue as a list item; `fix` (its suggestion, applied) and `show` (go to
 * it) are `{ label, apply, ariaLabel? }` or null. The message is shown as is:
 * the package writes it for a technician, with the expected value and the
 * suggestion in words.
 */
export function issueItem(issue, severity, { fix = null, show = null, showPath = false } = {}) {
  const button = (action, cls) =>
    el('button', { type: 'button', class: cls, onclick: action.apply, 'aria-label': action.ariaLabel ?? action.label }, action.label);
  return el(
    'li',
    { class: `issue ${severity}`, dataset: { code: issue.code, path: issue.path } },
    el('span', { class: 'sev' }, severity === 'error' ? 'Error' : 'Warning'),
    ' ',
    showPath ? [el('code', { class: 'path' }, issue.path === '' ? '(whole event)' : issue.path), ' '] : null,
    el('span', { class: 'msg' }, issue.message),
    ' ',
    el('code', { class: 'code' }, issue.code),
    fix || show
      ? el('span', { class: 'issue-actions' }, fix ? button(fix, 'fix') : null, show ? button(show, 'show secondary') : null)
      : null,
  );
}

/**
 * Places issues next to their inputs. `targets` maps JSON Pointers to
 * `{ list, input, inputFor? }` (`inputFor(issue)` picks which of a target's
 * inputs is wrong: an extra field's name or its value); an issue goes to the
 * longest registered prefix of its path, or to `top` (with its path shown).
 * `aliases` maps a sent path to the form's path (the form drops empty list
 * items, so indices can shift). Returns each issue with the input it marked.
 */
export function placeIssues({ errors, warnings }, { targets, top, aliases = new Map(), fixFor }) {
  for (const target of new Set([...targets.values()])) {
    target.list.replaceChildren();
    for (const input of target.inputs ?? [target.input]) unmark(input);
  }
  top.replaceChildren();
  const placed = [];
  const place = (issue, severity) => {
    const target = issue.target ?? findTarget(aliases.get(issue.path) ?? issue.path, targets);
    const fix = fixFor(issue, target);
    if (target) {
      target.list.append(issueItem(issue, severity, { fix }));
      const input = target.inputFor?.(issue) ?? target.input;
      mark(input, severity);
      placed.push({ issue, severity, input, fix });
    } else {
      top.append(issueItem(issue, severity, { fix, showPath: issue.path !== '' }));
      placed.push({ issue, severity, input: null, fix });
    }
  };
  errors.forEach((issue) => place(issue, 'error'));
  warnings.forEach((issue) => place(issue, 'warning'));
  return placed;
}

function mark(input, severity) {
  if (!input) return;
  if (severity === 'error') {
    input.setAttribute('aria-invalid', 'true');
    input.classList.remove('has-warning');
  } else if (input.getAttribute('aria-invalid') !== 'true') {
    input.classList.add('has-warning');
  }
}

function unmark(input) {
  input?.removeAttribute('aria-invalid');
  input?.classList.remove('has-warning');
}

function findTarget(path, targets) {
  const segments = pointerSegments(path);
  for (let n = segments.length; n > 0; n--) {
    const key = segments
      .slice(0, n)
      .map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('');
    if (targets.has(key)) return targets.get(key);
  }
  return null;
}

/**
 * Says new issues out loud, once: what a screen reader user would otherwise
 * only find by moving back through the form. `region` is a polite live region;
 * issues already announced are not repeated on the next keystroke.
 */
export function announcer(region) {
  let known = new Set();
  return (issues) => {
    const key = (i) => `${i.code} ${i.path}`;
    const fresh = issues.filter((i) => !known.has(key(i)));
    known = new Set(issues.map(key));
    if (fresh.length === 0) return;
    const said = fresh.slice(0, 3).map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`);
    if (fresh.length > 3) said.push(`and ${fresh.length - 3} more.`);
    region.textContent = said.join(' ');
  };
}
