// The shared vectors (tests/vectors/*.json) through the installed package:
// every event as a JS value and as JSON text (string and bytes), every raw
// body as a string, a Uint8Array and an ArrayBuffer. The Rust suite
// (tests/vectors.rs) runs the same files through the crate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validateEvent, validateEventJson } from 'servicer-events';

const dir = new URL('../vectors/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const pairs = (issues) => issues.map(({ code, path }) => ({ code, path }));
// A byte order mark is text to select like any other, not a marker to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Issues about no place in the text: the order, a missing name, a body too large to read. */
const placeless = (issue) =>
  ['order_not_accepted', 'order_closed', 'missing_event', 'too_many_issues'].includes(issue.code) ||
  (issue.code === 'limit_exceeded' && issue.path === '');

/**
 * Every issue of a body has its place, in the body's own units: what its
 * offset and length select in the string (UTF-16) or the bytes is the
 * vector's `location.text`, at its line and column. Values have none.
 */
function checkLocations(c, how, result, select) {
  const wanted = [...c.errors, ...c.warnings];
  [...result.errors, ...result.warnings].forEach((issue, i) => {
    const label = `${c.name} (${how}): ${issue.code} at ${JSON.stringify(issue.path)}`;
    if (select === undefined || placeless(issue)) {
      assert.equal(issue.location, undefined, label);
      return;
    }
    assert.ok(issue.location, `${label} has no location`);
    const want = wanted[i]?.location;
    if (want === undefined) return;
    const { line, column, offset, length } = issue.location;
    assert.deepEqual({ line, column, text: select(offset, length) }, want, label);
  });
}

function check(c, how, result) {
  const label = `${c.name} (${how})`;
  assert.deepEqual(pairs(result.errors), pairs(c.errors), `errors of ${label}`);
  assert.deepEqual(pairs(result.warnings), pairs(c.warnings), `warnings of ${label}`);
  assert.equal(result.valid, result.errors.length === 0, label);
  if ('kind' in c) assert.equal(result.kind, c.kind, `kind of ${label}`);
  for (const issue of [...result.errors, ...result.warnings]) {
    assert.equal(typeof issue.message, 'string', label);
    assert.ok(Object.getPrototypeOf(issue) === Object.prototype, `${label}: issues are plain objects`);
  }
}

for (const file of files) {
  const cases = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  test(`vectors/${file}`, async (t) => {
    for (const c of cases) {
      await t.test(c.name, () => {
        if ('body' in c) {
          const bytes = new TextEncoder().encode(c.body);
          const fromString = (offset, length) => c.body.slice(offset, offset + length);
          const fromBytes = (offset, length) => decoder.decode(bytes.subarray(offset, offset + length));
          for (const [how, body, select] of [
            ['string body', c.body, fromString],
            ['Uint8Array body', bytes, fromBytes],
            ['ArrayBuffer body', bytes.buffer, fromBytes],
          ]) {
            const result = validateEventJson(body, c.order, c.options);
            check(c, how, result);
            checkLocations(c, how, result, select);
          }
        } else {
          const fromValue = validateEvent(c.event, c.order, c.options);
          check(c, 'value', fromValue);
          checkLocations(c, 'value', fromValue, undefined);
          const text = JSON.stringify(c.event);
          const fromText = validateEventJson(text, c.order, c.options);
          check(c, 'text', fromText);
          checkLocations(c, 'text', fromText, (offset, length) => text.slice(offset, offset + length));
          check(c, 'bytes', validateEventJson(new TextEncoder().encode(text), c.order, c.options));
        }
      });
    }
  });
}

test('every issue code of the catalogue is produced by a vector', async () => {
  const { eventCatalog } = await import('servicer-events');
  const seen = new Set();
  for (const file of files) {
    for (const c of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) {
      for (const i of [...c.errors, ...c.warnings]) seen.add(i.code);
    }
  }
  for (const { code } of eventCatalog().issueCodes) assert.ok(seen.has(code), code);
});
