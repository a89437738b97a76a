// JSON typed into the form (metadata, an extra field's value) is read as the
// backend reads a body, not with a bare JSON.parse, which keeps the last of
// two equal keys and rounds long numbers without a word. The package checks
// the text (its own messages, its own positions), then JSON.parse builds the
// value, once nothing can be lost on the way.

/** Codes only the text can show: the parsed value is checked with the event. */
const TEXT_CODES = new Set(['invalid_json', 'not_json', 'duplicate_key']);

// A string (skipped) or a number, in text that is already known to be JSON.
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Reads `text`, the value of the event's field `key`: `{ value }`, or
 * `{ issues }` with paths into the event (the field's and below it). An
 * issue's `location`, when the package gives one, is moved to be in `text`.
 */
export function readJson(api, text, key) {
  const path = pointer(key);
  const alone = api.validateEventJson(text);
  const syntax = alone.errors.filter((i) => i.code === 'invalid_json' || i.code === 'not_json');
  if (syntax.length > 0) return { issues: syntax.map((i) => ({ ...i, path })) };

  // The text as the field's value in an object, so duplicate keys come with
  // the event's own paths and words ("metadata/a").
  const prefix = `{${JSON.stringify(key)}:`;
  const wrapped = api.validateEventJson(`${prefix}${text}}`);
  const issues = [...wrapped.errors, ...wrapped.warnings]
    .filter((i) => TEXT_CODES.has(i.code))
    .map((i) => shift(i, prefix.length));
  issues.push(...inexactNumbers(text, path));
  if (issues.length > 0) return { issues };
  return { value: JSON.parse(text) };
}

/** An issue of the wrapped text with its location in the typed text. */
function shift(issue, by) {
  if (!issue.location) return issue;
  const { line, column, offset, length } = issue.location;
  return { ...issue, location: { line, column: line === 1 ? column - by : column, offset: offset - by, length } };
}

/**
 * Integers JavaScript cannot hold exactly (beyond 2^53): JSON.parse would send
 * another number than the one typed.
 */
function inexactNumbers(text, path) {
  const found = [];
  for (const m of text.matchAll(TOKEN)) {
    const literal = m[0];
    if (literal.startsWith('"') || !/^-?\d+$/.test(literal)) continue;
    const kept = Number(literal);
    if (BigInt(literal) === BigInt(kept)) continue;
    const sent = BigInt(kept).toString();
    found.push({
      code: 'inexact_number',
      path,
      message:
        `The number ${literal} has more digits than JavaScript keeps: it would be sent as ${sent}. ` +
        `Send it as a string ("${literal}") if every digit counts.`,
      location: { offset: m.index, length: literal.length },
    });
  }
  return found;
}

/** RFC 6901: a one-segment JSON Pointer. */
function pointer(key) {
  return '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
