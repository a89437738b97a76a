// The crate as crates.io would get it: only the validator's source, the
// README (it is the crate doc: src/lib.rs includes it) and the licences, and
// it builds on its own from the packaged files (`cargo publish --dry-run`
// unpacks and compiles them apart from the repository, so an `include_str!`
// of a file outside `include` fails here).
//
// `--allow-dirty`: this test checks what is packed and that it builds; that a
// release comes from a committed tree is scripts/release.sh's check. In a
// fresh clone nothing the crate includes is dirty anyway (pkg/ and target/
// are outside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { root } from './tarball.mjs';

/** Files the crate ships besides src/**.rs (.cargo_vcs_info.json only from a git checkout). */
const CRATE_FILES = ['Cargo.toml', 'Cargo.toml.orig', 'Cargo.lock', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'];

const cargo = (...args) => execFileSync('cargo', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the crate packs only src/, the README and the licences', () => {
  const listed = cargo('package', '--list', '--allow-dirty', '--quiet').split('\n').filter(Boolean);
  const unexpected = listed.filter(
    (path) => !CRATE_FILES.includes(path) && path !== '.cargo_vcs_info.json' && !/^src\/[\w/]+\.rs$/.test(path),
  );
  const missing = CRATE_FILES.filter((path) => !listed.includes(path));
  assert.deepEqual(
    { unexpected, missing },
    { unexpected: [], missing: [] },
    'the crate\'s files differ from src/**.rs plus CRATE_FILES: check `include` in Cargo.toml',
  );
});

test('cargo publish --dry-run packs the crate and builds it on its own', (t) => {
  const run = spawnSync('cargo', ['publish', '--dry-run', '--allow-dirty'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `cargo publish --dry-run failed:\n${run.stderr}`);
  // cargo reports on stderr: "Packaged 31 files, 230.0KiB (65.7KiB compressed)".
  t.diagnostic(/Packaged .*/.exec(run.stderr)?.[0] ?? run.stderr);
});
