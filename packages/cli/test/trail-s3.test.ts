import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeWorld, startFakeAws } from '../../aws/test/fake-aws/fake-aws.js';
import { fakeAwsEnv, runCliAsync } from './live-cli.js';
import { ROOT } from './run-cli.js';

/** The records of core's grouping table, repeated with fresh ids, in delivery folders by event day. */
const table = JSON.parse(
  readFileSync(join(ROOT, 'packages/core/src/trail/cases/trail.cases.json'), 'utf8'),
) as { records: Record<string, Record<string, unknown>> };
const RECORDS: Record<string, unknown>[] = Array.from({ length: 6 }, (_, copy) =>
  Object.values(table.records).map((r) => ({ ...r, eventID: `${copy}-${String(r.eventID)}` })),
).flat();
const LOGS = 'AWSLogs/111122223333/CloudTrail/us-east-1';

/** A succeeded event of 1.5 MB: the plain object that holds it is larger than what is fetched ahead. */
const LARGE_EVENT = {
  eventTime: '2026-01-12T23:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'PutObject',
  eventID: 'large-event',
  requestParameters: { note: 'x'.repeat(1_500_000) },
};

/** Two objects per day, gzip except one plain and streamed (over 1 MiB); a digest file beside them. */
function objects(): Record<string, Uint8Array> {
  const byDay = new Map<string, Record<string, unknown>[]>();
  for (const r of RECORDS) {
    const day = String(r.eventTime).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  const out: Record<string, Uint8Array> = {
    'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/12/digest.json.gz': gzipSync('{"digest":1}'),
  };
  for (const [day, records] of byDay) {
    const folder = `${LOGS}/${day.replaceAll('-', '/')}`;
    const stamp = day.replaceAll('-', '');
    const half = Math.ceil(records.length / 2);
    for (const [i, part] of [records.slice(0, half), records.slice(half)].entries()) {
      const plain = day === '2026-01-12' && i === 1;
      const text = JSON.stringify({ Records: plain ? [...part, LARGE_EVENT] : part });
      const key = `${folder}/111122223333_CloudTrail_us-east-1_${stamp}T00${i}5Z_abc${i}.json${plain ? '' : '.gz'}`;
      out[key] = plain ? Buffer.from(text) : gzipSync(text);
    }
  }
  return out;
}

const OBJECTS = objects();
const LOG_OBJECTS = Object.keys(OBJECTS).filter((k) => !k.includes('CloudTrail-Digest'));
const dir = mkdtempSync(join(tmpdir(), 'whydenied-trail-s3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [key, body] of Object.entries(OBJECTS)) {
  mkdirSync(dirname(join(dir, key)), { recursive: true });
  writeFileSync(join(dir, key), body);
}

const CALLER = {
  arn: 'arn:aws:iam::111122223333:user/auditor',
  account: '111122223333',
  userId: 'AIDAAUDITOR',
};

/** Runs `trail` against a fake of `world` (the log bucket `trail`, pages of 2 keys) and returns its calls too. */
async function trailOnFake(
  args: readonly string[],
  world: Partial<FakeWorld> = {},
  settings: { credentials?: boolean; region?: boolean } = {},
) {
  const fake = await startFakeAws({ caller: CALLER, buckets: { trail: OBJECTS }, pageSize: 2, ...world });
  try {
    const result = await runCliAsync(['trail', ...args], fakeAwsEnv(fake.endpoint, settings));
    return { ...result, calls: [...fake.calls] };
  } finally {
    await fake.close();
  }
}

function groups(stdout: string): unknown[] {
  return (JSON.parse(stdout) as { groups: unknown[] }).groups;
}

describe('whydenied trail s3://bucket/prefix', () => {
  it('finds the groups of the same files on disk, reading pages of keys and every log object once', async () => {
    const local = await runCliAsync(['trail', dir, '--format', 'json', '--top', '100'], {});
    expect(local.status, local.stderr).toBe(0);
    const s3 = await trailOnFake(['s3://trail/AWSLogs/', '--format', 'json', '--top', '100']);
    expect(s3.status, s3.stderr).toBe(0);
    expect(s3.stderr).toBe('');
    expect(groups(s3.stdout)).toEqual(groups(local.stdout));
    expect(JSON.parse(s3.stdout)).toMatchObject({ files: LOG_OBJECTS.length, records: RECORDS.length + 1 });
    // read-only: only the two reads, pages of the listing, each log object once, no digest
    expect(new Set(s3.calls.map((c) => c.action))).toEqual(new Set(['s3:ListBucket', 's3:GetObject']));
    expect(s3.calls.filter((c) => c.action === 's3:ListBucket').length).toBeGreaterThan(1);
    expect(s3.calls.filter((c) => c.action === 's3:GetObject')).toHaveLength(LOG_OBJECTS.length);
    expect(s3.calls.every((c) => c.status === 200)).toBe(true);
  });

  it('with --since, reads only the delivery days in range and finds the groups of the filtered files', async () => {
    const since = ['--since', '2026-01-13', '--format', 'json', '--top', '100'];
    const local = await runCliAsync(['trail', dir, ...since], {});
    const s3 = await trailOnFake(['s3://trail', ...since]);
    expect(s3.status, s3.stderr).toBe(0);
    expect(groups(s3.stdout)).toEqual(groups(local.stdout));
    const days = LOG_OBJECTS.filter((k) => k.slice(LOGS.length + 1, LOGS.length + 11) >= '2026/01/13');
    expect(days.length).toBeLessThan(LOG_OBJECTS.length);
    expect(s3.calls.filter((c) => c.action === 's3:GetObject')).toHaveLength(days.length);
  });

  it('places SARIF results at the objects, by their s3:// address', async () => {
    const s3 = await trailOnFake(['s3://trail/', '--format', 'sarif']);
    expect(s3.status, s3.stderr).toBe(0);
    const log = JSON.parse(s3.stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uris = log.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri) ?? [];
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(LOG_OBJECTS.map((k) => `s3://trail/${k}`)).toContain(uri);
  });

  interface FailureCase {
    readonly name: string;
    readonly path: string;
    readonly world?: Partial<FakeWorld>;
    readonly credentials?: boolean;
    readonly region?: boolean;
    readonly exit: number;
    /** What the one line on standard error holds. */
    readonly says: readonly string[];
  }
  const FAILURES: readonly FailureCase[] = [
    {
      name: 'the bucket cannot be listed',
      path: 's3://trail/AWSLogs/',
      world: { denied: ['s3:ListBucket'] },
      exit: 1,
      says: ['s3://trail/AWSLogs/:', 's3:ListBucket', 'AccessDenied', 'arn:aws:s3:::trail'],
    },
    {
      name: 'an object cannot be read',
      path: 's3://trail/',
      world: { denied: ['s3:GetObject'] },
      exit: 1,
      says: ['s3://trail/AWSLogs/', 's3:GetObject', 'AccessDenied'],
    },
    {
      name: 'no such bucket',
      path: 's3://elsewhere/logs/',
      exit: 1,
      says: ['s3://elsewhere/logs/: no such bucket'],
    },
    {
      name: 'no credentials',
      path: 's3://trail/',
      credentials: false,
      exit: 1,
      says: ['s3://trail/: no AWS credentials'],
    },
    { name: 'no region', path: 's3://trail/', region: false, exit: 1, says: ['s3://trail/: no AWS region'] },
    { name: 'no bucket in the address', path: 's3:///logs', exit: 2, says: ['names no S3 bucket'] },
  ];
  for (const c of FAILURES) {
    it(`says so in one line: ${c.name}`, async () => {
      const result = await trailOnFake([c.path, '--format', 'json'], c.world, {
        credentials: c.credentials ?? true,
        region: c.region ?? true,
      });
      expect(result.status, result.stderr).toBe(c.exit);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      for (const part of c.says) expect(lines[0]).toContain(part);
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    });
  }
});
