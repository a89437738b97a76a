// Reads the failure messages of each test out of a runner's report, and
// checks them against the expected lines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/**
 * Failure messages by test name from node:test's TAP output: the lines that
 * follow a `not ok N - name` line belong to that test.
 * @param {string} tap
 * @returns {Record<string, string>}
 */
export function tapFailures(tap) {
  const messages = {};
  let current = null;
  for (const line of tap.split('\n')) {
    const head = /^\s*(not ok|ok) \d+ - (.*)$/.exec(line);
    if (head) {
      current = head[1] === 'not ok' ? head[2] : null;
      if (current) messages[current] = '';
    } else if (current) {
      messages[current] += `${line}\n`;
    }
  }
  return messages;
}

/**
 * Failure messages by test title from a Jest or Vitest JSON report (the two share its shape).
 * @param {string} file
 * @returns {{ messages: Record<string, string>, passed: number, failed: number }}
 */
export function jsonFailures(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const messages = {};
  for (const suite of report.testResults) {
    for (const test of suite.assertionResults) {
      if (test.status === 'failed') messages[test.title] = test.failureMessages.join('\n');
    }
  }
  return { messages, passed: report.numPassedTests, failed: report.numFailedTests };
}

/**
 * Asserts that exactly the expected tests failed, each with every expected pattern in its message.
 * @param {Record<string, string>} messages Failure messages by test name.
 * @param {Record<string, RegExp[]>} expected Patterns by test name.
 */
export function checkFailures(messages, expected) {
  assert.deepEqual(Object.keys(messages).filter((name) => name.startsWith('FAIL-')).sort(), Object.keys(expected).sort());
  for (const [name, patterns] of Object.entries(expected)) {
    for (const pattern of patterns) {
      assert.match(messages[name], pattern, `${name} should print ${pattern}; it printed:\n${messages[name]}`);
    }
  }
}
