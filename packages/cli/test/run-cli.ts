import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the CLI runs in the README. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/whydenied.js', import.meta.url));

/** What one run of the built CLI printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`npm run build` precedes the tests) in the repository root. */
export function runCli(args: readonly string[], stdin?: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
