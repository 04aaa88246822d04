import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCaseTable, readCorpus } from '../../test/case-table.js';
import { labelledFieldsOf as fieldsOf, hardWrap, LABELLED_FIELDS } from '../../test/hard-wrap.js';
import type { ErrorReading } from './failure.js';
import { readError } from './read-error.js';
import { unwrapLines } from './unwrap-lines.js';

const FIELDS = LABELLED_FIELDS;

type Field = (typeof FIELDS)[number];

interface WrappedCase {
  readonly name: string;
  /** Where the text, or the message a synthetic case wraps, was found. */
  readonly source: string;
  readonly input: { readonly text: string };
  readonly expected: Partial<Record<Field, unknown>> & { readonly otherFailures?: number };
}

const cases = loadCaseTable<WrappedCase>(new URL('./cases/wrapped.cases.json', import.meta.url), {
  top: ['name', 'source', 'input', 'expected'],
  input: ['text'],
  expected: [...FIELDS, 'otherFailures'],
});

function project(reading: ErrorReading, expected: WrappedCase['expected']): Record<string, unknown> {
  const all: Record<string, unknown> = {
    kind: reading.kind,
    ...reading.failure,
    otherFailures: reading.otherFailures,
  };
  return Object.fromEntries(Object.keys(expected).map((k) => [k, all[k]]));
}

describe('readError on wrapped text (issue 11, shape 1), each case from a public source', () => {
  it('names a source for every case', () => {
    for (const c of cases) {
      expect(c.source, c.name).toMatch(/^https:\/\/\S+$/);
    }
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = readError(c.input.text);
    if (!result.ok) {
      throw new Error(`${c.name}: expected a reading, got \`${result.diagnostics[0]?.code}\``);
    }
    expect(project(result.value, c.expected)).toEqual(c.expected);
  });
});

describe('readError on hard-wrapped corpus errors', () => {
  const corpus = readCorpus().map((entry) => entry.text);
  const plain = corpus.map((text) => fieldsOf(text));

  it('reads the same labelled fields at any width from 40 to 200, with and without a hanging indent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.integer({ min: 40, max: 200 }),
        // hanging indents are even in practice; an odd one is told from a text space only with two rows
        fc.constantFrom(0, 0, 2, 4, 8),
        (i, width, indent) => {
          expect(fieldsOf(hardWrap(corpus[i] ?? '', width, indent))).toEqual(plain[i]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('unwrapLines', () => {
  it('leaves a text without line breaks as it is', () => {
    const text = 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject';
    expect(unwrapLines(text)).toBe(text);
  });

  it('undoes a hard wrap exactly, hanging indent included', () => {
    const text =
      'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:sts::111122223333:assumed-role/deploy/ci is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::reports" because no identity-based policy allows the s3:ListBucket action';
    for (const [width, indent] of [
      [60, 0],
      [77, 4],
      [120, 2],
    ] as const) {
      expect(unwrapLines(hardWrap(text, width, indent))).toBe(text);
    }
  });

  it('keeps the lines of two messages apart', () => {
    const first =
      'User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:volume/* because no identity-based policy allows the ec2:RunInstances action';
    const second =
      'User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:111122223333:instance/* because no identity-based policy allows the ec2:CreateTags action';
    expect(unwrapLines(`${first}\n${second}`)).toBe(`${first}\n${second}`);
    expect(unwrapLines(`${first}\n${first}\n${first}`)).toBe(`${first}\n${first}\n${first}`);
  });

  it('gives a space back where a soft wrap dropped it inside a phrase', () => {
    expect(
      unwrapLines('User:\narn:aws:iam::111122223333:user/alice is not authorized to\nperform: s3:GetObject'),
    ).toBe('User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject');
  });

  it('keeps the fields of an indented dump apart after its longest line', () => {
    const text =
      '{\n  "errors": [\n    {\n      "message": "Access to requested resource is denied.",\n     "code": "Unauthorized",\n     "details": ""\n    }\n  ]\n}';
    expect(unwrapLines(text)).toBe(text);
  });

  it('never joins a time-stamped or log-level line', () => {
    const text = `${'x'.repeat(80)}\n2025-06-27T10:33:39Z retrying\n${'y'.repeat(80)}\n[ERROR] failed`;
    expect(unwrapLines(text)).toBe(text);
  });
});
