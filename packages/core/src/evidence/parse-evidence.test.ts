import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEvidence, resourcePolicyName } from './evidence.js';
import { parseAccountDetails } from './parse-account-details.js';
import { parseOrganization } from './parse-organization.js';
import { governs } from './resource-policies.js';

const fixture = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'));

function parsedAccount(file: string) {
  const parsed = parseAccountDetails(fixture(file));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

describe('parseAccountDetails on fixtures', () => {
  it('reads URL-encoded documents (API) exactly as JSON objects (CLI)', () => {
    const cli = parsedAccount('account-111122223333-cli.json');
    const api = parsedAccount('account-111122223333-api.json');
    expect(api).toEqual(cli);
  });

  it('normalizes users, groups, roles and managed policies', () => {
    const a = parsedAccount('account-111122223333-cli.json');
    expect({ account: a.accountId, partition: a.partition, truncated: a.truncated }).toEqual({
      account: '111122223333',
      partition: 'aws',
      truncated: false,
    });
    expect(a.users.map((u) => [u.name, u.path, u.groups, u.boundary?.arn ?? null])).toEqual([
      ['alice', '/engineering/', ['developers', 'contractors'], null],
      ['build-bot', '/', ['developers'], 'arn:aws:iam::111122223333:policy/boundaries/DeveloperBoundary'],
    ]);
    expect(a.users[0]?.tags).toEqual({ team: 'payments', 'cost-center': 'cc-4410' });
    const deploy = a.roles.find((r) => r.name === 'deploy-role');
    expect(deploy?.instanceProfiles).toEqual([
      { name: 'deploy-profile', arn: 'arn:aws:iam::111122223333:instance-profile/deploy-profile' },
    ]);
    expect(deploy?.inlinePolicies.map((p) => [p.name, p.pointer])).toEqual([
      ['EC2Launch', '/RoleDetailList/0/RolePolicyList/0/PolicyDocument'],
    ]);
    expect(deploy?.trustPolicyPointer).toBe('/RoleDetailList/0/AssumeRolePolicyDocument');
    expect(deploy?.lastUsed).toBe('2025-11-02T08:01:44+00:00');
    const tools = a.managedPolicies.find((p) => p.name === 'DeployTools');
    // the default version (v2), listed first here, not v1
    expect(tools?.pointer).toBe('/Policies/0/PolicyVersionList/0/Document');
    expect(JSON.stringify(tools?.document)).toContain('parameter/deploy/*');
    expect(a.managedPolicies.map((p) => [p.name, p.awsManaged])).toEqual([
      ['DeployTools', false],
      ['DeveloperBoundary', false],
      ['AdministratorAccess', true],
      ['AmazonS3ReadOnlyAccess', true],
    ]);
  });

  it('reads documents given as plain JSON strings, and IsTruncated', () => {
    const a = parsedAccount('account-444455556666-cli.json');
    expect(a.truncated).toBe(true);
    expect(a.roles[0]?.inlinePolicies[0]?.document).toMatchObject({ Version: '2012-10-17' });
    expect(a.roles[0]?.trustPolicy).toMatchObject({
      Statement: [{ Action: 'sts:AssumeRoleWithWebIdentity' }],
    });
  });
});

const role = (extra: Record<string, unknown>) => ({
  RoleName: 'r',
  Arn: 'arn:aws:iam::111122223333:role/r',
  ...extra,
});

const ACCOUNT_ERRORS: readonly {
  readonly name: string;
  readonly input: unknown;
  readonly expected: readonly (readonly [code: string, path: string])[];
}[] = [
  { name: 'not an object', input: [], expected: [['account-invalid', '']] },
  { name: 'another command’s output', input: { Roles: [] }, expected: [['account-shape', '']] },
  {
    name: 'a list that is not a list',
    input: { UserDetailList: {}, RoleDetailList: [role({})] },
    expected: [['account-invalid', '/UserDetailList']],
  },
  {
    name: 'a user without a name',
    input: { UserDetailList: [{ Arn: 'arn:aws:iam::111122223333:user/x' }] },
    expected: [['account-invalid', '/UserDetailList/0/UserName']],
  },
  {
    name: 'broken URL encoding',
    input: { RoleDetailList: [role({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: '%7B%ZZ' }] })] },
    expected: [['account-document', '/RoleDetailList/0/RolePolicyList/0/PolicyDocument']],
  },
  {
    name: 'a document that is not JSON',
    input: { RoleDetailList: [role({ AssumeRolePolicyDocument: '{"Version": ' })] },
    expected: [['account-document', '/RoleDetailList/0/AssumeRolePolicyDocument']],
  },
  {
    name: 'a document that is a number',
    input: { RoleDetailList: [role({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: 7 }] })] },
    expected: [['account-document', '/RoleDetailList/0/RolePolicyList/0/PolicyDocument']],
  },
  {
    name: 'two accounts in one file',
    input: {
      RoleDetailList: [role({}), { RoleName: 'q', Arn: 'arn:aws:iam::444455556666:role/q' }],
    },
    expected: [['account-mixed-accounts', '/RoleDetailList/1/Arn']],
  },
  {
    name: 'only AWS managed policies: no account id',
    input: { Policies: [{ PolicyName: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] },
    expected: [['account-no-account', '']],
  },
  {
    name: 'a tag without a key, a boundary without an ARN',
    input: { RoleDetailList: [role({ Tags: [{ Value: 'x' }], PermissionsBoundary: {} })] },
    expected: [
      ['account-invalid', '/RoleDetailList/0/PermissionsBoundary/PermissionsBoundaryArn'],
      ['account-invalid', '/RoleDetailList/0/Tags/0/Key'],
    ],
  },
  {
    name: 'a non-IAM ARN and a string AttachmentCount',
    input: {
      RoleDetailList: [role({})],
      Policies: [{ PolicyName: 'p', Arn: 'arn:aws:s3:::p', AttachmentCount: '3' }],
    },
    expected: [
      ['account-invalid', '/Policies/0/Arn'],
      ['account-invalid', '/Policies/0/AttachmentCount'],
    ],
  },
  {
    name: 'unknown fields are ignored',
    input: { RoleDetailList: [role({ MaxSessionDuration: 3600, Brand: { new: true } })], Marker: 'x' },
    expected: [],
  },
];

describe('parseAccountDetails diagnostics', () => {
  for (const c of ACCOUNT_ERRORS) {
    it(c.name, () => {
      const parsed = parseAccountDetails(c.input);
      const got = parsed.ok ? [] : parsed.diagnostics.map((d) => [d.code, d.path]);
      expect(got).toEqual(c.expected);
      if (!parsed.ok) for (const d of parsed.diagnostics) expect(d.message).toMatch(/^[a-z`]/);
    });
  }
});

const org = (extra: Record<string, unknown>) => ({
  managementAccountId: '999988887777',
  targets: {},
  policies: [],
  ...extra,
});
const scp = (extra: Record<string, unknown>) => ({
  id: 'p-1',
  name: 'One',
  type: 'SERVICE_CONTROL_POLICY',
  document: { Version: '2012-10-17', Statement: [] },
  targets: ['r-a1b2'],
  ...extra,
});

const ORG_ERRORS: readonly {
  readonly name: string;
  readonly input: unknown;
  readonly expected: readonly (readonly [code: string, path: string])[];
}[] = [
  { name: 'the fixture is valid', input: fixture('org.json'), expected: [] },
  { name: 'not an object', input: 'org', expected: [['org-invalid', '']] },
  { name: 'an empty object', input: {}, expected: [['org-shape', '']] },
  { name: 'no policies', input: { targets: {} }, expected: [['org-shape', '']] },
  {
    name: 'an account authorization details file',
    input: fixture('account-111122223333-cli.json'),
    expected: [['org-shape', '/UserDetailList']],
  },
  {
    name: 'raw `aws organizations list-policies-for-target` output',
    input: { Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY' }] },
    expected: [['org-shape', '/Policies']],
  },
  { name: 'the fixture with the organization id is valid', input: fixture('org-with-id.json'), expected: [] },
  {
    name: 'an organization id that is not one (an account id, an OU id)',
    input: org({ organizationId: '999988887777' }),
    expected: [['org-invalid', '/organizationId']],
  },
  {
    name: 'an OU id given as the organization id',
    input: org({ organizationId: 'ou-a1b2-prod1234' }),
    expected: [['org-invalid', '/organizationId']],
  },
  {
    name: 'a management account that is not an id',
    input: org({ managementAccountId: '9999' }),
    expected: [['org-invalid', '/managementAccountId']],
  },
  {
    name: 'parents not starting at the root, a parent that is not a string',
    input: org({ targets: { '111122223333': ['ou-a1b2-prod'], '444455556666': ['r-a1b2', 3] } }),
    expected: [
      ['org-invalid', '/targets/111122223333'],
      ['org-invalid', '/targets/444455556666/1'],
    ],
  },
  {
    name: 'a target key that is not an account id',
    input: org({ targets: { prod: ['r-a1b2'] } }),
    expected: [['org-invalid', '/targets/prod']],
  },
  {
    name: 'a tag policy, a duplicate id, a broken JSON string document',
    input: org({
      policies: [scp({}), scp({ type: 'TAG_POLICY', id: 'p-2' }), scp({}), scp({ id: 'p-3', document: '{' })],
    }),
    expected: [
      ['org-invalid', '/policies/1/type'],
      ['org-duplicate', '/policies/2/id'],
      ['org-document', '/policies/3/document'],
    ],
  },
];

describe('parseOrganization', () => {
  for (const c of ORG_ERRORS) {
    it(c.name, () => {
      const parsed = parseOrganization(c.input);
      expect(parsed.ok ? [] : parsed.diagnostics.map((d) => [d.code, d.path])).toEqual(c.expected);
    });
  }

  it('decodes a describe-policy Content string and keeps targets', () => {
    const parsed = parseOrganization(fixture('org.json'));
    if (!parsed.ok) throw new Error('invalid');
    const baseline = parsed.value.policies.find((p) => p.id === 'p-5q8baseline');
    expect(baseline?.document).toMatchObject({ Statement: [{ Sid: 'KeepBuckets' }] });
    expect(parsed.value.targets['111122223333']).toEqual(['r-a1b2', 'ou-a1b2-workloads', 'ou-a1b2-prod']);
  });
});

describe('buildEvidence', () => {
  it('prefixes diagnostics with the part they are in', () => {
    const built = buildEvidence({
      accounts: [fixture('account-111122223333-cli.json'), fixture('account-111122223333-api.json'), {}],
      organization: org({ managementAccountId: 'x' }),
      resourcePolicies: [
        { arn: 'bucket', document: {} },
        { arn: 'arn:aws:s3:::b', document: '%ZZ' },
        { arn: 'arn:aws:s3:::c', document: { Version: '2012-10-17', Statement: 'Deny everything' } },
      ],
    });
    expect(built.ok ? [] : built.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['account-duplicate', '/accounts/1'],
      ['account-shape', '/accounts/2'],
      ['org-invalid', '/organization/managementAccountId'],
      ['resource-policy-invalid', '/resourcePolicies/0/arn'],
      ['resource-policy-document', '/resourcePolicies/1/document'],
      ['policy-type', '/resourcePolicies/2/document/Statement'],
    ]);
  });

  it.each([
    ['the document', (d: unknown) => d],
    ['`get-bucket-policy` output', (d: unknown) => ({ Policy: JSON.stringify(d) })],
    ['`get-bucket-policy --query Policy --output text`', (d: unknown) => JSON.stringify(d)],
    ['`get-queue-attributes` output', (d: unknown) => ({ Attributes: { Policy: JSON.stringify(d) } })],
  ])('reads a resource policy given as %s', (_name, wrap) => {
    const document = fixture('bucket-policy-acme-web-assets.json');
    const built = buildEvidence({
      resourcePolicies: [{ arn: 'arn:aws:s3:::acme-web-assets', document: wrap(document) }],
    });
    expect(built.ok ? built.value.resourcePolicies[0]?.document : built.diagnostics).toEqual(document);
  });

  it('names resource policies after what carries them, unless a name is given', () => {
    const built = buildEvidence({
      resourcePolicies: [
        { arn: 'arn:aws:s3:::acme-web-assets', document: fixture('bucket-policy-acme-web-assets.json') },
        { arn: 'arn:aws:sqs:eu-west-1:111122223333:orders', document: '{"Statement":[]}', name: 'Orders' },
      ],
      context: { 'aws:SourceVpc': 'vpc-1' },
    });
    if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
    expect(built.value.resourcePolicies.map((p) => p.name)).toEqual([
      'bucket-policy:acme-web-assets',
      'Orders',
    ]);
    expect(built.value.context).toEqual({ 'aws:SourceVpc': 'vpc-1' });
  });
});

const NAMES: readonly (readonly [arn: string, name: string])[] = [
  ['arn:aws:s3:::acme', 'bucket-policy:acme'],
  ['arn:aws:s3:::acme/a/b.txt', 'bucket-policy:acme'],
  ['arn:aws:kms:eu-west-1:111122223333:key/k-1', 'key-policy:k-1'],
  ['arn:aws:sqs:eu-west-1:111122223333:orders', 'queue-policy:orders'],
  ['arn:aws:sns:eu-west-1:111122223333:alerts', 'topic-policy:alerts'],
  ['arn:aws:ecr:eu-west-1:111122223333:repository/web/api', 'repository-policy:web/api'],
  ['arn:aws:lambda:eu-west-1:111122223333:function:resize:prod', 'function-policy:resize'],
  ['arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/ByDate', 'table-policy:Orders'],
  ['arn:aws:iam::111122223333:role/service/deploy-role', 'trust-policy:deploy-role'],
  [
    'arn:aws:es:eu-west-1:111122223333:domain/logs',
    'resource-policy:arn:aws:es:eu-west-1:111122223333:domain/logs',
  ],
];

const GOVERNS: readonly (readonly [given: string, resource: string, governs: boolean])[] = [
  ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/x/y', true],
  ['arn:aws:s3:::acme', 'arn:aws:s3:::acme-logs/x', false],
  ['arn:aws:s3:::acme', 'arn:aws:s3:eu-west-1:111122223333:accesspoint/acme', false],
  [
    'arn:aws:lambda:eu-west-1:111122223333:function:resize',
    'arn:aws:lambda:eu-west-1:111122223333:function:resize:7',
    true,
  ],
  [
    'arn:aws:lambda:eu-west-1:111122223333:function:resize',
    'arn:aws:lambda:eu-west-1:111122223333:function:resizer',
    false,
  ],
  [
    'arn:aws:secretsmanager:eu-west-1:1:secret:db',
    'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf',
    true,
  ],
  [
    'arn:aws:secretsmanager:eu-west-1:1:secret:db',
    'arn:aws:secretsmanager:eu-west-1:1:secret:db-prod-AbCdEf',
    false,
  ],
  [
    'arn:aws:dynamodb:eu-west-1:1:table/Orders',
    'arn:aws:dynamodb:eu-west-1:1:table/Orders/stream/2024',
    true,
  ],
  ['arn:aws:kms:eu-west-1:1:key/a', 'arn:aws:kms:eu-west-1:1:key/b', false],
  ['arn:aws:es:eu-west-1:1:domain/logs', 'arn:aws:es:eu-west-1:1:domain/logs', true],
];

describe('resource policy names and matching', () => {
  for (const [arn, name] of NAMES) it(`${arn} → ${name}`, () => expect(resourcePolicyName(arn)).toBe(name));
  for (const [given, resource, expected] of GOVERNS)
    it(`${given} ${expected ? 'governs' : 'does not govern'} ${resource}`, () =>
      expect(governs(given, resource)).toBe(expected));
});
