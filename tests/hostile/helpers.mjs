// Shared by the hostile-input suites (issue 7): the documented result shape,
// and a valid event that must still validate after every hostile call.
import assert from 'node:assert/strict';
import { validateEvent, validateEventJson } from 'servicer-events';

const KINDS = new Set(['depot', 'onsite', 'other', null]);
const CODES = new Set([
  'not_an_object', 'missing_event', 'invalid_type', 'empty_event_name',
  'event_not_allowed_for_service_type', 'order_not_accepted', 'order_closed',
  'invalid_timestamp', 'invalid_enum_value', 'limit_exceeded', 'not_json',
  'invalid_json', 'duplicate_key', 'forbidden_key', 'possible_typo',
  'timestamp_in_seconds', 'unknown_field', 'too_many_issues',
]);
const WARNINGS = new Set(['possible_typo', 'timestamp_in_seconds', 'too_many_issues']);

/** RFC 6901: empty, or `/` segments in which `~` is followed by 0 or 1. */
export function isPointer(path) {
  return typeof path === 'string' && (path === '' || (path[0] === '/' && !/~(?![01])/.test(path)));
}

/** Asserts that `r` is a ValidationResult as SPEC.md describes it. */
export function assertShape(r, label = '') {
  assert.equal(typeof r, 'object', label);
  assert.notEqual(r, null, label);
  assert.deepEqual(Object.keys(r).sort(), ['errors', 'kind', 'valid', 'warnings'], label);
  assert.equal(typeof r.valid, 'boolean', label);
  assert.ok(KINDS.has(r.kind), `${label}: kind ${r.kind}`);
  assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings), label);
  assert.equal(r.valid, r.errors.length === 0, label);
  for (const [list, warning] of [[r.errors, false], [r.warnings, true]]) {
    for (const issue of list) {
      assert.equal(Object.getPrototypeOf(issue), Object.prototype, `${label}: issues are plain objects`);
      assert.ok(CODES.has(issue.code), `${label}: code ${issue.code}`);
      if (warning) assert.ok(WARNINGS.has(issue.code), `${label}: ${issue.code} as a warning`);
      assert.ok(isPointer(issue.path), `${label}: path ${JSON.stringify(issue.path)}`);
      assert.equal(typeof issue.message, 'string', label);
      assert.ok(issue.message.length > 0, label);
      for (const k of ['expected', 'received', 'suggestion']) {
        if (k in issue) assert.equal(typeof issue[k], 'string', `${label}: ${k}`);
      }
    }
  }
  return r;
}

/** `[code, path]` of each error. */
export const errs = (r) => r.errors.map((e) => [e.code, e.path]);

const ORDER = { serviceType: 'repair_depot' };
const GOOD = { event: 'repair_started', repairStartedAt: 1732780800000, notes: 'ok', metadata: { a: [1, 'b'] } };
const GOOD_JSON = JSON.stringify(GOOD);
const BAD = { event: 'product_received', receptionDate: 'soon' };

/** The module still answers correctly: a valid event, a valid body, an invalid one. */
export function assertStillWorks(label = '') {
  const ok = validateEvent(GOOD, ORDER);
  assert.deepEqual(ok, { valid: true, kind: 'depot', errors: [], warnings: [] }, `after ${label}`);
  const okJson = validateEventJson(GOOD_JSON, ORDER);
  assert.deepEqual(okJson, ok, `after ${label} (JSON)`);
  const bad = validateEvent(BAD, ORDER);
  assert.deepEqual(errs(bad), [['invalid_type', '/receptionDate']], `after ${label} (invalid)`);
}

/** Calls `f`; a throw must be a TypeError when `typeErrorAllowed`, never otherwise. */
export function noThrow(f, label, typeErrorAllowed = false) {
  try {
    return f();
  } catch (e) {
    if (typeErrorAllowed && e instanceof TypeError) return undefined;
    assert.fail(`${label} threw ${e?.name}: ${e?.message}`);
  }
}
