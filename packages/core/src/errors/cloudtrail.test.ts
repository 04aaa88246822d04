/**
 * What a CloudTrail record tells of the failed request beyond its error: the operation behind a
 * versioned event name, the logged parameters, and the request context values it shows.
 */
import { describe, expect, it } from 'vitest';
import { readCloudTrail, readCloudTrailText } from './cloudtrail.js';

const USER = {
  type: 'IAMUser',
  arn: 'arn:aws:iam::111122223333:user/alice',
  accountId: '111122223333',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
};
const SESSION = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111122223333:assumed-role/deployer/ci',
  accountId: '111122223333',
  sessionContext: {
    sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/deployer' },
    attributes: { creationDate: '2026-11-21T15:40:00Z', mfaAuthenticated: 'false' },
    sourceIdentity: 'alice@example.com',
  },
};

function event(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.10',
    eventTime: '2026-11-21T16:02:11Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'eu-west-1',
    errorCode: 'AccessDenied',
    errorMessage: 'Access Denied',
    ...fields,
  };
}

interface Case {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly expected: {
    readonly operation?: string;
    readonly requestContext: Readonly<Record<string, string>>;
    readonly absentContext?: readonly string[];
    readonly requestParameters?: Readonly<Record<string, unknown>> | null;
  };
}

const CASES: readonly Case[] = [
  {
    name: 'a direct call from an address over TLS with long-term keys',
    input: event({
      userIdentity: USER,
      sourceIPAddress: '198.51.100.7',
      tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256' },
      requestParameters: { bucketName: 'acme-reports', key: 'q3.csv' },
    }),
    expected: {
      requestContext: {
        'aws:SourceIp': '198.51.100.7',
        'aws:ViaAWSService': 'false',
        'aws:CurrentTime': '2026-11-21T16:02:11Z',
        'aws:EpochTime': '1795276931',
        'aws:SecureTransport': 'true',
      },
      absentContext: ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime'],
      requestParameters: { bucketName: 'acme-reports', key: 'q3.csv' },
    },
  },
  {
    name: 'through a VPC endpoint: aws:SourceVpce and aws:VpcSourceIp, aws:SourceIp known absent',
    input: event({ userIdentity: USER, sourceIPAddress: '10.0.12.34', vpcEndpointId: 'vpce-0a1b2c3d' }),
    expected: {
      requestContext: {
        'aws:SourceVpce': 'vpce-0a1b2c3d',
        'aws:VpcSourceIp': '10.0.12.34',
        'aws:ViaAWSService': 'false',
        'aws:CurrentTime': '2026-11-21T16:02:11Z',
        'aws:EpochTime': '1795276931',
      },
      absentContext: [
        'aws:SourceIp',
        'aws:MultiFactorAuthPresent',
        'aws:MultiFactorAuthAge',
        'aws:TokenIssueTime',
      ],
    },
  },
  {
    name: 'temporary credentials: MFA, token issue time and source identity; an IPv6 address',
    input: event({ userIdentity: SESSION, sourceIPAddress: '2001:db8::17' }),
    expected: {
      absentContext: [],
      requestContext: {
        'aws:SourceIp': '2001:db8::17',
        'aws:ViaAWSService': 'false',
        'aws:CurrentTime': '2026-11-21T16:02:11Z',
        'aws:EpochTime': '1795276931',
        'aws:MultiFactorAuthPresent': 'false',
        'aws:TokenIssueTime': '2026-11-21T15:40:00Z',
        'aws:SourceIdentity': 'alice@example.com',
      },
    },
  },
  {
    name: 'a long-term key: its session attributes give no MFA or token keys, which are known absent',
    input: event({
      userIdentity: {
        ...USER,
        sessionContext: { attributes: { creationDate: '2026-11-21T15:40:00Z', mfaAuthenticated: 'false' } },
      },
    }),
    expected: {
      requestContext: { 'aws:CurrentTime': '2026-11-21T16:02:11Z', 'aws:EpochTime': '1795276931' },
      absentContext: ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime'],
    },
  },
  {
    name: 'a service calling on the principal: no address, aws:ViaAWSService left unknown',
    input: event({
      userIdentity: { ...USER, invokedBy: 'cloudformation.amazonaws.com' },
      sourceIPAddress: 'cloudformation.amazonaws.com',
    }),
    expected: {
      requestContext: { 'aws:CurrentTime': '2026-11-21T16:02:11Z', 'aws:EpochTime': '1795276931' },
    },
  },
  {
    name: '`AWS Internal` and a malformed time give nothing',
    input: event({ userIdentity: USER, sourceIPAddress: 'AWS Internal', eventTime: 'yesterday' }),
    expected: { requestContext: {}, requestParameters: null },
  },
  {
    name: 'Lambda: the API version is cut from the event name',
    input: event({
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionCode20150331v2',
      userIdentity: USER,
      eventTime: undefined,
    }),
    expected: { operation: 'UpdateFunctionCode', requestContext: {} },
  },
  {
    name: 'another service: a name ending in digits is kept',
    input: event({ eventSource: 'ec2.amazonaws.com', eventName: 'AssignIpv6Addresses', userIdentity: USER }),
    expected: {
      operation: 'AssignIpv6Addresses',
      requestContext: { 'aws:CurrentTime': '2026-11-21T16:02:11Z', 'aws:EpochTime': '1795276931' },
    },
  },
];

describe('readCloudTrail: the request behind the failure', () => {
  it.each(CASES)('$name', ({ input, expected }) => {
    const failure = readCloudTrail(input)?.failures[0];
    expect(failure).toBeDefined();
    if (failure === undefined) return;
    expect(failure.call.requestContext).toEqual(expected.requestContext);
    if (expected.operation !== undefined) expect(failure.operation).toBe(expected.operation);
    if (expected.absentContext !== undefined) {
      expect(failure.call.absentContext).toEqual(expected.absentContext);
    }
    if (expected.requestParameters !== undefined) {
      expect(failure.call.requestParameters).toEqual(expected.requestParameters);
    }
  });
});

describe('readCloudTrailText: a record pasted as text that is no JSON', () => {
  const record = [
    '{ "eventVersion": "1.10",',
    '  "userIdentity": { "type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/deployer/ci",',
    '    "sessionContext": { "sessionIssuer": { "arn": "arn:aws:iam::111122223333:role/deployer" } } },',
    '  -- snip --',
    '  "eventSource": "lambda.amazonaws.com", "eventName": "GetFunction20150331v2", "awsRegion": "eu-west-1",',
    '  "errorCode": "AccessDeniedException",',
    '  "errorMessage": "User: arn:aws:sts::111122223333:assumed-role/deployer/ci is not authorized to perform: lambda:GetFun',
  ].join('\n');

  it('reads code, operation, service, region and the caller (not its session issuer) around the snip', () => {
    const failure = readCloudTrailText(record);
    expect(failure).toMatchObject({
      errorCode: 'AccessDeniedException',
      operation: 'GetFunction',
      service: 'lambda',
      region: 'eu-west-1',
      principal: 'arn:aws:sts::111122223333:assumed-role/deployer/ci',
    });
  });

  it('reads a message cut off by the end of the paste up to the end of its line', () => {
    expect(readCloudTrailText(record)?.errorMessage).toMatch(/perform: lambda:GetFun$/);
  });

  it('reads the failed record of several, not the one before it', () => {
    const ok = '{ "eventVersion": "1.10", "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets" },\n';
    expect(readCloudTrailText(ok + record)?.service).toBe('lambda');
  });

  it('is null without an error code, or without the event source and name', () => {
    expect(readCloudTrailText('{ "eventVersion": "1.10", "eventSource": "s3.amazonaws.com"')).toBeNull();
    expect(readCloudTrailText('{"errorCode": "AccessDenied"}')).toBeNull();
  });
});

describe('readCloudTrail: `aws cloudtrail lookup-events` output', () => {
  it('reads the records held as JSON strings in `CloudTrailEvent`, failures first', () => {
    const record = event({ errorCode: 'AccessDenied', errorMessage: 'Access Denied', userIdentity: USER });
    const ok = event({ eventName: 'ListBuckets', errorCode: undefined, errorMessage: undefined });
    const trail = readCloudTrail({
      Events: [
        { EventId: 'a', EventName: 'ListBuckets', CloudTrailEvent: JSON.stringify(ok) },
        { EventId: 'b', EventName: 'GetObject', CloudTrailEvent: JSON.stringify(record) },
        { EventId: 'c', CloudTrailEvent: '{ not json' },
      ],
    });
    expect(trail?.records).toBe(2);
    expect(trail?.failures[0]).toMatchObject({
      errorCode: 'AccessDenied',
      operation: 'GetObject',
      principal: USER.arn,
    });
  });

  it('is null when no event holds a record', () => {
    expect(readCloudTrail({ Events: [{ EventId: 'a' }] })).toBeNull();
  });
});
