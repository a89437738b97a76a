// Shows validation issues: each next to the input its JSON Pointer path names,
// with its suggestion as a one-click fix.
import { el, pointerSegments } from './dom.js';

/**
 * One issue as a list item; `fix` is `{ label, apply }` or null. The message
 * is shown as is: the package writes it for a technician, with the expected
 * value and the suggestion in words.
 */
export function issueItem(issue, severity, { fix = null, showPath = false } = {}) {
  return el(
    'li',
    { class: `issue ${severity}`, dataset: { code: issue.code, path: issue.path } },
    el('span', { class: 'sev' }, severity === 'error' ? 'Error' : 'Warning'),
    ' ',
    showPath ? [el('code', { class: 'path' }, issue.path === '' ? '(whole event)' : issue.path), ' '] : null,
    el('span', { class: 'msg' }, issue.message),
    ' ',
    el('code', { class: 'code' }, issue.code),
    fix
      ? el('button', { type: 'button', class: 'fix', onclick: fix.apply, 'aria-label': fix.ariaLabel ?? fix.label }, fix.label)
      : null,
  );
}

/**
 * Places issues next to their inputs. `targets` maps JSON Pointers to
 * `{ list, input }`; an issue goes to the longest registered prefix of its
 * path, or to `top` (with its path shown). `aliases` maps a sent path to the
 * form's path (the form drops empty list items, so indices can shift).
 */
export function placeIssues({ errors, warnings }, { targets, top, aliases = new Map(), fixFor }) {
  for (const { list, input } of new Set([...targets.values()])) {
    list.replaceChildren();
    input?.removeAttribute('aria-invalid');
  }
  top.replaceChildren();
  const place = (issue, severity) => {
    const target = issue.target ?? findTarget(aliases.get(issue.path) ?? issue.path, targets);
    const fix = fixFor(issue, target);
    if (target) {
      target.list.append(issueItem(issue, severity, { fix }));
      if (severity === 'error' && target.input) target.input.setAttribute('aria-invalid', 'true');
    } else {
      top.append(issueItem(issue, severity, { fix, showPath: issue.path !== '' }));
    }
  };
  errors.forEach((issue) => place(issue, 'error'));
  warnings.forEach((issue) => place(issue, 'warning'));
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
