import { describe, expect, it } from 'vitest';
import { createRecordSplitter, type SplitProblem } from './record-splitter.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Split {
  readonly records: { text: string; failed: boolean; line: number; column: number }[];
  readonly problem: SplitProblem | null;
}

/** Splits `text` fed in chunks of `size` bytes. */
function split(text: string, size = 1 << 16): Split {
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
