import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trailRecords } from '../../../../scripts/generate-trail.mjs';
import { duckdbOverTrail } from '../../../cli/test/duckdb-trino.js';
import { readTrailDenial } from './trail-denial.js';
import { compileTrailFilter, type TrailFilterOptions } from './trail-filter.js';
import { createTrailGrouping, type TrailGroup } from './trail-groups.js';
import { trailSql } from './trail-sql.js';
import { groupsFromSqlRows } from './trail-sql-result.js';

const dir = mkdtempSync(join(tmpdir(), 'whydenied-trail-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records: Record<string, unknown>[] = [];
const generator = trailRecords(21);
for (let i = 0; i < 12_000; i += 1) records.push(generator.next().value);
// and the hand-written records of the grouping table (look-alikes, a bare S3 message, prefixed codes)
const table = JSON.parse(readFileSync(new URL('./cases/trail.cases.json', import.meta.url), 'utf8')) as {
  records: Record<string, Record<string, unknown>>;
};
records.push(...Object.values(table.records));
const file = join(dir, 'trail.ndjson');
writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));

function streamed(filter: TrailFilterOptions): TrailGroup[] {
  const compiled = compileTrailFilter(filter);
  if (!compiled.ok) throw new Error(compiled.problem.message);
  const grouping = createTrailGrouping({ examples: 3 });
  for (const record of records) {
    const reading = readTrailDenial(record);
    if (reading.ok && compiled.value.keeps(reading.denial)) grouping.add(reading.denial);
  }
  return grouping.groups();
}

/** What both paths must agree on, in one order. */
function comparable(groups: readonly TrailGroup[]) {
  return groups
    .map((g) => ({
      key: [g.principal, g.action, g.resourcePattern, g.errorCode, g.reasonLayer],
      count: g.count,
      firstSeen: g.firstSeen,
      lastSeen: g.lastSeen,
      kind: g.kind,
      lookalike: g.lookalike,
      denyType: g.denyType,
      eventIds: g.events.map((e) => e.eventId),
      accounts: g.accounts,
      regions: g.regions,
    }))
    .sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
}

const FILTERS: readonly (readonly [string, TrailFilterOptions])[] = [
  ['no filter', {}],
  [
    'a role glob, an action glob and a time window',
    {
      principal: 'arn:aws:iam::*:role/*',
      action: 'S3:*',
      since: '2026-01-05T00:20:00Z',
      until: '2026-01-05T01:00:00Z',
    },
  ],
  ['an account and an event source', { account: '444455556666', eventSource: 'kms' }],
  [
    'a session glob and an event source by host',
    { principal: '*:assumed-role/deploy/ci-?', eventSource: 's3.amazonaws.com' },
  ],
];

describe('the SQL query gives the groups of the streaming path (DuckDB with Trino shims)', async () => {
  const connection = await duckdbOverTrail(file);

  for (const [name, filter] of FILTERS) {
    it(name, async () => {
      const result = await connection.runAndReadAll(trailSql({ dialect: 'trino', filter, examples: 3 }));
      const rows = result.getRowObjectsJson();
      const groups = groupsFromSqlRows(rows);
      if (!groups.ok) throw new Error(groups.problem.message);
      const expected = streamed(filter);
      expect(expected.length).toBeGreaterThan(name === 'no filter' ? 50 : 0);
      expect(comparable(groups.value)).toEqual(comparable(expected));
    });
  }
});
