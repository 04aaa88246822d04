import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordSplitter, type SplitProblem } from './record-splitter.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Split {
  readonly records: { text: string; failed: boolean; line: number; column: number }[];
  readonly problem: SplitProblem | null;
}

/** A splitter that keeps each record it gives as text, with whether it failed and where it starts. */
function collectingSplitter() {
  const records: Split['records'] = [];
  const splitter = createRecordSplitter({
    onRecord: (bytes, start, end, failed, at) => {
      records.push({
        text: decoder.decode(bytes.subarray(start, end)),
        failed,
        line: at.line,
        column: at.column,
      });
    },
  });
  return { records, splitter };
}

/** Splits `text` fed in chunks of `size` bytes. */
function split(text: string, size = 1 << 16): Split {
  const { records, splitter } = collectingSplitter();
  const bytes = encoder.encode(text);
  for (let at = 0; at < bytes.length; at += size) {
    const problem = splitter.push(bytes.subarray(at, at + size));
    if (problem !== null) return { records, problem };
  }
  return { records, problem: splitter.end() };
}

const ok = {
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  note: 'a } and ] and \\" in a string { [',
};
const denied = {
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  errorCode: 'AccessDenied',
  requestParameters: { Records: [1], errorCode: 'nested, not the record' },
};
const nestedOnly = {
  eventSource: 'ec2.amazonaws.com',
  eventName: 'X',
  additionalEventData: { errorCode: 'x' },
};
const RECORDS = [ok, denied, nestedOnly];
const TEXTS = RECORDS.map((r) => JSON.stringify(r));
const FAILED = [false, true, false];

const LAYOUTS: Readonly<Record<string, string>> = {
  'a Records file': JSON.stringify({ Records: RECORDS }),
  'a pretty-printed Records file': JSON.stringify({ Records: RECORDS }, null, 2),
  'a Records file with other keys around': `{"a": {"Records": 1}, "Records": ${JSON.stringify(RECORDS)}, "z": [{}]}`,
  'a byte order mark': `\ufeff${JSON.stringify({ Records: RECORDS })}`,
  'an array of records': JSON.stringify(RECORDS),
  'JSON Lines': `${TEXTS.join('\n')}\n`,
  'JSON Lines with CRLF and blank lines': `${TEXTS.join('\r\n\r\n')}\r\n`,
};

describe('record splitter', () => {
  for (const [name, text] of Object.entries(LAYOUTS)) {
    it(`reads every record of ${name}, in chunks of any size`, () => {
      for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
        const result = split(text, size);
        expect(result.problem).toBeNull();
        expect(result.records.map((r) => JSON.parse(r.text))).toEqual(RECORDS);
        expect(result.records.map((r) => r.failed)).toEqual(FAILED);
      }
    });
  }

  it('a single record file is one record', () => {
    const result = split(JSON.stringify(denied, null, 2));
    expect(result.records.map((r) => [JSON.parse(r.text), r.failed])).toEqual([[denied, true]]);
  });

  it('gives each record its line and column', () => {
    const result = split(`\n  ${TEXTS[0]}\n${TEXTS[1]}`);
    expect(result.records.map((r) => [r.line, r.column])).toEqual([
      [2, 3],
      [3, 1],
    ]);
  });

  const PROBLEMS: readonly (readonly [string, string, Partial<SplitProblem>])[] = [
    ['text that is no JSON', 'hello', { code: 'bad-json', line: 1, column: 1 }],
    ['a record cut off', `{"Records": [${TEXTS[0]}, {"eventSource": "s3`, { code: 'bad-json' }],
    ['a closer that does not match', `\n\n  {"a": [}`, { code: 'bad-json', line: 3, column: 10 }],
    ['a number among the records', '{"Records": [[1]]}', { code: 'bad-json', line: 1, column: 14 }],
    ['a comma between top-level records', `${TEXTS[0]},${TEXTS[1]}`, { code: 'bad-json' }],
    ['nesting beyond the limit', `{"a": ${'['.repeat(600)}`, { code: 'too-deep' }],
  ];
  for (const [name, text, problem] of PROBLEMS) {
    it(`reports ${name} with its position`, () => {
      expect(split(text, 5).problem).toMatchObject(problem);
    });
  }

  it('refuses a record larger than the limit', () => {
    const splitter = createRecordSplitter({ onRecord: () => undefined, maxRecordBytes: 100 });
    expect(splitter.push(encoder.encode(`{"Records": [{"a": "${'x'.repeat(200)}`))).toMatchObject({
      code: 'record-too-large',
    });
  });
});

describe('record splitter, any records in any chunks', () => {
  /** Keys the splitter watches, keys that look like them, and any other key. */
  const key = fc.oneof(
    fc.constantFrom('errorCode', 'Records', 'errorcode', 'errorCode2', 'error', 'eventSource'),
    fc.string(),
  );
  /** Strings with quotes, backslashes, brackets and text beyond ASCII, escaped by JSON.stringify. */
  const text = fc.string({
    unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', 'a', 'é', '😀', '\n'),
  });
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    text,
    fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })),
  );
  const record = fc.dictionary(key, value, { maxKeys: 8 });
  const layouts = {
    records: (rs: unknown[]) => JSON.stringify({ Records: rs }),
    pretty: (rs: unknown[]) => JSON.stringify({ Records: rs }, null, 2),
    array: (rs: unknown[]) => JSON.stringify(rs),
    lines: (rs: unknown[]) => rs.map((r) => JSON.stringify(r)).join('\n'),
  };

  /** Node's Buffer: `slice` is a view, not a copy. */
  class ViewSlicing extends Uint8Array {
    override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
      return this.subarray(start, end);
    }
  }

  /** Splits `text` pushed in chunks of `size` bytes through one buffer, overwritten after each push. */
  function splitReusing(text: string, size: number): Split {
    const { records, splitter } = collectingSplitter();
    const bytes = encoder.encode(text);
    const reused = new ViewSlicing(size);
    for (let at = 0; at < bytes.length; at += size) {
      const piece = bytes.subarray(at, at + size);
      reused.set(piece);
      const problem = splitter.push(reused.subarray(0, piece.length));
      reused.fill(0x7b);
      if (problem !== null) return { records, problem };
    }
    return { records, problem: splitter.end() };
  }

  it('gives the records JSON.parse gives, failed exactly when the record has its own errorCode', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.constantFrom(...(Object.keys(layouts) as (keyof typeof layouts)[])),
        fc.integer({ min: 1, max: 40 }),
        (rs, layout, size) => {
          // a top-level `{"Records": [...]}` is the wrapper, not a record, wherever it stands
          fc.pre(layout !== 'lines' || rs.every((r) => !Array.isArray(r.Records)));
          const text = layouts[layout](rs);
          const result = split(text, size);
          expect(result.problem).toBeNull();
          const expected = JSON.parse(JSON.stringify(rs)) as Record<string, unknown>[];
          expect(result.records.map((r) => JSON.parse(r.text))).toEqual(expected);
          expect(result.records.map((r) => r.failed)).toEqual(
            expected.map((r) => Object.hasOwn(r, 'errorCode')),
          );
          // the same when the caller reuses its chunks' memory
          expect(splitReusing(text, size)).toEqual(result);
        },
      ),
    );
  });
});
