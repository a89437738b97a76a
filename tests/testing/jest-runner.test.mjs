// Jest with the packed package, CommonJS and native ES modules: the matchers
// registered by `servicer-events/testing/jest` pass, fail and print the issue lines.
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

/** Runs Jest on the files matching `pattern` with one config; ESM needs Node's VM modules. */
function jest(flavour, pattern) {
  const json = join(dir, `jest-${flavour}-${pattern.replace(/\W/g, '_')}.json`);
  const env = flavour === 'esm' ? { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' } : {};
  const args = ['--config', `jest.${flavour}.config.cjs`, '--json', `--outputFile=${json}`, '--ci', pattern];
  const { status, output } = run(bin('jest'), args, env);
  return { status, output, ...jsonFailures(json) };
}

for (const flavour of ['cjs', 'esm']) {
  test(`Jest (${flavour}): passing tests pass`, () => {
    const { status, output, passed, failed } = jest(flavour, `jest/${flavour}/pass`);
    assert.equal(status, 0, output);
    assert.deepEqual({ passed, failed }, { passed: flavour === 'esm' ? 11 : 10, failed: 0 });
  });

  test(`Jest (${flavour}): failing tests print the issue lines in Jest style`, () => {
    const { status, output, messages } = jest(flavour, `jest/${flavour}/fail`);
    assert.equal(status, 1, output);
    checkFailures(messages, matcherFailures);
    assert.match(output, issueLine);
  });
}
