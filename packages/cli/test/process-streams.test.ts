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

/** A simulate batch of many requests: megabytes of answers. */
function bigBatch(): string {
  const file = join(tmpdir(), `whydenied-batch-${process.pid}.jsonl`);
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  };
  const line = (i: number) =>
    JSON.stringify({
      request: {
        principal: 'arn:aws:iam::111122223333:user/a',
        action: 's3:GetObject',
        resource: `arn:aws:s3:::b/${i}`,
      },
      identityPolicies: [{ name: 'P', document: policy }],
    });
  writeFileSync(file, Array.from({ length: 20_000 }, (_, i) => line(i)).join('\n'));
  return file;
}

/** A policy with thousands of lint findings. */
function manyFindings(): string {
  const file = join(tmpdir(), `whydenied-findings-${process.pid}.json`);
  const statements = Array.from({ length: 20_000 }, (_, i) => ({
    Effect: 'Allow',
    Action: `s3:GetObjectz${i}`,
    Resource: '*',
  }));
  writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  return file;
}

/** Runs the CLI, closes its standard output after the first chunk (`| head -1`), and returns what it said. */
async function readFirstChunk(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { status, stderr };
}

describe('the process writing its answer', () => {
  it.each([
    ['redact', () => ['redact', bigInput()]],
    ['simulate (text)', () => ['simulate', '--case', bigBatch()]],
    ['simulate (JSON Lines)', () => ['simulate', '--format', 'json', '--case', bigBatch()]],
    ['lint', () => ['lint', manyFindings()]],
  ])('%s ends quietly when the reader goes away (`| head -1`)', async (_name, args) => {
    expect(await readFirstChunk(args())).toEqual({ status: 0, stderr: '' });
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
