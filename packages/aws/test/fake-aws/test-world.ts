import type { FakeWorld } from './world.js';

/** A statement list as a policy document. */
function doc(...statements: object[]) {
  return { Version: '2012-10-17', Statement: statements };
}

const ALLOW_S3 = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
const TRUST_EC2 = doc({
  Effect: 'Allow',
  Principal: { Service: 'ec2.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
const ACCOUNT = '111122223333';
const iamArn = (path: string) => `arn:aws:iam::${ACCOUNT}:${path}`;

/** Two of everything the role, the user and its groups have, so that one-item pages must be followed. */
const ROLE = {
  Path: '/',
  RoleName: 'app',
  RoleId: 'AROAEXAMPLEAPP000001',
  Arn: iamArn('role/app'),
  CreateDate: '2024-01-01T00:00:00Z',
  // the CLI prints documents decoded; the API and this fake URL-encode them
  AssumeRolePolicyDocument: TRUST_EC2,
  InstanceProfileList: ['app-a', 'app-b'].map((name, i) => ({
    Path: '/',
    InstanceProfileName: name,
    InstanceProfileId: `AIPAEXAMPLEPROFILE0${i}`,
    Arn: iamArn(`instance-profile/${name}`),
    CreateDate: '2024-01-01T00:00:00Z',
    Roles: [{ Path: '/', RoleName: 'app', RoleId: 'AROAEXAMPLEAPP000001', Arn: iamArn('role/app') }],
  })),
  RolePolicyList: [
    { PolicyName: 'read-reports', PolicyDocument: ALLOW_S3 },
    // already URL-encoded, as `get-account-authorization-details` without the CLI's decoding has it
    { PolicyName: 'encoded', PolicyDocument: encodeURIComponent(JSON.stringify(ALLOW_S3)) },
  ],
  AttachedManagedPolicies: [
    { PolicyName: 'Local', PolicyArn: iamArn('policy/Local') },
    { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  ],
  PermissionsBoundary: {
    PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
    PermissionsBoundaryArn: iamArn('policy/Local'),
  },
  Tags: [
    { Key: 'team', Value: 'data' },
    { Key: 'env', Value: 'prod' },
  ],
  RoleLastUsed: { LastUsedDate: '2025-01-01T00:00:00Z', Region: 'us-east-1' },
};

const USER = {
  Path: '/',
  UserName: 'alice',
  UserId: 'AIDAEXAMPLEALICE0001',
  Arn: iamArn('user/alice'),
  CreateDate: '2023-01-01T00:00:00Z',
  UserPolicyList: [
    { PolicyName: 'u1', PolicyDocument: ALLOW_S3 },
    { PolicyName: 'u2', PolicyDocument: JSON.stringify(ALLOW_S3) },
  ],
  GroupList: ['devs', 'ops'],
  AttachedManagedPolicies: [
    { PolicyName: 'Local', PolicyArn: iamArn('policy/Local') },
    { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  ],
  Tags: [
    { Key: 'cost-center', Value: '42' },
    { Key: 'owner', Value: 'alice' },
  ],
};

const group = (name: string, id: string) => ({
  Path: '/',
  GroupName: name,
  GroupId: id,
  Arn: iamArn(`group/${name}`),
  CreateDate: '2023-01-01T00:00:00Z',
  GroupPolicyList: [
    { PolicyName: `${name}-1`, PolicyDocument: ALLOW_S3 },
    { PolicyName: `${name}-2`, PolicyDocument: ALLOW_S3 },
  ],
  AttachedManagedPolicies: [
    { PolicyName: 'Local', PolicyArn: iamArn('policy/Local') },
    { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  ],
});

const managed = (arn: string, name: string, id: string) => ({
  PolicyName: name,
  PolicyId: id,
  Arn: arn,
  Path: '/',
  DefaultVersionId: 'v2',
  AttachmentCount: 3,
  PermissionsBoundaryUsageCount: 1,
  IsAttachable: true,
  CreateDate: '2023-01-01T00:00:00Z',
  UpdateDate: '2024-01-01T00:00:00Z',
  PolicyVersionList: [
    {
      Document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      VersionId: 'v2',
      IsDefaultVersion: true,
    },
    { Document: ALLOW_S3, VersionId: 'v1', IsDefaultVersion: false },
  ],
});

/** The account details of the test world: one role, one user in two groups, two managed policies. */
const ACCOUNT_DETAILS = {
  UserDetailList: [USER],
  GroupDetailList: [group('devs', 'AGPAEXAMPLEDEVS00001'), group('ops', 'AGPAEXAMPLEOPS000001')],
  RoleDetailList: [ROLE],
  Policies: [
    managed(iamArn('policy/Local'), 'Local', 'ANPAEXAMPLELOCAL0001'),
    managed('arn:aws:iam::aws:policy/ReadOnlyAccess', 'ReadOnlyAccess', 'ANPAEXAMPLEREADONLY1'),
  ],
};

/** An organization in whydenied's `--org` format: the caller's account under two OUs. */
const ORGANIZATION = {
  managementAccountId: '999988887777',
  targets: { [ACCOUNT]: ['r-a1b2', 'ou-a1b2-workloads', 'ou-a1b2-prod'] },
  policies: [
    {
      id: 'p-FullAWSAccess',
      name: 'FullAWSAccess',
      type: 'SERVICE_CONTROL_POLICY',
      document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      targets: ['r-a1b2', 'ou-a1b2-workloads', 'ou-a1b2-prod', ACCOUNT],
    },
    {
      id: 'p-denyregions',
      name: 'DenyRegions',
      type: 'SERVICE_CONTROL_POLICY',
      document: JSON.stringify(doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })),
      targets: [ACCOUNT],
    },
    {
      id: 'p-rcpdenyext',
      name: 'DenyExternal',
      type: 'RESOURCE_CONTROL_POLICY',
      document: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }),
      targets: [ACCOUNT],
    },
  ],
};

/** ARNs with resource policies in the test world, one per service. */
export const RESOURCES = {
  bucket: 'arn:aws:s3:::reports',
  key: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  secret: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-password-AbCdEf`,
  queue: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
  topic: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
  function: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`,
  repository: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`,
} as const;

/** The resource policy of `arn` in the test world. */
export function resourcePolicy(arn: string) {
  return doc({
    Sid: 'Owner',
    Effect: 'Allow',
    Principal: { AWS: iamArn('root') },
    Action: '*',
    Resource: arn,
  });
}

/** The test world: alice calls from account 111122223333 (the management account: no). */
export const WORLD: FakeWorld = {
  caller: { arn: iamArn('user/alice'), account: ACCOUNT, userId: 'AIDAEXAMPLEALICE0001' },
  accountDetails: ACCOUNT_DETAILS,
  organization: ORGANIZATION,
  delegatedAdministrators: [ACCOUNT],
  resourcePolicies: Object.fromEntries(Object.values(RESOURCES).map((arn) => [arn, resourcePolicy(arn)])),
  decoded: { 'encoded-message-1': '{"allowed":false,"explicitDeny":false}' },
  simulate: {
    's3:GetObject arn:aws:s3:::reports/q3.csv': {
      decision: 'allowed',
      matched: [{ sourcePolicyId: 'read-reports', sourcePolicyType: 'IAM Policy' }],
    },
  },
  pageSize: 1,
};
