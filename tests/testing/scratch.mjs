// Prepares target/testing-runners/: a project that installs the packed
// servicer-events next to pinned Vitest, Jest and TypeScript, as a user would.
// Installs are cached: the runners are reinstalled (npm ci) only when the
// project's package.json or lockfile changes, the package only when the
// tarball does. A lock directory keeps parallel test files from racing.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The scratch project (git ignores target/). */
export const projectDir = join(root, 'target', 'testing-runners');
const template = join(root, 'tests', 'testing', 'project');

/**
 * The packed package to test: $SERVICER_EVENTS_TGZ, or the one scripts/build.sh made.
 * @returns {string}
 */
export function tarballPath() {
  if (process.env.SERVICER_EVENTS_TGZ) return process.env.SERVICER_EVENTS_TGZ;
  const { version } = JSON.parse(readFileSync(join(root, 'pkg', 'package.json'), 'utf8'));
  return join(root, 'target', 'pack', `servicer-events-${version}.tgz`);
}

/**
 * Makes the scratch project ready and returns its directory.
 * @returns {Promise<string>}
 */
export async function prepareProject() {
  const tgz = tarballPath();
  if (!existsSync(tgz)) throw new Error(`${tgz} is missing: run bash scripts/build.sh first`);
  mkdirSync(join(root, 'target'), { recursive: true });
  const lock = `${projectDir}.lock`;
  await acquire(lock);
  try {
    // Start from the template alone (a renamed fixture must not linger), keeping node_modules.
    mkdirSync(projectDir, { recursive: true });
    for (const name of readdirSync(projectDir)) {
      if (name !== 'node_modules') rmSync(join(projectDir, name), { recursive: true, force: true });
    }
    cpSync(template, projectDir, { recursive: true });
    const modules = join(projectDir, 'node_modules');
    const deps = hash(readFileSync(join(template, 'package.json')), readFileSync(join(template, 'package-lock.json')));
    if (readStamp(modules, 'runners') !== deps) {
      npm(['ci']);
      writeStamp(modules, 'runners', deps);
    }
    const pkg = hash(readFileSync(tgz));
    if (readStamp(modules, 'package') !== pkg || !existsSync(join(modules, 'servicer-events', 'package.json'))) {
      npm(['install', '--no-save', tgz]);
      writeStamp(modules, 'package', pkg);
    }
    return projectDir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function npm(args) {
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: projectDir, stdio: ['ignore', 2, 2] });
}

async function acquire(lock) {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock older than ten minutes was left by a killed run.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 900_000) throw new Error(`${lock} held for 15 minutes`);
      await sleep(500);
    }
  }
}

function hash(...parts) {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex');
}

function readStamp(modules, name) {
  const file = join(modules, `.servicer-events-${name}.stamp`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function writeStamp(modules, name, value) {
  writeFileSync(join(modules, `.servicer-events-${name}.stamp`), value);
}
