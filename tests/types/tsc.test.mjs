// `tsc --strict --noEmit` over tests/types/usage.ts against the installed
// package: every export used as documented compiles, and every wrong use
// marked `@ts-expect-error` is rejected (an unused directive is an error).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const usage = fileURLToPath(new URL('usage.ts', import.meta.url));

function typecheck(...flags) {
  try {
    execFileSync(process.execPath, [tsc, '--strict', '--noEmit', ...flags, usage], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc ${flags.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}

test('usage.ts type-checks with module resolution nodenext', () => {
  typecheck('--module', 'nodenext', '--target', 'es2022');
});

test('usage.ts type-checks with module resolution bundler and exactOptionalPropertyTypes', () => {
  typecheck('--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--exactOptionalPropertyTypes');
});
