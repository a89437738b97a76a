// node:test with the packed package: the helpers pass and fail as they should,
// from `import` and `require`, and a failure prints the issue lines.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject } from './scratch.mjs';
import { run } from './run.mjs';
import { tapFailures, checkFailures } from './reports.mjs';
import { assertFailures, issueLine } from './expectations.mjs';

let dir;
before(async () => {
  dir = await prepareProject();
});

test('passing node:test files pass, with import and with require', () => {
  const { status, output } = run(process.execPath, ['--test', '--test-reporter=tap', 'node/pass.check.mjs', 'node/pass.check.cjs']);
  assert.equal(status, 0, output);
  assert.match(output, /^# pass 9$/m, output);
});

test('failing node:test tests print every issue as path: message (code)', () => {
  const spec = join(dir, 'node-spec.txt');
  const { status, output } = run(process.execPath, [
    '--test', '--test-reporter=tap', '--test-reporter-destination=stdout',
    '--test-reporter=spec', `--test-reporter-destination=${spec}`, 'node/fail.check.mjs',
  ]);
  assert.equal(status, 1, output);
  checkFailures(tapFailures(output), assertFailures);
  assert.match(readFileSync(spec, 'utf8'), issueLine);
});
