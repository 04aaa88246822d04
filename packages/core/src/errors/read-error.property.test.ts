import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../test/case-table.js';
import { findDenialSentences } from './denial-sentence.js';
import { splitArn } from './principal.js';
import { readError } from './read-error.js';

const corpus = readCorpus().map((e) => e.text);
const KINDS = new Set([
  'authorization',
  'authentication',
  'credential-type',
  'quota',
  'capacity',
  'opt-in',
  'not-shared',
  'kms-key-state',
  'ambiguous-kms',
  'throttling',
  'other',
]);

/** Invariants every reading holds, whatever the input. */
function assertWellFormed(text: string): void {
  const result = readError(text);
  if (!result.ok) {
    expect(typeof result.diagnostics[0]?.code).toBe('string');
    return;
  }
  const { failure, kind } = result.value;
  expect(KINDS.has(kind)).toBe(true);
  expect(typeof failure.hasEncodedMessage).toBe('boolean');
  if (failure.action !== null) {
    expect(failure.action).toContain(':');
    expect(failure.action.slice(0, failure.action.indexOf(':'))).toBe(
      failure.action.slice(0, failure.action.indexOf(':')).toLowerCase(),
    );
  }
  if (failure.reasonLayer !== null) {
    expect(failure.denyType).not.toBeNull();
  }
  expect(() => JSON.stringify(result.value)).not.toThrow();
}

/** That `variant` of `text` (framed, logged, stamped) reads as `text` does: the same facts, or no AWS error alike. */
function expectSameReading(text: string, variant: string): void {
  const plain = readError(text);
  const read = readError(variant);
  expect(read.ok).toBe(plain.ok);
  if (plain.ok && read.ok) {
    expect(read.value.failure).toEqual(plain.value.failure);
    expect(read.value.kind).toBe(plain.value.kind);
  }
}

const corpusText = fc.constantFrom(...corpus);

/** Mutations of real messages: cut, doubled, lines shuffled, spliced with another, noise inserted. */
const mutated = fc.oneof(
  fc.tuple(corpusText, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  corpusText.map((t) => t + t),
  fc.tuple(corpusText, fc.array(fc.nat())).map(([t, order]) => {
    const lines = t.split('\n');
    return order.map((i) => lines[i % lines.length]).join('\n');
  }),
  fc.tuple(corpusText, corpusText, fc.nat()).map(([a, b, n]) => a.slice(0, n % (a.length + 1)) + b),
  fc.tuple(corpusText, fc.string(), fc.nat()).map(([t, noise, n]) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + noise + t.slice(at);
  }),
);

describe('readError properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => assertWellFormed(s)),
      { numRuns: 1000 },
    );
  });

  it('never throws on strings built from error vocabulary', () => {
    const word = fc.constantFrom(
      'User: ',
      ' is not authorized to perform: ',
      'arn:aws:sts::111122223333:assumed-role/r/s',
      ' on resource: ',
      '"',
      '<',
      '>',
      ' because no ',
      'identity-based policy',
      ' allows the ',
      ' with an explicit deny in a ',
      ': ',
      'An error occurred (',
      ') when calling the ',
      ' operation',
      'Encoded authorization failure message: ',
      '\\n',
      '\\"',
      '\n',
      '…',
      '{',
      '}',
      '"errorMessage": "',
      '<Code>',
      '</Code>',
      'Client.',
      'AccessDenied',
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 60 }).map((w) => w.join('')),
        (s) => assertWellFormed(s),
      ),
      {
        numRuns: 2000,
      },
    );
  });

  it('never throws on mutated corpus messages', () => {
    fc.assert(
      fc.property(mutated, (s) => assertWellFormed(s)),
      { numRuns: 1500 },
    );
  });

  it('reads 1 MB inputs', () => {
    const MB = 1024 * 1024;
    for (const unit of [
      corpus.join('\n'),
      'User: ',
      'is not authorized to perform: ',
      '\\n\\"',
      '<',
      'AccessDenied: ',
    ]) {
      assertWellFormed(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB));
    }
  });

  it('keeps reading the same facts when unrelated lines surround the message', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(fc.constantFrom('INFO starting deploy', 'retrying in 2s', '---', ''), { maxLength: 5 }),
        (i, noise) => {
          const text = corpus[i] ?? '';
          expectSameReading(text, `${noise.join('\n')}\n${text}\n${noise.join('\n')}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same facts from a message logged as a JSON string, once or as Docker keeps that log line', () => {
    // (a logger's record holds the message as a string, its line breaks and quotes escaped; Docker's json-file driver
    // keeps each line of the container's output as a string again: https://docs.docker.com/engine/logging/drivers/json-file/)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.constantFrom('msg', 'message', 'error', 'err'),
        fc.boolean(),
        (i, key, docker) => {
          const text = corpus[i] ?? '';
          const record = JSON.stringify({ level: 'error', ts: 1714564800.123, [key]: text });
          const logged = docker ? JSON.stringify({ log: `${record}\n`, stream: 'stderr' }) : record;
          expectSameReading(text, logged);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads the same facts when a log's time stamp starts every line", () => {
    // (an application's stamp per record, or a collector's per line: a message logged line by line is one message)
    const stamps = [
      (i: number) => `2024-05-01 12:00:${String(i % 60).padStart(2, '0')},123 `,
      (i: number) => `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}.123Z `,
      (i: number) => `2024-05-01T12:00:${String(i % 60).padStart(2, '0')}.1234567Z `,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.integer({ min: 0, max: stamps.length - 1 }),
        (i, which) => {
          const text = corpus[i] ?? '';
          const stamp = stamps[which] ?? ((n: number) => String(n));
          const stamped = text
            .split('\n')
            .map((line, n) => `${stamp(n)}${line}`)
            .join('\n');
          expectSameReading(text, stamped);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a denial sentence for any ARN-shaped principal, action and resource', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{1,20}$/);
    fc.assert(
      fc.property(segment, segment, segment, fc.stringMatching(/^\d{12}$/), (role, session, key, account) => {
        const principal = `arn:aws:sts::${account}:assumed-role/${role}/${session}`;
        const resource = `arn:aws:s3:::bkt/${key}`;
        const [s] = findDenialSentences(
          `User: ${principal} is not authorized to perform: s3:GetObject on resource: "${resource}" because no identity-based policy allows the s3:GetObject action`,
        );
        expect(s?.principal).toBe(principal);
        expect(s?.resource).toBe(resource);
        expect(s?.reasonLayer).toBe('identity');
      }),
      { numRuns: 500 },
    );
  });

  it('splits any ARN back into the parts it was built from', () => {
    const field = fc.stringMatching(/^[a-z0-9-]{0,12}$/);
    fc.assert(
      fc.property(
        field,
        field,
        field,
        field,
        fc.string({ maxLength: 40 }),
        (partition, service, region, account, resource) => {
          expect(splitArn(`arn:${partition}:${service}:${region}:${account}:${resource}`)).toEqual({
            partition,
            service,
            region,
            account,
            resource,
          });
        },
      ),
    );
  });
});
