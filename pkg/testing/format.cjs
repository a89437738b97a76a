'use strict';
// Turns validation issues into plain lines a developer reads in a terminal:
// `path: message (code)`, then what was expected and the suggestion, if any.
// No colours: the lines must read the same in node:test, Vitest and Jest.

/**
 * The path of an issue as shown to a person: the JSON Pointer itself, or
 * `(event)` for the empty pointer, which means the whole event.
 * @param {string} path RFC 6901 JSON Pointer into the event.
 * @returns {string}
 */
function showPath(path) {
  return path === '' ? '(event)' : path;
}

/**
 * One issue as text: `path: message (code)`, and an indented second line
 * with `expected …, received …; did you mean "…"?` for what the message
 * does not already say.
 * @param {import('servicer-events').Issue} issue
 * @returns {string}
 */
function formatIssue(issue) {
  const head = `${showPath(issue.path)}: ${issue.message} (${issue.code})`;
  const untold = (value) => value !== undefined && !issue.message.includes(value);
  const hints = [];
  if (untold(issue.expected)) hints.push(`expected ${issue.expected}`);
  if (untold(issue.received)) hints.push(`received ${issue.received}`);
  const detail = hints.join(', ');
  const suggest = untold(issue.suggestion) ? `did you mean "${issue.suggestion}"?` : '';
  const tail = [detail, suggest].filter(Boolean).join('; ');
  return tail ? `${head}\n    ${tail}` : head;
}

/**
 * A titled block of issues, one per line (two when it has hints), indented
 * by two spaces; the empty string when the list is empty.
 * @param {string} title e.g. `errors` or `warnings`.
 * @param {ReadonlyArray<import('servicer-events').Issue>} issues
 * @returns {string}
 */
function formatIssueList(title, issues) {
  if (issues.length === 0) return '';
  const lines = issues.map((issue) => `  ${formatIssue(issue).replace(/\n/g, '\n  ')}`);
  return `${issues.length} ${title}:\n${lines.join('\n')}`;
}

/**
 * Every error and warning of a result, as blocks of lines.
 * @param {import('servicer-events').ValidationResult} result
 * @returns {string}
 */
function formatResult(result) {
  const blocks = [formatIssueList(plural(result.errors.length, 'error'), result.errors),
    formatIssueList(plural(result.warnings.length, 'warning'), result.warnings)];
  return blocks.filter(Boolean).join('\n') || 'no errors and no warnings.';
}

/** @param {number} n @param {string} word @returns {string} */
function plural(n, word) {
  return n === 1 ? word : `${word}s`;
}

module.exports = { showPath, formatIssue, formatIssueList, formatResult };
