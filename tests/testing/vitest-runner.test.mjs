// Vitest with the packed package: the matchers registered by
// `servicer-events/testing/vitest` pass, fail and print the issue lines.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prepareProject } from './scratch.mjs';
import { run, bin } from './run.mjs';
import { jsonFailures, checkFailures } from './reports.mjs';
import { matcherFailures, issueLine } from './expectations.mjs';

let dir;
before(async () => {
  dir = await prepareProject();
});

/** Runs one Vitest file with the default and JSON reporters. */
function vitest(file) {
  const json = join(dir, `vitest-${file.replace(/\W/g, '_')}.json`);
  const { status, output } = run(bin('vitest'), ['run', file, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  return { status, output, ...jsonFailures(json) };
}

test('passing Vitest tests pass', () => {
  const { status, output, passed, failed } = vitest('vitest/pass.check.mjs');
  assert.equal(status, 0, output);
  assert.deepEqual({ passed, failed }, { passed: 10, failed: 0 });
});

test('failing Vitest tests print the issue lines in Vitest style', () => {
  const { status, output, messages } = vitest('vitest/fail.check.mjs');
  assert.equal(status, 1, output);
  checkFailures(messages, matcherFailures);
  assert.match(output, issueLine);
});
