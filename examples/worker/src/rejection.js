// The body of a 422: the first issues of a result, within a byte budget
// whatever the request. Without it, a 7 KB body with 1,000 issues under a
// 1,000-character key got a 2.1 MB answer. The bound is kept here, not
// left to the library's own cap, so that it holds for any version of it.

/** Issues shown at most; the rest are counted. */
export const MAX_SHOWN_ISSUES = 20;
/** The whole 422 body, in UTF-8 bytes, never exceeds this. */
export const MAX_ANSWER_BYTES = 4096;
/** A string field of an issue (path, message, ...) is cut to this many characters. */
export const MAX_FIELD_CHARS = 200;
/** What an issue that alone would pass the budget is cut to. */
const MIN_FIELD_CHARS = 40;
/** Room kept for the envelope and the closing `too_many_issues`. */
const RESERVED_BYTES = 600;

const ISSUE_FIELDS = ['code', 'path', 'message', 'expected', 'received', 'suggestion'];
const encoder = new TextEncoder();

/**
 * @typedef {{ code: string, path: string, message: string, expected?: string,
 *   received?: string, suggestion?: string, location?: object }} Issue
 * @typedef {{ valid: boolean, kind: string | null, errors: Issue[], warnings: Issue[] }} Result
 */

/**
 * The 422 body for an invalid result: errors first, then warnings, in the
 * validator's order, as many as fit; then one `too_many_issues` error when
 * some are not shown. `errorCount` and `warningCount` count them all.
 * @param {Result} result
 * @param {string} requestId
 */
export function rejectionBody(result, requestId) {
  const errors = issuesOf(result.errors);
  const warnings = issuesOf(result.warnings);
  const answer = {
    requestId: requestId.slice(0, 100),
    errorCount: errors.count,
    warningCount: warnings.count,
    errors: [],
    warnings: [],
  };
  let budget = MAX_ANSWER_BYTES - RESERVED_BYTES;
  let shown = 0;
  const take = (issues, into) => {
    for (const issue of issues) {
      if (shown === MAX_SHOWN_ISSUES) return false;
      let bounded = bound(issue, MAX_FIELD_CHARS);
      let size = byteLength(bounded);
      // The first issue is always shown, cut harder if it must be.
      if (size > budget && shown === 0) {
        bounded = bound(issue, MIN_FIELD_CHARS);
        size = byteLength(bounded);
      }
      if (size > budget) return false;
      into.push(bounded);
      budget -= size + 1;
      shown += 1;
    }
    return true;
  };
  if (take(errors.issues, answer.errors)) take(warnings.issues, answer.warnings);
  const hidden = errors.count + warnings.count - shown;
  if (hidden > 0) answer.errors.push(tooManyIssues(hidden, errors.count + warnings.count));
  return answer;
}

/**
 * The issues a validator returned, and how many it found: its own
 * `too_many_issues` (a library that caps its list) is not shown as an issue,
 * but the number it left out is counted.
 * @param {Issue[]} list
 */
function issuesOf(list) {
  const issues = [];
  let count = 0;
  for (const issue of list) {
    if (issue.code === 'too_many_issues') {
      count += leftOut(issue, count);
    } else {
      issues.push(issue);
      count += 1;
    }
  }
  return { issues, count };
}

/**
 * How many issues a library's `too_many_issues` stands for: the number it
 * says were left out, else one (it stands for at least one).
 * @param {Issue} issue
 * @param {number} kept
 */
function leftOut(issue, kept) {
  const more = /(\d+) more/.exec(issue.message ?? '');
  if (more) return Number(more[1]);
  const total = /^(\d+) issues/.exec(issue.received ?? '');
  if (total && Number(total[1]) > kept) return Number(total[1]) - kept;
  return 1;
}

/**
 * An issue's known fields, each string cut to `chars` characters.
 * @param {Issue} issue
 * @param {number} chars
 */
function bound(issue, chars) {
  const out = {};
  for (const field of ISSUE_FIELDS) {
    const value = issue[field];
    if (typeof value === 'string') out[field] = cut(value, chars);
  }
  const location = issue.location;
  if (location && typeof location === 'object') {
    const { line, column, offset, length } = location;
    out.location = { line, column, offset, length };
  }
  return out;
}

/**
 * `text` cut to at most `chars` UTF-16 units, ending with `…` when cut,
 * never between the two halves of a surrogate pair.
 * @param {string} text
 * @param {number} chars
 */
function cut(text, chars) {
  if (text.length <= chars) return text;
  let end = chars - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** @param {number} hidden @param {number} total */
function tooManyIssues(hidden, total) {
  return {
    code: 'too_many_issues',
    path: '',
    message: `${hidden} more ${hidden === 1 ? 'issue is' : 'issues are'} not shown. Fix the issues above and send the event again to see the rest.`,
    expected: `at most ${MAX_SHOWN_ISSUES} issues in one answer`,
    received: `${total} issues`,
  };
}

/** UTF-8 bytes of a value's JSON text. */
function byteLength(value) {
  return encoder.encode(JSON.stringify(value)).byteLength;
}
