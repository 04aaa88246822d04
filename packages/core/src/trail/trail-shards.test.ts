import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encoder, FILTER, RECORDS } from '../../test/trail-records.js';
import { createTrailGrouping } from './trail-groups.js';
import { createTrailScan } from './trail-scan.js';
import {
  evenCuts,
  joinTrailShards,
  planTrailShards,
  recordsDepthOf,
  SHARD_WINDOW_BYTES,
  shardStartIn,
  type TrailShardResult,
} from './trail-shards.js';

/** Contents that look like a record's start to a guess made from the bytes after a cut. */
const ADVERSARIAL: readonly Record<string, unknown>[] = [
  {},
  { requestParameters: { note: ',{"eventVersion":"1.08","x":"\\"}' } },
  { additionalEventData: { items: [{ eventVersion: '1.08', eventSource: 'x' }, { eventVersion: '2' }] } },
  { requestParameters: { nested: { a: [[{ b: '}]},{' }]], c: '\\\\"' } } },
  { responseElements: { lines: 'one\ntwo\n{"eventVersion": "1.05"}\n' } },
];

interface Recipe {
  readonly record: number;
  readonly extra: number;
  readonly second: number;
}

/** The records of a generated log: cases with distinct event ids and times and adversarial contents. */
function recordsOf(recipes: readonly Recipe[]): Record<string, unknown>[] {
  return recipes.map((r, i) => {
    const { eventVersion, ...rest } = RECORDS[r.record % RECORDS.length] as Record<string, unknown>;
    return {
      eventVersion,
      ...rest,
      eventTime: `2026-01-10T12:00:${String(r.second % 60).padStart(2, '0')}Z`,
      eventID: `event-${i % 7}-${r.second}`,
      ...ADVERSARIAL[r.extra % ADVERSARIAL.length],
    };
  });
}

const LAYOUTS: Readonly<Record<string, (records: Record<string, unknown>[]) => string>> = {
  'a Records file': (records) => JSON.stringify({ Records: records }),
  'a pretty-printed Records file': (records) => JSON.stringify({ Records: records }, null, 2),
  'an array of records': (records) => JSON.stringify(records),
  'JSON Lines': (records) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`,
  'pretty records one after another': (records) => records.map((r) => JSON.stringify(r, null, 1)).join('\n'),
};

function groupsOf(grouping: ReturnType<typeof createTrailGrouping>) {
  return grouping.groups();
}

/** The log scanned from its start in one pass: groups and record count. */
function sequential(bytes: Uint8Array) {
  const grouping = createTrailGrouping();
  const scan = createTrailScan({ filter: FILTER, grouping, decode, source: 'log' });
  expect(scan.push(bytes)).toBeNull();
  expect(scan.end()).toBeNull();
  return { groups: groupsOf(grouping), records: scan.counts().records };
}

/**
 * The log cut near `cuts`, each shard scanned on its own (in `chunk`-byte pushes) from its assumed
 * state, joined; a seam that disagrees falls back to the sequential scan, as `trail` does.
 */
function sharded(bytes: Uint8Array, cuts: readonly number[], chunk: number) {
  const plan = planTrailShards(bytes.subarray(0, 1 << 16), bytes.length, cuts, (offset) =>
    bytes.subarray(offset, offset + SHARD_WINDOW_BYTES),
  );
  if (plan === null) return { ...sequential(bytes), joined: false };
  let records = 0;
  const results: TrailShardResult[] = plan.starts.map((start, k) => {
    const end = plan.starts[k + 1] ?? bytes.length;
    const grouping = createTrailGrouping();
    const scan = createTrailScan({
      filter: FILTER,
      grouping,
      decode,
      source: 'log',
      ...(k === 0 ? {} : { resume: { recordsDepth: plan.recordsDepth, offset: start } }),
    });
    for (let at = start; at < end; at += chunk) {
      if (scan.push(bytes.subarray(at, Math.min(end, at + chunk))) !== null) return { groups: [], end: null };
    }
    if (k === plan.starts.length - 1 && scan.end() !== null) return { groups: [], end: null };
    records += scan.counts().records;
    return { groups: grouping.groups(), end: scan.shardEnd() };
  });
  const grouping = createTrailGrouping();
  if (!joinTrailShards(plan, results, grouping)) return { ...sequential(bytes), joined: false };
  return { groups: groupsOf(grouping), records, joined: true };
}

const recipe = fc.record({
  record: fc.nat({ max: 100 }),
  extra: fc.nat({ max: 100 }),
  second: fc.nat({ max: 59 }),
});

describe('a log scanned in shards', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: the groups (examples and their places included) and counts of one scan from the start, wherever it is cut`, () => {
      let joined = 0;
      fc.assert(
        fc.property(
          fc.array(recipe, { minLength: 1, maxLength: 30 }),
          fc.array(fc.nat({ max: 9999 }), { minLength: 1, maxLength: 5 }),
          fc.constantFrom(7, 333, 1 << 20),
          (recipes, fractions, chunk) => {
            const bytes = encoder.encode(layout(recordsOf(recipes)));
            // half the cuts anywhere, half just before a `{` (a record's, or a nested object's)
            const opens: number[] = [];
            bytes.forEach((b, i) => {
              if (b === 0x7b) opens.push(i);
            });
            const cuts = fractions.map((f, i) =>
              i % 2 === 0
                ? Math.floor((f * bytes.length) / 1e4)
                : (opens[Math.floor((f * opens.length) / 1e4)] ?? 0),
            );
            const whole = sequential(bytes);
            const parts = sharded(bytes, cuts, chunk);
            if (parts.joined) joined += 1;
            expect(parts.groups).toEqual(whole.groups);
            expect(parts.records).toBe(whole.records);
          },
        ),
        { numRuns: 120 },
      );
      // most cuts find a record start whose seam holds
      expect(joined).toBeGreaterThan(0);
    });
  }
});

interface SeamCase {
  readonly name: string;
  readonly text: string;
  /** Where the log is cut (a string found in it: the cut falls just before). */
  readonly cutBefore: string;
  /** A second cut, just before the last place this string is found. */
  readonly cutAlsoBefore?: string;
  readonly joined: boolean;
}

const R = (extra: string) =>
  `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventID":"e"${extra}}`;

const SEAMS: readonly SeamCase[] = [
  {
    name: 'a cut between records joins',
    text: `{"Records":[${R('')},${R('')},${R('')}]}`,
    cutBefore: ',{"eventVersion"',
    joined: true,
  },
  {
    name: 'a cut before a nested array of objects with eventVersion keys falls back',
    text: `{"Records":[${R(',"x":[{"eventVersion":"1"},{"eventVersion":"2"}]')},${R('')}]}`,
    cutBefore: '[{"eventVersion":"1"}',
    joined: false,
  },
  {
    name: 'cuts around a nested array of objects: the shard in between ends outside the records array',
    text: `{"Records":[${R(',"errorCode":"AccessDenied","x":[{"eventVersion":"1"}]')},${R('')}]}`,
    cutBefore: '[{"eventVersion":"1"}',
    cutAlsoBefore: ',{"eventVersion":"1.08"',
    joined: false,
  },
  {
    name: 'a cut inside a string holding a record start: the escaped quotes are no record start',
    text: `{"Records":[${R(',"note":",{\\"eventVersion\\":\\"1\\"}"')},${R('')}]}`,
    cutBefore: ',{\\"eventVersion',
    joined: true,
  },
  {
    name: 'JSON Lines cut inside a line joins at the next line',
    text: `${R('')}\n${R('')}\n${R('')}\n`,
    cutBefore: '"eventName"',
    joined: true,
  },
  {
    name: 'records one after another: a nested object opening a line falls back',
    text: `{"eventVersion":"1","x":[\n{"a":1},\n{"b":2}]}\n${R('')}`,
    cutBefore: '"x"',
    joined: false,
  },
  {
    name: 'pretty records one after another: an indented object is no record start',
    text: `${JSON.stringify({ eventVersion: '1', x: [{ a: 1 }, { b: 2 }] }, null, 1)}\n${R('')}`,
    cutBefore: '"x"',
    joined: true,
  },
];

describe('the seams of a sharded scan', () => {
  for (const c of SEAMS) {
    it(c.name, () => {
      const bytes = encoder.encode(c.text);
      const at = (index: number) => encoder.encode(c.text.slice(0, index)).length;
      const cuts = [at(c.text.indexOf(c.cutBefore))];
      if (c.cutAlsoBefore !== undefined) cuts.push(at(c.text.lastIndexOf(c.cutAlsoBefore)));
      const result = sharded(bytes, cuts, 1 << 20);
      expect(result.joined).toBe(c.joined);
      expect(result.groups).toEqual(sequential(bytes).groups);
    });
  }

  // where each of two shards ended: between records at a depth (0: JSON Lines, 2: a Records file), elsewhere
  // (`null`), or not at all (a problem); only the last may end elsewhere than between records at the log's depth
  it.each([
    [null, 2, false],
    [0, 2, false],
    [2, 'none', false],
    [2, null, true],
  ] as const)(
    'joins the shards when the first ends at %s and the second at %s: %s',
    (first, second, joined) => {
      const plan = { recordsDepth: 2 as const, starts: [0, 10], size: 20 };
      const end = (between: 0 | 2 | null | 'none') =>
        between === 'none' ? null : { between, line: 1, lineStart: 0 };
      const shards = [
        { groups: [], end: end(first) },
        { groups: [], end: end(second) },
      ];
      expect(joinTrailShards(plan, shards, createTrailGrouping())).toBe(joined);
    },
  );

  it('tells the records depth from the head of each layout', () => {
    expect(recordsDepthOf(encoder.encode(`{"Records":[${R('')}`))).toBe(2);
    expect(recordsDepthOf(encoder.encode(`[${R('')}`))).toBe(1);
    expect(recordsDepthOf(encoder.encode(`${R('')}\n{`))).toBe(0);
    expect(recordsDepthOf(encoder.encode('{"Records":[{"eventVersion":'))).toBeNull();
  });

  it('guesses no record start where none is seen', () => {
    expect(shardStartIn(encoder.encode('"eventVersion":"1"}]}'), 2)).toBe(-1);
    expect(shardStartIn(encoder.encode('x"}\n'), 0)).toBe(-1);
  });

  it('cuts evenly', () => {
    expect(evenCuts(100, 4)).toEqual([25, 50, 75]);
    expect(evenCuts(100, 1)).toEqual([]);
  });
});
