import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { type AnalyzeInput, analyze } from './analyze.js';

const SCENARIOS = new URL('../../../cli/test/scenarios/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, SCENARIOS), 'utf8');

function input(id: string, path: string, extra: Partial<AnalyzeInput> = {}): AnalyzeInput {
  return { id, text: read(path), ...extra };
}

describe('analyze: inputs', () => {
  it('recognises every kind from its content alone', async () => {
    const analysis = await analyze({
      inputs: [
        input('e', '11-bucket-policy-outside-org/error.txt'),
        input('a', '11-bucket-policy-outside-org/account-444455556666.json'),
        input('p', '11b-bucket-policy-as-get-bucket-policy-prints-it/get-bucket-policy.json', {
          arn: 'arn:aws:s3:::acme-shared-datasets',
        }),
        input('o', '02-instance-type-condition/org.json'),
      ],
    });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.inputs.map((i) => [i.id, i.kind])).toEqual([
      ['e', 'error'],
      ['a', 'account'],
      ['p', 'resource-policy'],
      ['o', 'organization'],
    ]);
  });

  it.each([
    ['an account file given as a resource policy', 'resource-policy', 'input-kind-mismatch'],
    ['an account file given as the organization snapshot', 'organization', 'input-kind-mismatch'],
  ] as const)('refuses %s, naming the input', async (_name, kind, code) => {
    const analysis = await analyze({
      inputs: [
        {
          id: 'error.txt',
          kind: 'error',
          text: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
        },
        input('account.json', '11-bucket-policy-outside-org/account-444455556666.json', {
          kind,
          arn: 'arn:aws:s3:::b',
        }),
      ],
    });
    expect(analysis.diagnosis).toBeNull();
    expect(analysis.diagnostics.map((d) => [d.code, d.source])).toEqual([[code, 'account.json']]);
  });

  it.each([
    ['an organization snapshot', '02-instance-type-condition/org.json'],
    ['an account file', '11-bucket-policy-outside-org/account-444455556666.json'],
    ['a bucket policy', '11-bucket-policy-outside-org/bucket-policy.json'],
  ])('refuses %s given as the error, naming the input', async (_name, path) => {
    const analysis = await analyze({ inputs: [input('error.json', path, { kind: 'error' })] });
    expect(analysis.diagnosis).toBeNull();
    expect(analysis.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['input-kind-mismatch', 'error.json'],
    ]);
  });

  it.each([
    [
      '`aws cloudtrail lookup-events` output',
      JSON.stringify({
        Events: [
          {
            EventId: 'e1',
            EventName: 'GetObject',
            CloudTrailEvent: JSON.stringify({
              eventVersion: '1.08',
              userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob' },
              eventSource: 's3.amazonaws.com',
              eventName: 'GetObject',
              errorCode: 'AccessDenied',
              errorMessage: 'Access Denied',
            }),
          },
        ],
      }),
    ],
    [
      "a CloudTrail record inside another tool's alert JSON",
      JSON.stringify({
        integration: 'aws',
        aws: { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', errorCode: 'AccessDenied' },
      }),
    ],
  ])('recognises %s as an error and reads its failed event', async (_name, text) => {
    const analysis = await analyze({ inputs: [{ id: 'trail.json', text }] });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.inputs.map((i) => i.kind)).toEqual(['error']);
    expect(analysis.diagnosis?.failure.code).toBe('AccessDenied');
  });

  it('refuses a resource policy without the ARN it is attached to', async () => {
    const analysis = await analyze({
      inputs: [
        {
          id: 'error',
          text: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
        },
        input('p.json', '11-bucket-policy-outside-org/bucket-policy.json'),
      ],
    });
    expect(analysis.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['resource-policy-arn-missing', 'p.json'],
    ]);
  });

  it('places a JSON syntax error of an evidence input at its line and column', async () => {
    const analysis = await analyze({
      inputs: [
        {
          id: 'error',
          text: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
        },
        { id: 'broken.json', kind: 'account', text: '{\n  "RoleDetailList": [\n    {,\n  ]\n}' },
      ],
    });
    const [d] = analysis.diagnostics;
    expect([d?.code, d?.source, d?.span?.start.line, d?.span?.start.column]).toEqual([
      'json-syntax',
      'broken.json',
      3,
      6,
    ]);
  });

  it('names the error input when it holds no AWS error', async () => {
    const analysis = await analyze({ inputs: [{ id: 'notes.txt', kind: 'error', text: 'hello there' }] });
    expect(analysis.diagnostics.map((d) => d.source)).toEqual(['notes.txt']);
  });

  it('redacts every input with one map: the diagnosis names stand-ins only', async () => {
    const analysis = await analyze({
      inputs: [
        input('e', '11-bucket-policy-outside-org/error.txt'),
        input('a', '11-bucket-policy-outside-org/account-444455556666.json'),
      ],
      options: {
        principal: 'arn:aws:sts::444455556666:assumed-role/partner-etl/GlueJobRunSession',
        redact: true,
      },
    });
    expect(analysis.redaction?.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(analysis.inputs)).not.toContain('444455556666');
  });

  it('redacts the call parameters with the same map, nested and listed values too', async () => {
    const analysis = await analyze({
      inputs: [input('e', '11-bucket-policy-outside-org/error.txt')],
      options: {
        parameters: {
          securityGroupIds: ['sg-0aa11bb2cc33dd44e'],
          iamInstanceProfile: { arn: 'arn:aws:iam::444455556666:instance-profile/web' },
        },
        redact: true,
      },
    });
    const text = JSON.stringify(analysis.parameters);
    expect(text).not.toContain('444455556666');
    expect(text).not.toContain('sg-0aa11bb2cc33dd44e');
  });
});

describe('analyze: what a finding carries', () => {
  it('the evaluated request with known and unknown keys, the deciding statement and condition located', async () => {
    const analysis = await analyze({
      inputs: [
        input('error.txt', '02-instance-type-condition/error.txt', { kind: 'error' }),
        input('account.json', '02-instance-type-condition/account-111122223333.json', { kind: 'account' }),
        input('org.json', '02-instance-type-condition/org.json', { kind: 'organization' }),
      ],
      options: { context: { 'ec2:InstanceType': 'm5.large' }, catalog: nodeCatalog() },
    });
    const finding = analysis.diagnosis?.findings[0];
    expect(finding?.request.context.find((e) => e.key === 'ec2:InstanceType')).toEqual({
      key: 'ec2:InstanceType',
      state: 'known',
      value: 'm5.large',
    });
    const deciding = finding?.deciding;
    expect(deciding?.name).toBe('dev-sandbox/LaunchSmall');
    const statement = deciding?.statement;
    expect(statement?.pointer).toMatch(/^\/Statement(\/\d+)?$/);
    const printed = deciding?.text.slice(statement?.span.start.offset, statement?.span.end.offset) ?? '';
    expect(JSON.parse(printed)).toMatchObject({ Sid: 'SmallInstancesOnly' });
    const [condition] = deciding?.conditions ?? [];
    expect(condition?.key).toBe('ec2:InstanceType');
    expect(deciding?.text.slice(condition?.span.start.offset, condition?.span.end.offset)).toBe('"t3.micro"');
  });

  it('a key a CloudTrail record shows absent is marked absent', async () => {
    const analysis = await analyze({
      inputs: [
        input('event.json', '17b-source-ip-deny-through-vpc-endpoint/event.json'),
        input('account.json', '17b-source-ip-deny-through-vpc-endpoint/account-111122223333.json'),
      ],
    });
    const context = analysis.diagnosis?.findings[0]?.request.context ?? [];
    expect(context.find((e) => e.key === 'aws:SourceIp')).toEqual({ key: 'aws:SourceIp', state: 'absent' });
    expect(context.find((e) => e.key === 'aws:SourceVpce')?.state).toBe('known');
  });
});
