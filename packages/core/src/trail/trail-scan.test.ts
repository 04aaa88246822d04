import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encoder, FILTER, RECORDS } from '../../test/trail-records.js';
import { readTrailDenial } from './trail-denial.js';
import { createTrailGrouping } from './trail-groups.js';
import { createTrailScan, looksLikeTrailLog } from './trail-scan.js';

/** The log's bytes scanned in the chunks `cuts` makes: the groups (examples parsed) and counts. */
function scanned(text: string, cuts: readonly number[]) {
  const grouping = createTrailGrouping();
  const scan = createTrailScan({ filter: FILTER, grouping, decode, source: 'log' });
  const bytes = encoder.encode(text);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    const problem = scan.push(bytes.subarray(at, cut));
    if (problem !== null) return { problem };
    at = cut;
  }
  const problem = scan.end();
  if (problem !== null) return { problem };
  return {
    counts: scan.counts(),
    groups: grouping.groups().map(({ example, exampleAt, ...g }) => ({
      ...g,
      example: example === null ? null : (JSON.parse(example) as unknown),
    })),
  };
}

/** The same records read one by one with the reader and the grouping, the obvious way. */
function byHand() {
  const grouping = createTrailGrouping();
  let denials = 0;
  for (const record of RECORDS) {
    const reading = readTrailDenial(record);
    if (!reading.ok) continue;
    denials += 1;
    grouping.add(reading.denial, JSON.stringify(record));
  }
  return {
    counts: {
      records: RECORDS.length,
      failed: RECORDS.filter((r) => typeof r.errorCode === 'string').length,
      denials,
    },
    groups: grouping.groups().map(({ example, exampleAt, ...g }) => ({
      ...g,
      example: example === null ? null : (JSON.parse(example) as unknown),
    })),
  };
}

const LAYOUTS: Readonly<Record<string, string>> = {
  'a Records file': JSON.stringify({ Records: RECORDS }),
  'a pretty-printed Records file': JSON.stringify({ Records: RECORDS }, null, 2),
  'JSON Lines': RECORDS.map((r) => JSON.stringify(r)).join('\n'),
};

describe('createTrailScan', () => {
  const expected = byHand();

  for (const [name, text] of Object.entries(LAYOUTS)) {
    it(`reads ${name} into the grouping of its records read one by one, however the bytes are cut`, () => {
      fc.assert(
        fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 40 }), (cuts) => {
          expect(scanned(text, cuts)).toEqual(expected);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('names where a group example is: the source, and its record line and column', () => {
    const grouping = createTrailGrouping();
    const scan = createTrailScan({ filter: FILTER, grouping, decode, source: 'a.ndjson' });
    const text = RECORDS.map((r) => JSON.stringify(r)).join('\n');
    expect(scan.push(encoder.encode(text))).toBeNull();
    expect(scan.end()).toBeNull();
    for (const g of grouping.groups()) {
      expect(g.exampleAt?.source).toBe('a.ndjson');
      expect(g.exampleAt?.column).toBe(1);
      const line = text.split('\n')[(g.exampleAt?.line ?? 0) - 1];
      expect(line).toBe(g.example);
    }
  });

  it('places a failed record that is no JSON at its line and column in the log', () => {
    const text = `${JSON.stringify(RECORDS[0])}\n  {"eventSource": "s3.amazonaws.com", "errorCode": tru}\n`;
    const result = scanned(text, []);
    expect(result.problem).toMatchObject({ code: 'bad-json', line: 2 });
    expect(result.problem?.column).toBeGreaterThan(3);
  });
});

const HEADS: readonly (readonly [string, string, boolean])[] = [
  ['a Records file', JSON.stringify({ Records: RECORDS }), true],
  ['JSON Lines', RECORDS.map((r) => JSON.stringify(r)).join('\n'), true],
  ['an array of records', JSON.stringify(RECORDS), true],
  ['a head cut inside the second record', JSON.stringify({ Records: RECORDS }).slice(0, 2000), true],
  ['a head cut inside the first record', JSON.stringify({ Records: RECORDS }).slice(0, 40), false],
  ['a policy', '{"Version": "2012-10-17", "Statement": []}', false],
  [
    'records without eventVersion',
    JSON.stringify({ Records: [{ eventSource: 'x', eventName: 'y' }] }),
    false,
  ],
  [
    'an error message',
    'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject',
    false,
  ],
  ['nothing', '', false],
];

describe('looksLikeTrailLog', () => {
  for (const [name, text, trail] of HEADS) {
    it(`${name}: ${trail ? 'a log' : 'not a log'}`, () => {
      expect(looksLikeTrailLog(encoder.encode(text), decode)).toBe(trail);
    });
  }
});
