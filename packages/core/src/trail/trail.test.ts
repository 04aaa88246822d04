import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTrailDenial } from './trail-denial.js';
import { compileTrailFilter, type TrailFilterOptions } from './trail-filter.js';
import { createTrailGrouping, type TrailGroup } from './trail-groups.js';

/** The fields of a group a case pins; the key fields and `count` always. */
interface ExpectedGroup {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resourcePattern: string | null;
  readonly errorCode: string;
  readonly reasonLayer: string | null;
  readonly count: number;
  readonly kind?: string;
  readonly lookalike?: string;
  readonly denyType?: string;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly eventIds?: readonly string[];
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
}

interface TrailCase {
  readonly name: string;
  readonly records: readonly string[];
  readonly filter?: TrailFilterOptions;
  readonly examples?: number;
  readonly groups: readonly ExpectedGroup[];
}

const REQUIRED_GROUP_KEYS = ['principal', 'action', 'resourcePattern', 'errorCode', 'reasonLayer', 'count'];
const OPTIONAL_GROUP_KEYS = [
  'kind',
  'lookalike',
  'denyType',
  'firstSeen',
  'lastSeen',
  'eventIds',
  'accounts',
  'regions',
];
const FILTER_KEYS = ['since', 'until', 'principal', 'action', 'account', 'eventSource'];

function only(value: unknown, keys: readonly string[], where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where}: not an object`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new Error(`${where}: unknown key \`${key}\``);
  }
  return value as Record<string, unknown>;
}

/** Reads the table; unknown keys, missing keys and unknown record names are errors. */
function readTable(): { records: Record<string, unknown>; cases: TrailCase[] } {
  const raw = only(
    JSON.parse(readFileSync(new URL('./cases/trail.cases.json', import.meta.url), 'utf8')),
    ['records', 'cases'],
    'table',
  );
  const records = only(raw.records, Object.keys(raw.records as object), 'records');
  if (!Array.isArray(raw.cases)) throw new Error('cases: not a list');
  const cases = raw.cases.map((item: unknown, i: number) => {
    const c = only(item, ['name', 'records', 'filter', 'examples', 'groups'], `cases[${i}]`);
    if (typeof c.name !== 'string') throw new Error(`cases[${i}]: name must be a string`);
    if (!Array.isArray(c.records) || c.records.some((r) => typeof r !== 'string' || !(r in records)))
      throw new Error(`${c.name}: records must name records of the table`);
    if (c.filter !== undefined) only(c.filter, FILTER_KEYS, `${c.name} filter`);
    if (!Array.isArray(c.groups)) throw new Error(`${c.name}: groups must be a list`);
    for (const [j, group] of c.groups.entries()) {
      const g = only(group, [...REQUIRED_GROUP_KEYS, ...OPTIONAL_GROUP_KEYS], `${c.name} groups[${j}]`);
      for (const key of REQUIRED_GROUP_KEYS)
        if (!(key in g)) throw new Error(`${c.name} groups[${j}]: needs ${key}`);
    }
    return c as unknown as TrailCase;
  });
  return { records, cases };
}

const table = readTable();

function pinned(group: TrailGroup, expected: ExpectedGroup): Record<string, unknown> {
  const actual: Record<string, unknown> = { ...group, eventIds: group.events.map((e) => e.eventId) };
  return Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
}

function groupsOf(records: readonly unknown[], filter: TrailFilterOptions, examples?: number): TrailGroup[] {
  const compiled = compileTrailFilter(filter);
  if (!compiled.ok) throw new Error(compiled.problem.message);
  const grouping = createTrailGrouping(examples === undefined ? {} : { examples });
  for (const record of records) {
    const reading = readTrailDenial(record);
    if (reading.ok && compiled.value.keeps(reading.denial))
      grouping.add(reading.denial, JSON.stringify(record));
  }
  return grouping.groups();
}

describe('trail grouping and filters', () => {
  for (const c of table.cases) {
    it(c.name, () => {
      const groups = groupsOf(
        c.records.map((name) => table.records[name]),
        c.filter ?? {},
        c.examples,
      );
      expect(groups.map((g, i) => pinned(g, c.groups[i] ?? ({} as ExpectedGroup)))).toEqual(c.groups);
    });
  }

  it('merging the groupings of any split of the records gives the groups of one grouping', () => {
    const all = Object.values(table.records);
    const whole = groupsOf(all, {}, 1);
    for (let cut = 0; cut <= all.length; cut += 1) {
      const merged = createTrailGrouping({ examples: 1 });
      merged.merge(groupsOf(all.slice(cut), {}, 1));
      merged.merge(groupsOf(all.slice(0, cut), {}, 1));
      expect(merged.groups()).toEqual(whole);
    }
  });

  it('the earliest event of a group is its example', () => {
    const [group] = groupsOf([table.records['s3-get-ci-2'], table.records['s3-get-ci-1']], {});
    expect(JSON.parse(group?.example ?? 'null').eventID).toBe('11111111-0000-0000-0000-000000000001');
  });

  it('a time that does not read is a problem, by option', () => {
    const compiled = compileTrailFilter({ since: 'last tuesday' });
    expect(compiled.ok ? null : compiled.problem).toMatchObject({ code: 'bad-time', option: 'since' });
  });

  it('a value that is no record, a succeeded event and another failure say why they are no denial', () => {
    expect(readTrailDenial({ Records: [] })).toEqual({ ok: false, reason: 'not-a-record' });
    expect(readTrailDenial(table.records['s3-list-ok'])).toEqual({ ok: false, reason: 'succeeded' });
    expect(readTrailDenial(table.records['s3-no-such-bucket'])).toEqual({
      ok: false,
      reason: 'other-failure',
    });
  });
});
