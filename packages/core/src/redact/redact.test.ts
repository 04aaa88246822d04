import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { loadCaseTable } from '../../test/case-table.js';
import { redact, redactAll, restore } from './redact.js';
import { parseRedactionMap, type RedactionMap } from './redaction-map.js';

interface RedactCase {
  readonly name: string;
  readonly input: { readonly text: string; readonly map?: RedactionMap };
  readonly expected: {
    /** The exact redacted text. */
    readonly text?: string;
    /** Kinds of every map entry, in order. */
    readonly kinds?: readonly string[];
    /** Strings the redacted text must still hold. */
    readonly contains?: readonly string[];
    /** Strings the redacted text must no longer hold. */
    readonly absent?: readonly string[];
  };
}

const cases = loadCaseTable<RedactCase>(new URL('./cases/redact.cases.json', import.meta.url), {
  top: ['name', 'input', 'expected'],
  input: ['text', 'map'],
  expected: ['text', 'kinds', 'contains', 'absent'],
});

describe('redact over the table', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = redact(c.input.text, c.input.map === undefined ? {} : { map: c.input.map });
    const { expected } = c;
    if (expected.text !== undefined) expect(result.text).toBe(expected.text);
    if (expected.kinds !== undefined) expect(result.map.entries.map((e) => e.kind)).toEqual(expected.kinds);
    for (const s of expected.contains ?? []) expect(result.text).toContain(s);
    for (const s of expected.absent ?? []) expect(result.text).not.toContain(s);
    // every case reverses exactly, and its map is valid
    expect(parseRedactionMap(JSON.parse(JSON.stringify(result.map))).ok).toBe(true);
    expect(restore(result.text, result.map).text).toBe(c.input.text);
  });
});

describe('parseRedactionMap', () => {
  it.each([
    ['not an object', 'x'],
    ['wrong version', { version: 2, entries: [] }],
    ['entry without kind', { version: 1, entries: [{ original: 'a', standIn: 'b' }] }],
    ['unknown kind', { version: 1, entries: [{ original: 'a', standIn: 'b', kind: 'secret' }] }],
    [
      'repeated stand-in',
      {
        version: 1,
        entries: [
          { original: 'a', standIn: 'b', kind: 'name' },
          { original: 'c', standIn: 'b', kind: 'name' },
        ],
      },
    ],
  ])('rejects %s', (_, value) => {
    const parsed = parseRedactionMap(value);
    expect(parsed.ok ? null : parsed.diagnostics[0]?.code).toBe('redaction-map-invalid');
  });
});

/** A CloudTrail file of `records` records, each naming its caller, an IP, a bucket and an object. */
function cloudTrail(records: number): string {
  const list = Array.from({ length: records }, (_, i) => ({
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::111122223333:assumed-role/deploy-role/ci-${i % 97}`,
      accountId: '111122223333',
      accessKeyId: `ASIA${String(i).padStart(16, '7')}`,
    },
    eventName: 'GetObject',
    sourceIPAddress: `10.${i % 200}.${(i >> 8) % 250}.${(i % 250) + 1}`,
    errorCode: 'AccessDenied',
    errorMessage: `User: arn:aws:sts::111122223333:assumed-role/deploy-role/ci-${i % 97} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-logs/k${i}" because no identity-based policy allows the s3:GetObject action`,
    requestParameters: { bucketName: 'acme-logs', key: `k${i}` },
  }));
  return JSON.stringify({ Records: list }, null, 4);
}

describe('redact of a large CloudTrail file', () => {
  // 6 MB: before the string ranges were walked once, each replacement walked all of them (minutes)
  it('redacts every record of a 6 MB file, in one pass over the string ranges', { timeout: 30_000 }, () => {
    const input = cloudTrail(9_000);
    expect(input.length).toBeGreaterThan(6_000_000);
    const { text } = redact(input);
    const records = (JSON.parse(text) as { Records: { userIdentity: { accountId: string } }[] }).Records;
    expect(records).toHaveLength(9_000);
    expect(records.every((r) => r.userIdentity.accountId === '100000000001')).toBe(true);
    expect(text).not.toContain('deploy-role');
    expect(text).not.toContain('acme-logs');
  });

  // restore looked for every stand-in over the whole text (2 MB: 18 s, 6 MB: minutes)
  it('puts a 6 MB file back exactly, in one pass', { timeout: 30_000 }, () => {
    const input = cloudTrail(9_000);
    const { text, map } = redact(input);
    const back = restore(text, map);
    expect(back.text).toBe(input);
    expect(back.restored).toBeGreaterThan(9_000 * 5);
  });
});

describe('IP stand-ins keep which network holds which address', () => {
  const parse = (v: string): [ipaddr.IPv4, number] =>
    v.includes('/') ? ipaddr.IPv4.parseCIDR(v) : [ipaddr.IPv4.parse(v), 32];
  it('every pair of the input: inside before, inside after', () => {
    const values = [
      '10.0.0.0/8',
      '10.42.0.0/16',
      '10.42.7.0/24',
      '10.42.7.19',
      '10.42.7.200',
      '10.42.8.1',
      '10.43.0.1',
      '172.16.0.0/12',
      '172.20.1.1',
      '192.168.1.0/24',
      '8.8.8.8',
    ];
    const { map } = redact(values.join(' '));
    const standIn = new Map(map.entries.map((e) => [e.original, e.standIn]));
    for (const net of values.filter((v) => v.includes('/'))) {
      for (const v of values) {
        const [address] = parse(v);
        const [after] = parse(standIn.get(v) ?? v);
        const inside = address.match(parse(net));
        expect(after.match(parse(standIn.get(net) ?? net)), `${v} in ${net}`).toBe(inside);
      }
    }
  });

  it('IPv6: every pair of the input, inside before, inside after', () => {
    const values = [
      '2600:1f18::/32',
      '2600:1f18:abcd::/48',
      '2600:1f18:abcd:12::7',
      '2600:1f18:9::1',
      '2a05::1',
    ];
    const { map } = redact(values.join(' '));
    const standIn = new Map(map.entries.map((e) => [e.original, e.standIn]));
    const parse6 = (v: string): [ipaddr.IPv6, number] =>
      v.includes('/') ? ipaddr.IPv6.parseCIDR(v) : [ipaddr.IPv6.parse(v), 128];
    for (const net of values.filter((v) => v.includes('/'))) {
      for (const v of values) {
        const inside = parse6(v)[0].match(parse6(net));
        const after = parse6(standIn.get(v) ?? v)[0].match(parse6(standIn.get(net) ?? net));
        expect(after, `${v} in ${net}`).toBe(inside);
      }
    }
  });

  it('a second file through the map puts a new address inside its network', () => {
    const first = redact('NotIpAddress 10.42.0.0/16');
    const second = redact('from 10.42.9.9', { map: first.map });
    const network = first.map.entries[0]?.standIn ?? '';
    const address = second.map.entries[1]?.standIn ?? '';
    expect(ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(network))).toBe(true);
  });
});

describe('redactAll: the files of one case with one map', () => {
  it('a name learned from a later file is replaced in an earlier one', () => {
    const { texts, map } = redactAll([
      'bucket payroll-data refused the call',
      '{"Resource": "arn:aws:s3:::payroll-data/*"}',
    ]);
    expect(texts[0]).toBe('bucket bucket-1 refused the call');
    expect(texts[1]).toBe('{"Resource": "arn:aws:s3:::bucket-1/*"}');
    expect(restore(texts[0] ?? '', map).text).toBe('bucket payroll-data refused the call');
  });

  it('a policy pattern in one file keeps matching the bucket of another', () => {
    const { texts } = redactAll([
      'on resource: "arn:aws:s3:::acme-payroll-2024/q3.csv"',
      '{"Resource": "arn:aws:s3:::acme-payroll-*/*"}',
    ]);
    const bucket = /arn:aws:s3:::([^/]+)\//.exec(texts[0] ?? '')?.[1] ?? '';
    const pattern = /arn:aws:s3:::([^/]+)\//.exec(texts[1] ?? '')?.[1] ?? '';
    expect(bucket).not.toContain('acme');
    expect(pattern).toMatch(/\*$/);
    expect(bucket.startsWith(pattern.slice(0, -1))).toBe(true);
  });
});
