// The ecosystem's own checks on the packed tarball, for every entry the
// package exports (read from its package.json, so a new entry is checked
// without touching this file):
// - @arethetypeswrong/cli: each entry's types and JavaScript resolve, and
//   agree on the module kind, under TypeScript's node10, node16 (from CommonJS
//   and from ES modules) and bundler resolution;
// - publint: package.json's entries, files and conditions are consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, tarballFiles, tarballPath } from './tarball.mjs';

/**
 * Runs a tool's CLI; stdout goes through a file because attw calls
 * process.exit when it finds a problem, which cuts a piped report at 64 KiB.
 */
function run(tool, args) {
  const dir = mkdtempSync(join(tmpdir(), 'servicer-events-lint-'));
  try {
    const fd = openSync(join(dir, 'stdout'), 'w');
    const out = spawnSync(process.execPath, [join(root, 'node_modules/.bin', tool), ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    return { status: out.status, stdout: readFileSync(join(dir, 'stdout'), 'utf8'), stderr: out.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = tarballFiles();
const manifest = JSON.parse(files.find((f) => f.path === 'package.json').content.toString('utf8'));

// Every subpath of `exports`; attw lists a wildcard (`./schema/*.json`)
// without resolving it, so each file the tarball holds under one is named.
const subpaths = Object.keys(manifest.exports).flatMap((key) => {
  if (!key.includes('*')) return [key];
  const [before, after] = key.slice(2).split('*');
  return files
    .map((f) => f.path)
    .filter((p) => p.startsWith(before) && p.endsWith(after) && p.length >= before.length + after.length)
    .map((p) => `./${p}`);
});

// An asset subpath (the `.wasm` for those who place it themselves) is a file
// to fetch, not a module TypeScript resolves: publint checks it, attw does not.
const isAsset = (subpath) => /\.\w+$/.test(subpath) && !/\.(js|mjs|cjs|json)$/.test(subpath);
const entries = subpaths.filter((subpath) => !isAsset(subpath));

/** Whether a file of the package is CommonJS: `.cjs`, or `.js` under a package.json without "type": "module". */
function isCommonJs(path) {
  if (path.endsWith('.cjs')) return true;
  if (!path.endsWith('.js')) return false;
  for (let dir = path.replace(/\/?[^/]*$/, ''); ; dir = dir.replace(/\/?[^/]*$/, '')) {
    const pkg = files.find((f) => f.path === (dir ? `${dir}/package.json` : 'package.json'));
    if (pkg) return JSON.parse(pkg.content.toString('utf8')).type !== 'module';
    if (!dir) return true;
  }
}

/** The JavaScript files an entry's conditions can resolve to (types left out). */
function targets(value) {
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([condition, v]) => (condition === 'types' ? [] : targets(v)));
}

// An entry with no CommonJS file at all is ES-module-only by design (Vitest's
// matchers, the /web entry): `require` reaching ESM is expected there, while
// for an entry that ships CommonJS it means a condition sends `require` astray.
const esmOnly = Object.entries(manifest.exports)
  .filter(([key, value]) => !key.includes('*') && !isAsset(key) && !key.endsWith('.json') && !targets(value).some(isCommonJs))
  .map(([key]) => key);

test('arethetypeswrong: every entry resolves with matching types in node10, node16 (CJS and ESM) and bundler', (t) => {
  t.diagnostic(`entries: ${entries.join(' ')}; ES-module-only: ${esmOnly.join(' ') || 'none'}; assets: ${subpaths.filter(isAsset).join(' ') || 'none'}`);
  const args = [tarballPath(), '--no-color', '--no-emoji', '--entrypoints', ...entries];
  const out = run('attw', [...args, '--format', 'json']);
  let report;
  try {
    report = JSON.parse(out.stdout);
  } catch {
    assert.fail(`attw gave no JSON report (exit ${out.status}):\n${out.stdout}${out.stderr}`);
  }
  assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), [...entries].sort(), 'attw checked other entries than the exports');
  const problems = report.analysis.problems.filter(
    (p) => !(p.kind === 'CJSResolvesToESM' && esmOnly.includes(p.entrypoint)),
  );
  if (problems.length > 0) {
    const table = run('attw', [...args, '--format', 'table-flipped']).stdout;
    // Most problems name an entry and a resolution mode; FalseESM/FalseCJS name the two files.
    const where = (p) => p.entrypoint ? `${p.entrypoint} (${p.resolutionKind})` : `${p.typesFileName ?? ''} for ${p.implementationFileName ?? ''}`;
    const listed = problems.map((p) => `${p.kind}: ${where(p)}`);
    assert.fail(
      `attw finds problems:\n  ${listed.join('\n  ')}\n${table}`,
    );
  }
});

test('publint: no error, warning or suggestion', () => {
  const out = run('publint', ['run', tarballPath(), '--level', 'suggestion']);
  assert.equal(out.status, 0, `publint failed:\n${out.stdout}${out.stderr}`);
  assert.match(out.stdout, /All good!/, `publint reports:\n${out.stdout}${out.stderr}`);
});
