/**
 * Every command's input reader against arbitrary bytes (issue 12): whatever it is given, a command
 * ends with an exit code of the contract (0 ran, 1 unusable input, 2 wrong usage), a refusal is one
 * line on standard error, and nothing ever shows a stack trace. The CLI runs in-process (`run` with
 * injected streams), so hundreds of inputs take seconds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../src/main.js';

/** What one in-process run printed and returned. */
interface InProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process with `stdin` as standard input; a thrown error fails the property. */
async function runInProcess(args: readonly string[], stdin: Uint8Array): Promise<InProcessRun> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const stdout = collect();
  const stderr = collect();
  const status = await run(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { NO_COLOR: '1' },
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

const DIR = mkdtempSync(join(tmpdir(), 'whydenied-readers-'));
const POLICY = join(DIR, 'policy.json');
writeFileSync(
  POLICY,
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  }),
);

/** Each command reading standard input (`-`), in the place it reads it. */
const COMMANDS: readonly (readonly string[])[] = [
  ['diagnose', '--format', 'json', '-'],
  ['diagnose', '--account', '-', 'Access Denied'],
  ['diagnose', '--decoded', '-', 'Access Denied'],
  ['diagnose', '--org', '-', 'Access Denied'],
  ['diagnose', '--resource-policy', 'arn:aws:s3:::b=-', 'Access Denied'],
  ['explain', '-'],
  ['lint', '-'],
  ['compare', '-', POLICY],
  ['redact', '-'],
  ['redact', '--use-map', '-', POLICY],
  ['simulate', '--case', '-'],
];

/** Pieces of the inputs these commands read, so that arbitrary input often gets past the first check. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  '\u0000',
  '\u001b[31m',
  '\u001b]8;;x\u0007',
  '\n',
  ' ',
  '=',
  '*',
  '?',
  '"Version":"2012-10-17"',
  '"Statement":',
  '"Effect":"Allow"',
  '"Action":"s3:G*"',
  '"Resource":"*?a"',
  '"Condition":{"BinaryEquals":{"aws:x":"==x"}}',
  '"Principal":"*"',
  '"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject"}',
  '"identityPolicies":',
  '"context":{"__proto__":["a",1],"constructor":"x"}',
  '"allowed":false',
  '"DecodedMessage":',
  '"UserDetailList":[',
  '"Records":[{"eventName":"GetObject","errorCode":"AccessDenied"}]',
  '"targets":{"111122223333":["r-ab12"]},"policies":[]',
  '"entries":[',
  'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject',
  ' on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action',
  'An error occurred (AccessDenied) when calling the GetObject operation: ',
  'Encoded authorization failure message: ',
  '%7B%22',
  'null',
  'true',
  '1e999',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/**
 * Arbitrary bytes; text built from the pieces above with arbitrary characters between them; or such
 * text with one piece repeated tens of thousands of times inside (deep nesting, long patterns, long
 * runs of padding: what overflowed the stack or took quadratic time).
 */
const input: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  text.map((t) => new TextEncoder().encode(t)),
  fc
    .tuple(
      text,
      fc.constantFrom('[', '{"a":', 'G*', '=', '"s3:G*",', ' '),
      fc.integer({ min: 1000, max: 80_000 }),
      text,
    )
    .map(([before, piece, times, after]) => new TextEncoder().encode(before + piece.repeat(times) + after)),
);

describe('every command reading arbitrary bytes', () => {
  it.each(COMMANDS.map((args) => ({ name: args.join(' '), args })))(
    '$name: exit 0, 1 or 2, one line when refused, no stack trace',
    async ({ args }) => {
      await fc.assert(
        fc.asyncProperty(input, async (bytes) => {
          const r = await runInProcess(args, bytes);
          expect([0, 1, 2]).toContain(r.status);
          expect(r.stderr).not.toMatch(/\n\s+at /);
          if (r.status !== 0) {
            expect(r.stdout).toBe('');
            expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(r.status === 2 ? 2 : 1);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
