// The issue lines and the expected-issue comparison, on the source files
// (they need no build: neither loads the WebAssembly module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { formatIssue, formatResult } = require('../../pkg/testing/format.cjs');
const { normalizeExpected, diffIssues, formatExpected } = require('../../pkg/testing/expected.cjs');

const typeIssue = {
  code: 'invalid_type', path: '/receptionDate', message: 'Must be a timestamp.',
  expected: 'an integer', received: 'string',
};
const typo = { code: 'possible_typo', path: '/recievedBy', message: 'Unknown field.', suggestion: 'receivedBy' };
const closed = { code: 'order_closed', path: '', message: 'The order is closed.' };

test('an issue is path: message (code), then its hints', () => {
  assert.equal(formatIssue(typeIssue), '/receptionDate: Must be a timestamp. (invalid_type)\n    expected an integer, received string');
  assert.equal(formatIssue(typo), '/recievedBy: Unknown field. (possible_typo)\n    did you mean "receivedBy"?');
  assert.equal(formatIssue(closed), '(event): The order is closed. (order_closed)');
  const told = { ...typo, message: 'Unknown field; did you mean receivedBy?', received: 'string' };
  assert.equal(formatIssue(told), '/recievedBy: Unknown field; did you mean receivedBy? (possible_typo)\n    received string');
  assert.equal(formatIssue({ ...typeIssue, message: 'Must be a timestamp, not a string.' }),
    '/receptionDate: Must be a timestamp, not a string. (invalid_type)\n    expected an integer');
});

test('a result lists errors, then warnings, with counts', () => {
  const text = formatResult({ valid: false, kind: 'depot', errors: [typeIssue, closed], warnings: [typo] });
  assert.equal(text, [
    '2 errors:',
    '  /receptionDate: Must be a timestamp. (invalid_type)',
    '      expected an integer, received string',
    '  (event): The order is closed. (order_closed)',
    '1 warning:',
    '  /recievedBy: Unknown field. (possible_typo)',
    '      did you mean "receivedBy"?',
  ].join('\n'));
  assert.equal(formatResult({ valid: true, kind: 'other', errors: [], warnings: [] }), 'no errors and no warnings.');
});

test('expected issues: a code, an object or a list of them', () => {
  assert.deepEqual(normalizeExpected('invalid_type'), [{ code: 'invalid_type' }]);
  assert.deepEqual(normalizeExpected({ code: 'order_closed', path: '' }), [{ code: 'order_closed', path: '' }]);
  assert.deepEqual(normalizeExpected(['a', { code: 'b' }]), [{ code: 'a' }, { code: 'b' }]);
  for (const bad of [[], [42], [null], [{ path: '/x' }], [{ code: 'a', path: 1 }], ['']]) {
    assert.throws(() => normalizeExpected(bad), TypeError, JSON.stringify(bad));
  }
});

test('the comparison ignores order, and precise entries claim their issue first', () => {
  const second = { ...typeIssue, path: '/deliveredAt' };
  assert.deepEqual(diffIssues([{ code: 'invalid_type' }, { code: 'invalid_type', path: '/receptionDate' }], [second, typeIssue]),
    { missing: [], unexpected: [] });
  const { missing, unexpected } = diffIssues([{ code: 'invalid_type' }, { code: 'order_closed', path: '/event' }], [typeIssue, closed]);
  assert.deepEqual(missing, [{ code: 'order_closed', path: '/event' }]);
  assert.deepEqual(unexpected, [closed]);
  assert.equal(formatExpected(closed), 'order_closed at (event)');
});
