import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * How the user runs whydenied, for the commands of its own it prints: `npx whydenied` when npm started
 * it (`npx`, `npm exec`, an npm script: the `.bin` folder is on the PATH only for that run) or when no
 * `whydenied` is on the PATH (started as `node …/bin/whydenied.js`), else `whydenied`.
 * @see https://docs.npmjs.com/cli/v10/commands/npm-exec
 * @see https://docs.npmjs.com/cli/v10/using-npm/scripts#environment
 */
export function invocationOf(env: Readonly<Record<string, string | undefined>>): string {
  if (env.npm_command !== undefined || env.npm_lifecycle_event !== undefined) return 'npx whydenied';
  return onPath(env) ? 'whydenied' : 'npx whydenied';
}

/** Whether a `whydenied` executable is in one of the PATH's directories. */
function onPath(env: Readonly<Record<string, string | undefined>>): boolean {
  const path = env.PATH ?? env.Path ?? '';
  const names = process.platform === 'win32' ? ['whydenied.cmd', 'whydenied.exe'] : ['whydenied'];
  return path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => names.some((name) => isFile(join(dir, name))));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
