// What the apps' pages must report: the README's portal example (src/main.js
// of every app) and the opt-in entry's check (src/web.js), each asserted
// against the documented codes and paths and against the same calls made here
// through the package's Node entry.
import assert from 'node:assert/strict';
import { buildEvent, validateEvent } from 'servicer-events';

const order = { serviceType: 'repair_depot', accepted: true, closed: false };

/** Asserts `result` ({ checked, body }) is the README example's outcome. */
export function assertPortalExample(result, where) {
  const { checked, body } = result;
  assert.equal(checked.valid, false, where);
  assert.equal(checked.kind, 'depot', where);
  assert.deepEqual(
    checked.errors.map((i) => [i.code, i.path, i.message]),
    [['invalid_type', '/isDelayed', 'isDelayed must be a boolean (true or false), not a string.']],
    where,
  );
  assert.deepEqual(
    checked.warnings.map((i) => [i.code, i.path, i.suggestion]),
    [['timestamp_in_seconds', '/estimatedRepairCompletionAt', '1764064800000']],
    where,
  );
  assert.equal(
    body,
    JSON.stringify({ event: 'repair_eta', estimatedRepairCompletionAt: Date.UTC(2026, 11, 1, 14), isDelayed: false }),
    where,
  );
  // The same answers as in Node, to the last field.
  assert.deepEqual(
    checked,
    validateEvent({ event: 'repair_eta', estimatedRepairCompletionAt: 1764064800, isDelayed: 'no' }, order),
    where,
  );
  const built = buildEvent('repair_eta', { estimatedRepairCompletionAt: '2026-12-01T14:00:00Z', isDelayed: false }, order);
  assert.equal(body, JSON.stringify(built), where);
}

/** Asserts the opt-in entry's check of `{ event: 'repair_started' }` for an accepted depot order. */
export function assertWebResult(result, where) {
  assert.deepEqual(result, { valid: true, kind: 'depot', errors: [], warnings: [] }, where);
  assert.deepEqual(result, validateEvent({ event: 'repair_started' }, { serviceType: 'repair_depot', accepted: true }), where);
}
