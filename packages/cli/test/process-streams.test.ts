import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const BIN = fileURLToPath(new URL('../bin/whydenied.js', import.meta.url));

/** An input whose redacted copy is megabytes long: more than a pipe holds, so writing blocks. */
function bigInput(): string {
  const file = join(tmpdir(), `whydenied-big-${process.pid}.txt`);
  writeFileSync(file, 'arn:aws:iam::111122223333:role/app 10.0.0.1\n'.repeat(60_000));
  return file;
}

describe('the process writing its answer', () => {
  it('ends quietly when the reader goes away (`| head -1`)', async () => {
    const child = spawn(process.execPath, [BIN, 'redact', bigInput()], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it.runIf(existsSync('/dev/full'))('says in one line that a full disk took the answer, exit 1', () => {
    const r = spawnSync(
      '/bin/sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" diagnose --error examples/errors/runinstances-passrole.txt > /dev/full`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'whydenied: cannot write the output: no space left on the device',
    ]);
  });
});
