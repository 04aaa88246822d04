import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbOverTrail } from './duckdb-trino.js';
import { type CliCase, checkCliCase, ROOT, runCli } from './run-cli.js';

/** The records of core's grouping table, repeated with fresh event ids into a few hundred records. */
const table = JSON.parse(
  readFileSync(join(ROOT, 'packages/core/src/trail/cases/trail.cases.json'), 'utf8'),
) as { records: Record<string, Record<string, unknown>> };
const RECORDS = Array.from({ length: 40 }, (_, copy) =>
  Object.values(table.records).map((r) => ({ ...r, eventID: `${copy}-${String(r.eventID)}` })),
).flat();

const dir = mkdtempSync(join(tmpdir(), 'whydenied-trail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same records in every layout the command reads. */
function writeLayouts(): Record<string, string[]> {
  const s3 = join(dir, 's3', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '01', '10');
  mkdirSync(s3, { recursive: true });
  mkdirSync(join(dir, 's3', 'AWSLogs', '111122223333', 'CloudTrail-Digest'), { recursive: true });
  writeFileSync(
    join(dir, 's3', 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'digest.json.gz'),
    gzipSync('{"digest": 1}'),
  );
  const third = Math.ceil(RECORDS.length / 3);
  for (let i = 0; i < 3; i += 1) {
    const part = { Records: RECORDS.slice(i * third, (i + 1) * third) };
    writeFileSync(
      join(s3, `111122223333_CloudTrail_us-east-1_20260110T00${i}0Z_abc${i}.json.gz`),
      gzipSync(JSON.stringify(part)),
    );
  }
  writeFileSync(join(dir, 'single.json'), JSON.stringify({ Records: RECORDS }, null, 2));
  writeFileSync(join(dir, 'lines.ndjson'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(join(dir, 'lines.jsonl.gz'), gzipSync(RECORDS.map((r) => JSON.stringify(r)).join('\n')));
  return {
    's3 delivery layout (gzip, a folder)': [join(dir, 's3')],
    'one pretty-printed Records file': [join(dir, 'single.json')],
    'JSON Lines': [join(dir, 'lines.ndjson')],
    'gzipped JSON Lines': [join(dir, 'lines.jsonl.gz')],
  };
}

const LAYOUTS = writeLayouts();

function groupsOf(
  args: readonly string[],
  stdin?: string,
  env: Readonly<Record<string, string>> = {},
): unknown {
  const run = runCli(['trail', ...args, '--format', 'json', '--top', '100'], stdin, env);
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as { groups: Record<string, unknown>[] };
  return report.groups.map(({ diagnosis, ...group }) => ({ ...group, diagnosed: diagnosis !== null }));
}

describe('whydenied trail', () => {
  const expected = groupsOf(LAYOUTS['one pretty-printed Records file'] ?? []);

  it('finds the groups of the core table, each diagnosed', () => {
    expect(expected).toMatchObject([
      {
        principal: 'arn:aws:iam::111122223333:role/service/deploy',
        action: 's3:GetObject',
        count: 80,
        diagnosed: true,
      },
      { count: 40 },
      { count: 40 },
      { count: 40 },
      { count: 40 },
      { count: 40 },
      { count: 40 },
      { count: 40 },
    ]);
  });

  for (const [name, paths] of Object.entries(LAYOUTS)) {
    it(`reads the same groups from ${name}, with one worker or two`, () => {
      expect(groupsOf([...paths, '--jobs', '1'])).toEqual(expected);
      expect(groupsOf([...paths, '--jobs', '2'])).toEqual(expected);
    });
  }

  /** Every plain file is cut into one shard per worker. */
  const SHARDED = { WHYDENIED_TRAIL_SHARD_MIN_BYTES: '1' };

  // one job as large as a file worth cutting goes to one worker (its heap holds the scan alone)
  for (const [name, paths] of Object.entries(LAYOUTS)) {
    it(`reads the same groups from ${name} with one worker instead of the main thread`, () => {
      expect(groupsOf([...paths, '--jobs', '1'], undefined, SHARDED)).toEqual(expected);
    });
  }

  for (const name of ['one pretty-printed Records file', 'JSON Lines']) {
    it(`reads the same groups from ${name} cut into shards for two or three workers`, () => {
      const paths = LAYOUTS[name] ?? [];
      expect(groupsOf([...paths, '--jobs', '2'], undefined, SHARDED)).toEqual(expected);
      expect(groupsOf([...paths, '--jobs', '3'], undefined, SHARDED)).toEqual(expected);
    });
  }

  it('reports a problem in a sharded file where one scan from the start does', () => {
    const bad = join(dir, 'bad-half.ndjson');
    const lines = RECORDS.map((r) => JSON.stringify(r));
    lines.splice(300, 0, '{"eventSource": "s3.amazonaws.com", "errorCode": "AccessDenied",}');
    writeFileSync(bad, lines.join('\n'));
    const whole = runCli(['trail', bad, '--jobs', '1']);
    const sharded = runCli(['trail', bad, '--jobs', '2'], undefined, SHARDED);
    expect(whole.status).toBe(1);
    expect(whole.stderr).toMatch(/bad-half\.ndjson:301:\d+: /);
    expect(sharded.status).toBe(1);
    expect(sharded.stderr).toBe(whole.stderr);
  });

  it('reads standard input', () => {
    expect(groupsOf(['-'], readFileSync(join(dir, 'lines.ndjson'), 'utf8'))).toEqual(expected);
  });

  it('prints a summary and a table sorted by count (text)', () => {
    const one = join(dir, 'table.ndjson');
    writeFileSync(
      one,
      Object.values(table.records)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const run = runCli(['trail', one, '--top', '3']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6).join('\n')).toMatchInlineSnapshot(`
      "11 record(s) in 1 file(s): 10 failed, 9 denial(s) or look-alike(s) in 8 group(s), the top 3 shown

      COUNT  PRINCIPAL                                      ACTION                 RESOURCE                                                      CODE                   LAYER
          2  arn:aws:iam::111122223333:role/service/deploy  s3:GetObject           arn:aws:s3:::reports/*                                        AccessDenied           identity
          1  arn:aws:iam::111122223333:role/app             kms:Decrypt            …ast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab  AccessDeniedException  resource
          1  arn:aws:iam::111122223333:role/service/deploy  sts:GetCallerIdentity  -                                                             ExpiredToken           authentication"
    `);
  });

  it('prints one group per line with --format ndjson, the top N', () => {
    const run = runCli([
      'trail',
      join(dir, 'lines.ndjson'),
      '--format',
      'ndjson',
      '--top',
      '2',
      '--action',
      's3:*',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((g) => [g.action, g.count])).toEqual([
      ['s3:GetObject', 80],
      ['s3:ListBucket', 40],
    ]);
  });

  it('prints the query and the DDL; the query result diagnosed gives the groups of the logs', async () => {
    const ddl = runCli(['trail', '--sql-ddl', '--table', 'ct']);
    expect(ddl.stdout).toMatch(/^CREATE EXTERNAL TABLE ct\(/);
    const sql = runCli(['trail', '--sql', 'trino', '--action', 's3:*']);
    expect(sql.status, sql.stderr).toBe(0);
    const connection = await duckdbOverTrail(join(dir, 'lines.ndjson'));
    const rows = (await connection.runAndReadAll(sql.stdout)).getRowObjectsJson();
    writeFileSync(join(dir, 'result.json'), JSON.stringify(rows));
    const fromSql = groupsOf(['--from-sql-result', join(dir, 'result.json')]) as Record<string, unknown>[];
    const fromLogs = groupsOf([join(dir, 'lines.ndjson'), '--action', 's3:*']) as Record<string, unknown>[];
    const key = (g: Record<string, unknown>) => [
      g.principal,
      g.action,
      g.resourcePattern,
      g.errorCode,
      g.reasonLayer,
      g.count,
      g.diagnosed,
    ];
    expect(fromSql.map(key)).toEqual(fromLogs.map(key));
  });

  const PROBLEMS: readonly CliCase[] = [
    {
      name: 'a record that is no JSON: file, line and column',
      args: ['trail', join(dir, 'bad.json')],
      exit: 1,
      stderr: /bad\.json:2:\d+: /,
    },
    {
      name: 'a missing path',
      args: ['trail', join(dir, 'missing')],
      exit: 1,
      stderr: /missing: no such file or folder$/,
    },
    {
      name: 'a cut-off gzip file',
      args: ['trail', join(dir, 'cut.json.gz')],
      exit: 1,
      stderr: /cut\.json\.gz: not a readable gzip file/,
    },
    { name: 'text that is no trail', args: ['trail', '-'], stdin: 'hello', exit: 1, stderr: /<stdin>:1:1: / },
    {
      name: 'a time that does not read',
      args: ['trail', join(dir, 'lines.ndjson'), '--since', 'yesterday'],
      exit: 2,
      stderr: /--since /,
    },
    { name: 'an unknown format', args: ['trail', join(dir, 'lines.ndjson'), '--format', 'xml'], exit: 2 },
  ];
  writeFileSync(
    join(dir, 'bad.json'),
    '{"Records": [\n {"eventSource": "s3.amazonaws.com", "eventName": "X", "errorCode": "AccessDenied",}\n]}',
  );
  writeFileSync(join(dir, 'cut.json.gz'), gzipSync(JSON.stringify({ Records: RECORDS })).subarray(0, 200));
  for (const c of PROBLEMS) it(`exits ${c.exit} on ${c.name}, one line`, () => checkCliCase(c));
});
