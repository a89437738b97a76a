// Dates as the form takes and shows them. A date is typed as `2030-05-01 09:30`
// in the user's time zone: one text input is one Tab stop (a datetime-local
// input has seven) and takes a pasted date. Every timestamp is shown back in
// words, so a value in seconds reads as January 1970 at a glance.

const TYPED = /^(\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** What the user should type, for hints and messages. */
export const DATE_FORMAT = '2030-05-01 09:30';

/**
 * The Date a typed value means, in the user's time zone: `{ date }`, `{ error }`
 * (a sentence), or null for an empty value.
 */
export function parseTyped(text) {
  const value = String(text ?? '').trim();
  if (value === '') return null;
  const m = TYPED.exec(value);
  if (!m) {
    return { error: `Write the date as year-month-day and a 24-hour time, e.g. ${DATE_FORMAT}.` };
  }
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x)));
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  // setFullYear, not new Date(y, …), which reads years 0 to 99 as 1900 to 1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, mo - 1, d);
  date.setHours(h, mi, s, ms);
  // A Date rolls 2030-02-31 over to March: a date that does not exist is refused.
  const same =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d &&
    date.getHours() === h && date.getMinutes() === mi;
  if (!same) return { error: `There is no such date or time: ${value}.` };
  return { date };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * `2030-05-01 09:30` for a millisecond timestamp, in the user's time zone;
 * seconds and milliseconds only when there are some, so nothing is lost.
 */
export function formatTyped(ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  let time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.getSeconds() || d.getMilliseconds()) time += `:${pad(d.getSeconds())}`;
  if (d.getMilliseconds()) time += `.${pad(d.getMilliseconds(), 3)}`;
  return `${day} ${time}`;
}

/** `2030-05-01T09:30`, what a datetime-local picker holds, for a typed value (or ''). */
export function toPicker(text) {
  const parsed = parseTyped(text);
  return parsed?.date ? formatTyped(parsed.date.getTime()).replace(' ', 'T').slice(0, 16) : '';
}

const words = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** A millisecond timestamp in words, in the user's time zone; null when it is no date. */
export function readable(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : words.format(d);
}
