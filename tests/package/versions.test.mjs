// One version for both packages: the crate (Cargo.toml, and Cargo.lock that
// records it), the npm package (pkg/package.json, and the packed tarball) and
// a CHANGELOG.md section for it. A release bumps them together
// (scripts/release.sh checks the same before packing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root, tarballFiles, tarballPath } from './tarball.mjs';

const read = (path) => readFileSync(join(root, path), 'utf8');

/** The `version` of the `[package]` table of Cargo.toml. */
function crateVersion() {
  const table = /^\[package\]\n([\s\S]*?)(?=^\[)/m.exec(read('Cargo.toml'));
  return /^version\s*=\s*"([^"]+)"/m.exec(table?.[1] ?? '')?.[1];
}

const version = crateVersion();

test('Cargo.toml and pkg/package.json have one version', () => {
  assert.match(version ?? '', /^\d+\.\d+\.\d+(-[\w.]+)?$/, 'Cargo.toml [package] has no semver version');
  const npm = JSON.parse(read('pkg/package.json')).version;
  assert.equal(npm, version, `pkg/package.json is ${npm}, Cargo.toml is ${version}: bump both together`);
});

test('Cargo.lock records the same version (run cargo after a bump)', () => {
  const locked = /\[\[package\]\]\nname = "servicer-events"\nversion = "([^"]+)"/.exec(read('Cargo.lock'))?.[1];
  assert.equal(locked, version, `Cargo.lock has servicer-events ${locked}, Cargo.toml ${version}: run cargo build and commit Cargo.lock`);
});

test('the packed tarball is that version', () => {
  assert.equal(basename(tarballPath()), `servicer-events-${version}.tgz`);
  const manifest = tarballFiles().find((f) => f.path === 'package.json');
  assert.equal(JSON.parse(manifest.content.toString('utf8')).version, version);
});

test('CHANGELOG.md has a section for that version', () => {
  const escaped = version.replace(/[.]/g, '\\.');
  assert.match(read('CHANGELOG.md'), new RegExp(`^## \\[${escaped}\\]`, 'm'), `CHANGELOG.md has no "## [${version}]" section`);
});
