// Request bodies of an exact size for the CPU bench and its test: a valid
// event whose bulk is ordinary text (notes and metadata strings, as a
// technician's report would be), the same event with one mistake, and a
// hostile body crafted to raise one issue per array item under a long key.

const TIMESTAMP = 1_700_000_000_000;
/** Each metadata string, in characters (well under maxStringLength). */
const CHUNK_CHARS = 4000;
const WORDS = 'the unit was received with a cracked hinge and a worn battery; replaced both, tested for two hours '.split(' ');

/** `n` characters of plain text. */
function text(n) {
  let out = '';
  for (let i = 0; out.length < n; i += 1) out += `${WORDS[i % WORDS.length]} `;
  return out.slice(0, n);
}

/**
 * A `repair_completed` event of exactly `size` bytes of JSON.
 * @param {number} size at least 100
 * @param {{ invalid?: boolean }} [options] `invalid`: the completion time is
 *   an ISO string rather than milliseconds, the commonest mistake (one error)
 */
export function eventOfSize(size, { invalid = false } = {}) {
  const completedAt = invalid ? '"2024-05-01T10:00:00Z"' : String(TIMESTAMP);
  const head = `{"event":"repair_completed","repairCompletedAt":${completedAt},"notes":"`;
  const shell = head.length + '"}'.length;
  if (size < shell) throw new Error(`a body of ${size} bytes is too small`);
  if (size - shell <= CHUNK_CHARS) return Buffer.from(`${head}${text(size - shell)}"}`);
  // Larger: notes, then a metadata object of text strings, the last one
  // sized to land exactly on `size`.
  let body = `${head}${text(CHUNK_CHARS)}","metadata":{`;
  const close = '}}';
  for (let i = 0; ; i += 1) {
    const entryHead = `${i === 0 ? '' : ','}"part${i}":"`;
    const left = size - body.length - entryHead.length - 1 - close.length;
    if (left <= CHUNK_CHARS + 20) {
      body += `${entryHead}${text(Math.max(left, 0))}"`;
      break;
    }
    body += `${entryHead}${text(CHUNK_CHARS)}"`;
  }
  const bytes = Buffer.from(body + close);
  if (bytes.length !== size) throw new Error(`built ${bytes.length} bytes, wanted ${size}`);
  return bytes;
}

/**
 * The hostile body of the issue report: `items` numbers out of a double's
 * range (`1e999`, each an error wherever it is) under one key of `keyChars`
 * characters, so every issue's path repeats the key. With the defaults:
 * 7 KB of JSON and 1,000 issues, which once made a 2.1 MB answer.
 */
export function issueFlood({ keyChars = 1000, items = 1000 } = {}) {
  const key = 'k'.repeat(keyChars);
  const array = new Array(items).fill('1e999').join(',');
  return Buffer.from(`{"event":"note_added","metadata":{"${key}":[${array}]}}`);
}
