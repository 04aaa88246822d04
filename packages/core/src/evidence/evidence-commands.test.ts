/**
 * Every command whydenied prints to fetch evidence whose output it reads is checked here: the AWS
 * CLI's documented response of the command is put through the command's own `--query` and
 * `--output`, as the CLI would print it, and the printed text must read as the input kind the command
 * is meant for, without a diagnostic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDecodedCorpus } from '../../test/case-table.js';
import { analyze } from '../analyze/analyze.js';
import type { InputKind } from '../analyze/input-kind.js';
import { EVIDENCE_COMMANDS, type EvidenceCommandId, evidenceCommand } from './evidence-commands.js';
import { RESOURCE_POLICY_KINDS } from './resource-policies.js';

const ACCOUNT = JSON.parse(
  readFileSync(new URL('./fixtures/account-111122223333-cli.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const RESOURCE_DOC = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Owner',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: '*',
      Resource: '*',
    },
  ],
};
const TRUST_DOC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/**
 * The response each command's API returns, as the AWS CLI reference pages show it (JSON output), keyed
 * by `aws <service> <command>`.
 */
const RESPONSES: Readonly<Record<string, unknown>> = {
  // https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html
  'aws iam get-account-authorization-details': ACCOUNT,
  // https://docs.aws.amazon.com/cli/latest/reference/iam/get-role.html
  'aws iam get-role': {
    Role: {
      Path: '/',
      RoleName: 'app-role',
      RoleId: 'AROA3XFRBF535PLBIFPI4',
      Arn: 'arn:aws:iam::111122223333:role/app-role',
      CreateDate: '2025-03-01T10:00:00+00:00',
      AssumeRolePolicyDocument: TRUST_DOC,
      MaxSessionDuration: 3600,
    },
  },
  // https://docs.aws.amazon.com/cli/latest/reference/sts/decode-authorization-message.html
  'aws sts decode-authorization-message': { DecodedMessage: JSON.stringify(readDecodedCorpus()[0]) },
  // https://docs.aws.amazon.com/cli/latest/reference/s3api/get-bucket-policy.html
  'aws s3api get-bucket-policy': { Policy: JSON.stringify(RESOURCE_DOC) },
  // https://docs.aws.amazon.com/cli/latest/reference/kms/get-key-policy.html
  'aws kms get-key-policy': { Policy: JSON.stringify(RESOURCE_DOC, null, 4), PolicyName: 'default' },
  // https://docs.aws.amazon.com/cli/latest/reference/sqs/get-queue-attributes.html
  'aws sqs get-queue-attributes': { Attributes: { Policy: JSON.stringify(RESOURCE_DOC) } },
  // https://docs.aws.amazon.com/cli/latest/reference/sns/get-topic-attributes.html
  'aws sns get-topic-attributes': {
    Attributes: { Policy: JSON.stringify(RESOURCE_DOC), Owner: '111122223333', TopicArn: 'arn:aws:sns:x' },
  },
  // https://docs.aws.amazon.com/cli/latest/reference/ecr/get-repository-policy.html
  'aws ecr get-repository-policy': {
    registryId: '111122223333',
    repositoryName: 'app',
    policyText: JSON.stringify(RESOURCE_DOC, null, 2),
  },
  // https://docs.aws.amazon.com/cli/latest/reference/lambda/get-policy.html
  'aws lambda get-policy': { Policy: JSON.stringify(RESOURCE_DOC), RevisionId: '88ef5d2f' },
  // https://docs.aws.amazon.com/cli/latest/reference/secretsmanager/get-resource-policy.html
  'aws secretsmanager get-resource-policy': {
    ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:web-config-AbCdEf',
    Name: 'web-config',
    ResourcePolicy: JSON.stringify(RESOURCE_DOC),
  },
  // https://docs.aws.amazon.com/cli/latest/reference/dynamodb/get-resource-policy.html
  'aws dynamodb get-resource-policy': { Policy: JSON.stringify(RESOURCE_DOC), RevisionId: '1709841168699' },
};

/** What the AWS CLI prints for `command`: the response through its `--query` (a dotted path) and `--output`. */
function printed(command: string): string {
  const words = command.split(/\s+/);
  const key = words.slice(0, 3).join(' ');
  const response = RESPONSES[key];
  if (response === undefined) throw new Error(`no documented response for \`${key}\``);
  const option = (name: string) => {
    const at = words.indexOf(name);
    return at < 0 ? undefined : words[at + 1];
  };
  let value: unknown = response;
  const filter = option('--filter');
  if (filter === 'Role') value = { RoleDetailList: (response as Record<string, unknown>).RoleDetailList };
  for (const segment of option('--query')?.split('.') ?? []) {
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined) throw new Error(`\`${command}\` selects nothing`);
  return option('--output') === 'text' && typeof value === 'string' ? value : JSON.stringify(value, null, 4);
}

const READ: { name: string; command: string; kind: InputKind; arn?: string }[] = [
  ...(
    Object.entries(EVIDENCE_COMMANDS) as [EvidenceCommandId, (typeof EVIDENCE_COMMANDS)[EvidenceCommandId]][]
  )
    .filter(([, c]) => c.readsAs !== null)
    .map(([id, c]) => ({
      name: id,
      command: c.build({ account: '111122223333', entity: 'role', name: 'app-role', encodedMessage: 'x' }),
      kind: c.readsAs as InputKind,
      ...(c.readsAs === 'resource-policy' ? { arn: 'arn:aws:iam::111122223333:role/app-role' } : {}),
    })),
  ...Object.values(RESOURCE_POLICY_KINDS).map((kind) => {
    const holder = {
      s3: 'arn:aws:s3:::acme-web-assets',
      kms: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      sqs: 'arn:aws:sqs:eu-west-1:111122223333:orders',
      sns: 'arn:aws:sns:eu-west-1:111122223333:alerts',
      ecr: 'arn:aws:ecr:eu-west-1:111122223333:repository/app',
      lambda: 'arn:aws:lambda:eu-west-1:111122223333:function:api',
      secretsmanager: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:web-config-AbCdEf',
      dynamodb: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders',
    }[kind.service];
    if (holder === undefined) throw new Error(`no holder ARN for \`${kind.service}\` in this test`);
    const arn = (() => {
      const parts = holder.split(':');
      return {
        partition: parts[1] ?? '',
        service: parts[2] ?? '',
        region: parts[3] ?? '',
        account: parts[4] ?? '',
        resource: parts.slice(5).join(':'),
      };
    })();
    return {
      name: kind.label,
      command: kind.fetch(holder, arn),
      kind: 'resource-policy' as const,
      arn: holder,
    };
  }),
];

describe('evidence commands: what they print reads as the input they are for', () => {
  it.each(READ.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const text = printed(c.command);
    const analysis = await analyze({
      inputs: [
        {
          id: 'error',
          text: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
        },
        { id: 'output', kind: c.kind, text, ...(c.arn === undefined ? {} : { arn: c.arn }) },
      ],
    });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.inputs[1]?.kind).toBe(c.kind);
  });

  it('writes the output of a command that is read to the file it is then given as', () => {
    expect(evidenceCommand('account-details', { account: '111122223333' })).toBe(
      'aws iam get-account-authorization-details --output json > account-111122223333.json',
    );
    expect(evidenceCommand('caller-identity')).toBe('aws sts get-caller-identity');
  });
});
