// Runs a command in the scratch project and captures everything it prints.
import { spawnSync } from 'node:child_process';
import { projectDir } from './scratch.mjs';

/**
 * Runs `command args` in the scratch project, without colours.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env] Extra environment variables.
 * @returns {{ status: number | null, output: string }} stdout and stderr together.
 */
export function run(command, args, env = {}) {
  const base = { ...process.env };
  // node --test marks its children so they report to it; the runs here are independent.
  delete base.NODE_TEST_CONTEXT;
  const result = spawnSync(command, args, {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...base, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true', ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A binary of the scratch project's node_modules/.bin.
 * @param {string} name
 * @returns {string}
 */
export function bin(name) {
  return `${projectDir}/node_modules/.bin/${name}`;
}
