// One JSON object per line, for `wrangler tail` and Workers Logs. A line
// says what happened and why (status, issue codes, the error), never what
// the body contained: no paths, no values, no event names.

/**
 * Writes one log line: `console.error` for `level: 'error'`, `console.warn`
 * for 'warn', `console.log` otherwise.
 * @param {'info' | 'warn' | 'error'} level
 * @param {string} message a stable snake_case name of what happened
 * @param {Record<string, unknown>} fields
 */
export function logLine(level, message, fields) {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/**
 * How many issues of each code a list holds: `{ invalid_type: 3, ... }`.
 * The codes are a short fixed list, so this stays small however many issues
 * there are.
 * @param {{ code: string }[]} issues
 */
export function countCodes(issues) {
  const counts = {};
  for (const { code } of issues) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** Longest error message and stack logged, in characters. */
const MAX_ERROR_CHARS = 500;

/**
 * An exception as plain data for a log line, its message and stack cut short.
 * @param {unknown} error
 */
export function describeError(error) {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: String(error.message).slice(0, MAX_ERROR_CHARS),
      stack: typeof error.stack === 'string' ? error.stack.slice(0, MAX_ERROR_CHARS * 2) : undefined,
    };
  }
  return { name: typeof error, message: String(error).slice(0, MAX_ERROR_CHARS) };
}
