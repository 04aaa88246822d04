/**
 * CloudTrail's log objects listed and read through the session and the real S3 client, against the
 * fake's ListObjectsV2 and GetObject: pages, the digest folder, date pruning of delivery folders.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AwsSession } from '../src/session.js';
import { listTrailObjects, openTrailObject } from '../src/trail-objects.js';
import { FAKE_CREDENTIALS, type FakeWorld } from './fake-aws/fake-aws.js';
import { withFake } from './fake-aws/sdk-calls.js';

const LOGS = 'AWSLogs/111122223333/CloudTrail/us-east-1';
const DAYS = ['2026/01/09', '2026/01/10', '2026/01/11', '2026/01/12', '2026/02/01', '2025/12/31'];

function world(extra: Partial<FakeWorld> = {}): FakeWorld {
  const objects: Record<string, string | Uint8Array> = {
    'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/10/digest.json.gz': gzipSync('{}'),
    'notes.txt': 'not a log',
  };
  for (const day of DAYS)
    for (const n of [1, 2])
      objects[`${LOGS}/${day}/111122223333_CloudTrail_${n}.json.gz`] = gzipSync(`{"Records":[]}`);
  return {
    caller: { arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333', userId: 'AIDA' },
    buckets: { trail: objects },
    pageSize: 3,
    ...extra,
  };
}

function sessionFor(endpoint: string): AwsSession {
  return new AwsSession({
    endpoint,
    region: 'us-east-1',
    credentials: { ...FAKE_CREDENTIALS },
    maxAttempts: 1,
  });
}

interface ListCase {
  readonly name: string;
  readonly prefix: string;
  readonly since?: string;
  readonly until?: string;
  /** The delivery days (`YYYY/MM/DD`) whose files are listed. */
  readonly days: readonly string[];
}

const CASES: readonly ListCase[] = [
  { name: 'everything under the bucket, over pages, digests left out', prefix: '', days: [...DAYS].sort() },
  {
    name: 'a prefix inside the layout',
    prefix: `${LOGS}/2026/01/`,
    days: DAYS.filter((d) => d.startsWith('2026/01')),
  },
  {
    name: 'since and until: the days in range and one more for late delivery',
    prefix: '',
    since: '2026-01-10T12:00:00Z',
    until: '2026-01-11',
    days: ['2026/01/10', '2026/01/11', '2026/01/12'],
  },
  { name: 'since alone', prefix: 'AWSLogs/', since: '2026-01-12', days: ['2026/01/12', '2026/02/01'] },
  { name: 'until alone', prefix: '', until: '2025-12-31T23:00:00Z', days: ['2025/12/31'] },
];

describe('CloudTrail log objects in S3', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      await withFake(world(), async (fake) => {
        const session = sessionFor(fake.endpoint);
        const listed = await listTrailObjects(session, {
          bucket: 'trail',
          prefix: c.prefix,
          ...(c.since === undefined ? {} : { sinceMs: Date.parse(c.since) }),
          ...(c.until === undefined ? {} : { untilMs: Date.parse(c.until) }),
        });
        session.close();
        if (!listed.ok) throw new Error(listed.message);
        const days = [...new Set(listed.value.map((o) => o.key.slice(LOGS.length + 1, LOGS.length + 11)))];
        expect(days).toEqual(c.days);
        expect(listed.value.every((o) => o.size > 0 && o.key.startsWith(LOGS))).toBe(true);
        expect(listed.value).toHaveLength(c.days.length * 2);
        // only reads, and more than one page
        expect(new Set(fake.calls.map((call) => call.action))).toEqual(new Set(['s3:ListBucket']));
        expect(fake.calls.length).toBeGreaterThan(1);
      });
    });
  }

  it('lists no day folder outside the range', async () => {
    await withFake(world({ pageSize: 1000 }), async (fake) => {
      const session = sessionFor(fake.endpoint);
      await listTrailObjects(session, {
        bucket: 'trail',
        prefix: '',
        sinceMs: Date.parse('2026-01-11'),
        untilMs: Date.parse('2026-01-11T01:00:00Z'),
      });
      session.close();
      // AWSLogs/, the account, CloudTrail/, the region, 2025 skipped, 2026, 2026/01, days 11 and 12; 2026/02 skipped
      expect(fake.calls.filter((call) => call.action === 's3:ListBucket')).toHaveLength(9);
    });
  });

  it('reads an object as a stream of bytes', async () => {
    await withFake(world(), async (fake) => {
      const session = sessionFor(fake.endpoint);
      const body = await openTrailObject(
        session,
        'trail',
        `${LOGS}/2026/01/10/111122223333_CloudTrail_1.json.gz`,
      );
      if (!body.ok) throw new Error(body.message);
      const chunks: Uint8Array[] = [];
      for await (const chunk of body.value) chunks.push(chunk);
      session.close();
      expect(Buffer.concat(chunks)).toEqual(gzipSync(`{"Records":[]}`));
      expect(fake.calls.map((call) => call.action)).toEqual(['s3:GetObject']);
    });
  });

  it('says why it cannot list: denied, no such bucket', async () => {
    await withFake(world({ denied: ['s3:ListBucket'] }), async (fake) => {
      const session = sessionFor(fake.endpoint);
      expect(await listTrailObjects(session, { bucket: 'trail', prefix: '' })).toMatchObject({
        ok: false,
        action: 's3:ListBucket',
        outcome: 'denied',
        code: 'AccessDenied',
      });
      session.close();
    });
    await withFake(world(), async (fake) => {
      const session = sessionFor(fake.endpoint);
      expect(await listTrailObjects(session, { bucket: 'other', prefix: '' })).toMatchObject({
        ok: false,
        outcome: 'not-found',
        code: 'NoSuchBucket',
      });
      session.close();
    });
  });
});
