// The trail worker's streaming function in Node (web streams and DecompressionStream as in the page):
// every layout and gzip give the groups of core's grouping over the same records, in one scan or across
// files; CloudTrail logs are told from other files by content; a log that cannot be read is one line
// naming it; progress reaches the total.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  compileTrailFilter,
  createTrailGrouping,
  readTrailDenial,
  type TrailFilterOptions,
} from '@whydenied/core/trail';
import { describe, expect, it } from 'vitest';
import { isTrailFile, scanTrailFiles } from '../src/trail/scan-files.js';
import { ACCOUNT_FILE, ERROR_FILE, ROOT } from './browser.js';

/** The records of core's grouping table, repeated with fresh event ids. */
const table = JSON.parse(
  readFileSync(join(ROOT, 'packages/core/src/trail/cases/trail.cases.json'), 'utf8'),
) as { records: Record<string, Record<string, unknown>> };
const RECORDS = Array.from({ length: 30 }, (_, copy) =>
  Object.values(table.records).map((r) => ({ ...r, eventID: `${copy}-${String(r.eventID)}` })),
).flat();

/** The groups core's own functions give for the records, read one by one. */
function coreGroups(records: readonly Record<string, unknown>[], options: TrailFilterOptions = {}) {
  const filter = compileTrailFilter(options);
  if (!filter.ok) throw new Error(filter.problem.message);
  const grouping = createTrailGrouping({ examples: 5 });
  for (const record of records) {
    const reading = readTrailDenial(record);
    if (reading.ok && filter.value.keeps(reading.denial))
      grouping.add(reading.denial, JSON.stringify(record));
  }
  return grouping.groups();
}

/** A group with its example record parsed, and without where that record is (each reader names it). */
function withParsedExample<T extends { readonly example: string | null; readonly exampleAt: unknown }>(
  group: T,
) {
  const { exampleAt: _at, ...rest } = group;
  return { ...rest, example: group.example === null ? null : (JSON.parse(group.example) as unknown) };
}

const file = (name: string, bytes: string | Uint8Array) =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);
const records = (list: readonly Record<string, unknown>[]) => JSON.stringify({ Records: list });
const lines = (list: readonly Record<string, unknown>[]) => list.map((r) => JSON.stringify(r)).join('\n');

interface LayoutCase {
  readonly name: string;
  readonly files: () => File[];
}

const third = Math.ceil(RECORDS.length / 3);
const PARTS = [0, 1, 2].map((i) => RECORDS.slice(i * third, (i + 1) * third));

const LAYOUTS: readonly LayoutCase[] = [
  { name: 'one Records file', files: () => [file('trail.json', records(RECORDS))] },
  {
    name: 'a pretty-printed Records file',
    files: () => [file('trail.json', JSON.stringify({ Records: RECORDS }, null, 2))],
  },
  { name: 'a JSON array of records', files: () => [file('trail.json', JSON.stringify(RECORDS))] },
  { name: 'JSON Lines', files: () => [file('trail.ndjson', lines(RECORDS))] },
  { name: 'a gzipped Records file', files: () => [file('trail.json.gz', gzipSync(records(RECORDS)))] },
  { name: 'gzip under any name', files: () => [file('export.txt', gzipSync(lines(RECORDS)))] },
  {
    name: 'three delivered files (gzip), one grouping',
    files: () => PARTS.map((p, i) => file(`part-${i}.json.gz`, gzipSync(records(p)))),
  },
];

describe('scanTrailFiles', () => {
  const expected = coreGroups(RECORDS);
  const failed = RECORDS.filter((r) => 'errorCode' in r).length;

  it('the records hold several groups, look-alikes among them', () => {
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.some((g) => g.lookalike !== null)).toBe(true);
  });

  for (const layout of LAYOUTS) {
    it(`reads ${layout.name} into core's groups`, async () => {
      const files = layout.files();
      const progress: [number, number][] = [];
      const outcome = await scanTrailFiles(files, {}, (read, total) => progress.push([read, total]));
      if (!outcome.ok) throw new Error(outcome.message);
      // the example is the record's text as the log holds it: the same record, however it is laid out
      expect(outcome.value.groups.map(withParsedExample)).toEqual(expected.map(withParsedExample));
      // each example is named by its file and the line and column of its record there
      const names = files.map((f) => f.name);
      for (const g of outcome.value.groups) {
        expect(names).toContain(g.exampleAt?.source);
        expect(g.exampleAt?.line).toBeGreaterThan(0);
      }
      expect(outcome.value).toMatchObject({ files: files.length, records: RECORDS.length, failed });
      expect(outcome.value.denials).toBe(expected.reduce((n, g) => n + g.count, 0));
      const total = files.reduce((n, f) => n + f.size, 0);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every(([, t]) => t === total)).toBe(true);
      expect(progress.map(([r]) => r)).toEqual([...progress.map(([r]) => r)].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual([total, total]);
    });
  }
});

/** `trail`'s filters, each keeping some of the records' groups and not others. */
const FILTERS: readonly { readonly name: string; readonly filter: TrailFilterOptions }[] = [
  { name: 'an action wildcard', filter: { action: 's3:*' } },
  { name: 'a principal wildcard', filter: { principal: '*role*' } },
  { name: 'an event source by its first label', filter: { eventSource: 'ec2' } },
  { name: 'a time window', filter: { since: '2026-01-11', until: '2026-01-13' } },
  { name: 'a time window that keeps nothing', filter: { until: '2001-01-01' } },
];

describe('scanTrailFiles with filters', () => {
  for (const c of FILTERS) {
    it(`${c.name} gives core's groups for the same filter`, async () => {
      const outcome = await scanTrailFiles([file('trail.json', records(RECORDS))], c.filter);
      if (!outcome.ok) throw new Error(outcome.message);
      const expected = coreGroups(RECORDS, c.filter);
      expect(outcome.value.groups.map(withParsedExample)).toEqual(expected.map(withParsedExample));
      expect(expected.length).toBeLessThan(coreGroups(RECORDS).length);
    });
  }

  it('a time that is no date is one line naming the option', async () => {
    const outcome = await scanTrailFiles([file('trail.json', records(RECORDS))], { since: 'last week' });
    expect(outcome.ok ? 'read' : outcome.message).toMatch(/^since: /);
  });
});

interface ProblemCase {
  readonly name: string;
  readonly files: () => File[];
  /** The one-line message, as a pattern. */
  readonly message: RegExp;
}

const PROBLEMS: readonly ProblemCase[] = [
  {
    name: 'a failed record that is no JSON, by file, line and column',
    files: () => [
      file('good.json', records(RECORDS.slice(0, 3))),
      file(
        'bad.ndjson',
        `${lines(RECORDS.slice(0, 2))}\n{"eventSource": "s3.amazonaws.com", "errorCode": tru}\n`,
      ),
    ],
    message: /^bad\.ndjson:3:\d+: /,
  },
  {
    name: 'a gzip file cut short',
    files: () => [file('cut.json.gz', gzipSync(records(RECORDS)).subarray(0, 200))],
    message: /^cut\.json\.gz: not a readable gzip file/,
  },
  {
    name: 'a log that ends inside a record',
    files: () => [file('open.json', records(RECORDS).slice(0, -10))],
    message: /^open\.json:\d+:\d+: /,
  },
];

describe('scanTrailFiles on logs that cannot be read', () => {
  for (const c of PROBLEMS) {
    it(c.name, async () => {
      const outcome = await scanTrailFiles(c.files());
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.message).toMatch(c.message);
      expect(outcome.message).not.toContain('\n');
    });
  }
});

const RECOGNISED: readonly { name: string; file: () => File; trail: boolean }[] = [
  { name: 'a Records file', file: () => file('a.json', records(RECORDS)), trail: true },
  {
    name: 'a gzipped Records file named .txt',
    file: () => file('a.txt', gzipSync(records(RECORDS))),
    trail: true,
  },
  { name: 'JSON Lines', file: () => file('a.ndjson', lines(RECORDS)), trail: true },
  {
    name: 'a large gzipped log (the head is inflated only so far)',
    file: () => file('big.json.gz', gzipSync(records(Array.from({ length: 20 }, () => RECORDS).flat()))),
    trail: true,
  },
  {
    name: 'account authorization details',
    file: () => file('account.json', readFileSync(join(ROOT, ACCOUNT_FILE))),
    trail: false,
  },
  {
    name: 'a pasted error',
    file: () => file('error.txt', readFileSync(join(ROOT, ERROR_FILE))),
    trail: false,
  },
  {
    name: 'a policy',
    file: () => file('policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}'),
    trail: false,
  },
  { name: 'an empty file', file: () => file('empty.json', ''), trail: false },
  {
    name: 'one record (the error box reads it)',
    file: () => file('one.json', JSON.stringify(RECORDS.find((r) => 'errorCode' in r))),
    trail: false,
  },
  { name: 'two records', file: () => file('two.ndjson', lines(RECORDS.slice(0, 2))), trail: true },
  { name: 'gzip that is not', file: () => file('x.gz', Uint8Array.of(0x1f, 0x8b, 1, 2, 3)), trail: false },
];

describe('isTrailFile', () => {
  for (const c of RECOGNISED) {
    it(`${c.name}: ${c.trail ? 'a trail' : 'not a trail'}`, async () => {
      expect(await isTrailFile(c.file())).toBe(c.trail);
    });
  }
});
