/**
 * Redaction must not change the answer: for generated accounts (a user's inline policies with bucket
 * patterns, IP and caller-pattern conditions, Allow and Deny) and CloudTrail denials (caller, bucket, key, Host, source
 * IP), the diagnosis of the redacted pair, turned back through the redaction map, equals the
 * diagnosis of the original pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/analyze.js';
import { restore } from './redact.js';

const WORDS = ['acme', 'payroll', 'pay', 'deploy', 'ops', 'data', 'reports', 'logs', 'prod'] as const;
const word = fc.constantFrom(...WORDS);
const dashed = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join('-'));
const account = fc.stringMatching(/^[2-9]\d{11}$/);
const bucket = fc
  .tuple(dashed(1, 3), fc.option(fc.integer({ min: 2020, max: 2026 }), { nil: undefined }))
  .map(([name, year]) => (year === undefined ? name : `${name}-${year}`))
  .filter((b) => b.length >= 3);
const key = fc
  .tuple(word, fc.integer({ min: 2020, max: 2026 }), word)
  .map(([a, year, b]) => `${a}/${year}/${b}.csv`);
const octet = fc.integer({ min: 0, max: 255 });
const privateAddress = fc.oneof(
  fc.tuple(octet, octet, fc.integer({ min: 1, max: 254 })).map(([b, c, d]) => `10.${b}.${c}.${d}`),
  fc.tuple(octet, fc.integer({ min: 1, max: 254 })).map(([c, d]) => `192.168.${c}.${d}`),
);

/** A network near the caller's address (holding it or not), as a policy names an office. */
function networkNear(address: string): fc.Arbitrary<string> {
  const [a, b, c] = address.split('.');
  return fc.constantFrom(
    `${a}.${b}.0.0/16`,
    `${a}.${b}.${c}.0/24`,
    `${a}.${b}.${c}.128/25`,
    '10.0.0.0/8',
    '172.16.0.0/12',
  );
}

/** A Resource a statement names: the object, its bucket's objects, a prefix pattern of the bucket, `*`. */
function resourceFor(b: string, k: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(`arn:aws:s3:::${b}/${k}`),
    fc.constant(`arn:aws:s3:::${b}/*`),
    fc.integer({ min: 1, max: b.length }).map((cut) => `arn:aws:s3:::${b.slice(0, cut)}*/*`),
    fc.tuple(word, word).map(([x, y]) => `arn:aws:s3:::${x}-${y}*/*`),
    fc.constant('*'),
  );
}

interface Generated {
  readonly error: string;
  readonly account: string;
}

const generated: fc.Arbitrary<Generated> = fc
  .record({ accountId: account, user: dashed(1, 2), bucket, key, sourceIp: privateAddress })
  .chain((base) =>
    fc
      .array(
        fc.record({
          effect: fc.constantFrom('Allow', 'Deny'),
          action: fc.constantFrom('s3:GetObject', 's3:Get*', 's3:*'),
          resource: resourceFor(base.bucket, base.key),
          network: fc.option(
            fc.tuple(fc.constantFrom('IpAddress', 'NotIpAddress'), networkNear(base.sourceIp)),
            { nil: undefined },
          ),
          // a caller pattern: a prefix of the user's name, cut anywhere
          caller: fc.option(
            fc.tuple(fc.constantFrom('ArnLike', 'ArnNotLike'), fc.integer({ min: 1, max: base.user.length })),
            { nil: undefined },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((statements): Generated => {
        const userArn = `arn:aws:iam::${base.accountId}:user/${base.user}`;
        const objectArn = `arn:aws:s3:::${base.bucket}/${base.key}`;
        const event = {
          eventVersion: '1.10',
          userIdentity: {
            type: 'IAMUser',
            principalId: 'AIDAQ3EGUSERALICE001',
            arn: userArn,
            accountId: base.accountId,
            userName: base.user,
          },
          eventTime: '2026-11-21T16:02:11Z',
          eventSource: 's3.amazonaws.com',
          eventName: 'GetObject',
          awsRegion: 'eu-west-1',
          sourceIPAddress: base.sourceIp,
          errorCode: 'AccessDenied',
          errorMessage: 'Access Denied',
          requestParameters: {
            bucketName: base.bucket,
            Host: `${base.bucket}.s3.eu-west-1.amazonaws.com`,
            key: base.key,
          },
          resources: [
            { type: 'AWS::S3::Object', ARN: objectArn },
            { accountId: base.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${base.bucket}` },
          ],
          eventType: 'AwsApiCall',
          recipientAccountId: base.accountId,
        };
        const details = {
          UserDetailList: [
            {
              Path: '/',
              UserName: base.user,
              UserId: 'AIDAQ3EGUSERALICE001',
              Arn: userArn,
              UserPolicyList: statements.map((s, i) => ({
                PolicyName: `policy-${i}`,
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Sid: `S${i}`,
                      Effect: s.effect,
                      Action: s.action,
                      Resource: s.resource,
                      ...(s.network === undefined && s.caller === undefined
                        ? {}
                        : {
                            Condition: {
                              ...(s.network === undefined
                                ? {}
                                : { [s.network[0]]: { 'aws:SourceIp': s.network[1] } }),
                              ...(s.caller === undefined
                                ? {}
                                : {
                                    [s.caller[0]]: {
                                      'aws:PrincipalArn': `arn:aws:iam::${base.accountId}:user/${base.user.slice(0, s.caller[1])}*`,
                                    },
                                  }),
                            },
                          }),
                    },
                  ],
                },
              })),
              GroupList: [],
              AttachedManagedPolicies: [],
              Tags: [],
            },
          ],
          GroupDetailList: [],
          RoleDetailList: [],
          Policies: [],
        };
        return { error: JSON.stringify(event, null, 2), account: JSON.stringify(details, null, 2) };
      }),
  );

/** What must survive redaction, without the offsets and columns of spans (stand-ins change lengths). */
function essentials(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(essentials);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'span' && k !== 'column' && k !== 'offset')
      .map(([k, v]) => [k, essentials(v)]),
  );
}

describe('redaction keeps the diagnosis', () => {
  it('diagnose(redacted), mapped back through the map, equals diagnose(original)', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ error, account }) => {
        const inputs = [
          { id: 'event.json', text: error },
          { id: 'account.json', text: account },
        ];
        const original = await analyze({ inputs });
        const redacted = await analyze({ inputs, options: { redact: true } });
        expect(original.diagnostics).toEqual([]);
        expect(redacted.diagnostics).toEqual([]);
        const map = redacted.redaction;
        if (map === null || redacted.diagnosis === null) throw new Error('no redacted diagnosis');
        // the redacted inputs name none of the original identifiers
        const shared = redacted.inputs.map((i) => i.text).join('\n');
        const originalEvent = JSON.parse(error) as { sourceIPAddress: string; recipientAccountId: string };
        expect(shared).not.toContain(originalEvent.sourceIPAddress);
        expect(shared).not.toContain(originalEvent.recipientAccountId);
        const back = JSON.parse(restore(JSON.stringify(redacted.diagnosis), map).text) as unknown;
        expect(essentials(back)).toEqual(essentials(JSON.parse(JSON.stringify(original.diagnosis))));
      }),
      { numRuns: 300 },
    );
  });
});
