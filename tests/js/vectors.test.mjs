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

function check(c, how, result) {
  const label = `${c.name} (${how})`;
  assert.deepEqual(pairs(result.errors), c.errors, `errors of ${label}`);
  assert.deepEqual(pairs(result.warnings), c.warnings, `warnings of ${label}`);
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
          check(c, 'string body', validateEventJson(c.body, c.order, c.options));
          check(c, 'Uint8Array body', validateEventJson(bytes, c.order, c.options));
          check(c, 'ArrayBuffer body', validateEventJson(bytes.buffer, c.order, c.options));
        } else {
          check(c, 'value', validateEvent(c.event, c.order, c.options));
          const text = JSON.stringify(c.event);
          check(c, 'text', validateEventJson(text, c.order, c.options));
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
