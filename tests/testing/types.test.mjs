// TypeScript: the .d.ts files type-check against the exports, for `import`
// and `require`, and augment Vitest's and Jest's `expect` (tsc, module nodenext).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareProject } from './scratch.mjs';
import { run, bin } from './run.mjs';

before(async () => {
  await prepareProject();
});

test('the testing types check with tsc', () => {
  const { status, output } = run(bin('tsc'), ['-p', 'types/tsconfig.json']);
  assert.equal(status, 0, output);
});
