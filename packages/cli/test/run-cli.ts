import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The repository root, where the CLI runs in the README. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/whydenied.js', import.meta.url));

/** What one run of the built CLI printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI (`npm run build` precedes the tests) in the repository root; `env` replaces the
 * inherited environment's variables it names (an `undefined` one is left out).
 */
export function runCli(
  args: readonly string[],
  stdin?: string,
  env: Readonly<Record<string, string | undefined>> = {},
): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One end-to-end case of a table: arguments, expected exit code, JSON fields and error line. */
export interface CliCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly exit: number;
  /** Fields of the JSON output (dotted paths) and their expected values. */
  readonly json?: Readonly<Record<string, unknown>>;
  /** A pattern the single line on standard error must match. */
  readonly stderr?: RegExp;
}

/** Runs a case through the built CLI and checks it: exit code, nothing half-written, one error line, JSON fields. */
export function checkCliCase(c: CliCase): void {
  const run = runCli(c.args, c.stdin);
  expect(run.status, run.stderr).toBe(c.exit);
  if (c.exit !== 0) {
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
  if (c.stderr !== undefined) {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(c.stderr);
  }
  if (c.json !== undefined) {
    const output: unknown = JSON.parse(run.stdout);
    for (const [path, expected] of Object.entries(c.json)) {
      expect(valueAt(output, path), path).toEqual(expected);
    }
  }
}

/** The value at a dotted path (`findings.0.layer`) of parsed JSON. */
export function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}
