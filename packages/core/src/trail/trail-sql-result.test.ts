import { describe, expect, it } from 'vitest';
import { TRAIL_SQL_COLUMNS } from './trail-sql.js';
import { groupsFromSqlRows, parseSqlResult } from './trail-sql-result.js';

const HEADER = [...TRAIL_SQL_COLUMNS];
const VALUES = [
  'arn:aws:iam::111122223333:role/deploy',
  's3:GetObject',
  'arn:aws:s3:::reports/*',
  'AccessDenied',
  'identity',
  '12',
  '2026-01-10T10:00:00Z',
  '2026-01-11T08:30:00Z',
  'authorization',
  '',
  'implicit',
  '[e-1, e-2]',
  '[111122223333]',
  '[eu-west-1, us-east-1]',
  's3.amazonaws.com',
  'GetObject',
  'User: arn:aws:sts::111122223333:assumed-role/deploy/ci is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports/a, b.csv" because no identity-based policy allows the s3:GetObject action',
  'arn:aws:sts::111122223333:assumed-role/deploy/ci',
  'arn:aws:s3:::reports/a, b.csv',
];
const EXPECTED = {
  principal: 'arn:aws:iam::111122223333:role/deploy',
  action: 's3:GetObject',
  resourcePattern: 'arn:aws:s3:::reports/*',
  errorCode: 'AccessDenied',
  reasonLayer: 'identity',
  count: 12,
  lookalike: null,
  events: [
    { eventId: 'e-1', eventTime: null },
    { eventId: 'e-2', eventTime: null },
  ],
  accounts: ['111122223333'],
  regions: ['eu-west-1', 'us-east-1'],
};

const csv = (cells: readonly string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

const FORMS: Readonly<Record<string, string>> = {
  "Athena's CSV (every value quoted, quotes doubled)": `${csv(HEADER)}\n${csv(VALUES)}\n`,
  'get-query-results JSON (the first row the header)': JSON.stringify({
    ResultSet: {
      Rows: [HEADER, VALUES].map((row) => ({ Data: row.map((v) => (v === '' ? {} : { VarCharValue: v })) })),
    },
  }),
  'a JSON array of rows, arrays as arrays': JSON.stringify([
    {
      ...Object.fromEntries(HEADER.map((h, i) => [h, VALUES[i] === '' ? null : VALUES[i]])),
      count: 12,
      event_ids: ['e-1', 'e-2'],
      accounts: ['111122223333'],
      regions: ['eu-west-1', 'us-east-1'],
    },
  ]),
};

describe('query results read back', () => {
  for (const [name, text] of Object.entries(FORMS)) {
    it(`reads ${name}`, () => {
      const rows = parseSqlResult(text);
      if (!rows.ok) throw new Error(rows.message);
      const groups = groupsFromSqlRows(rows.value);
      if (!groups.ok) throw new Error(groups.problem.message);
      expect(groups.value).toHaveLength(1);
      expect(groups.value[0]).toMatchObject(EXPECTED);
      expect(JSON.parse(groups.value[0]?.example ?? 'null')).toMatchObject({
        eventSource: 's3.amazonaws.com',
        errorCode: 'AccessDenied',
        resources: [{ ARN: 'arn:aws:s3:::reports/a, b.csv' }],
      });
    });
  }

  it('names a missing column and a bad count by row', () => {
    expect(groupsFromSqlRows([{ principal: 'x' }])).toMatchObject({
      ok: false,
      problem: { code: 'missing-column', row: 1 },
    });
    const row = Object.fromEntries(HEADER.map((h, i) => [h, VALUES[i]]));
    expect(groupsFromSqlRows([row, { ...row, count: 'many' }])).toMatchObject({
      ok: false,
      problem: { code: 'bad-row', row: 2 },
    });
  });
});
