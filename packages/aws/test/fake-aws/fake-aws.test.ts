import {
  GetAccountAuthorizationDetailsCommand,
  GetGroupPolicyCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListRolesCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListInstanceProfilesForRole,
  paginateListRolePolicies,
  paginateListRoleTags,
  paginateListUserPolicies,
  paginateListUserTags,
  paginateSimulatePrincipalPolicy,
} from '@aws-sdk/client-iam';
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListPoliciesForTargetCommand,
  OrganizationsClient,
  paginateListParents,
  paginateListPoliciesForTarget,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAws, startFakeAws } from './fake-aws.js';
import { all, callsOf, clientConfig, failure, withFake } from './sdk-calls.js';
import { WORLD } from './test-world.js';

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws(WORLD);
});
afterAll(async () => {
  await fake.close();
});

describe('sts (query)', () => {
  it('answers who is calling and decodes a message', async () => {
    const sts = new STSClient(clientConfig(fake));
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Arn: WORLD.caller.arn,
      Account: '111122223333',
      UserId: 'AIDAEXAMPLEALICE0001',
      $metadata: { httpStatusCode: 200 },
    });
    const decoded = await sts.send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: 'encoded-message-1' }),
    );
    expect(JSON.parse(decoded.DecodedMessage ?? '')).toEqual({ allowed: false, explicitDeny: false });
    expect(
      await failure(sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'other' }))),
    ).toMatchObject({
      name: 'InvalidAuthorizationMessageException',
      status: 400,
    });
    expect(callsOf(fake, 'sts:GetCallerIdentity')).toEqual([
      {
        service: 'sts',
        operation: 'GetCallerIdentity',
        action: 'sts:GetCallerIdentity',
        status: 200,
        signedFor: 'sts',
      },
    ]);
  });
});

describe('iam (query)', () => {
  const iam = () => new IAMClient(clientConfig(fake));
  const decode = (text: string | undefined) => JSON.parse(decodeURIComponent(text ?? ''));

  it('reads a role: URL-encoded documents, boundary, tags, and every list followed page by page', async () => {
    const { Role } = await iam().send(new GetRoleCommand({ RoleName: 'app' }));
    expect(Role).toMatchObject({
      RoleName: 'app',
      Arn: 'arn:aws:iam::111122223333:role/app',
      PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Local' },
      Tags: [
        { Key: 'team', Value: 'data' },
        { Key: 'env', Value: 'prod' },
      ],
    });
    expect(Role?.CreateDate).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(decode(Role?.AssumeRolePolicyDocument).Statement[0].Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });

    const client = iam();
    const config = { client, pageSize: 1 };
    expect(await all(paginateListRolePolicies(config, { RoleName: 'app' }), (p) => p.PolicyNames)).toEqual([
      'read-reports',
      'encoded',
    ]);
    expect(callsOf(fake, 'iam:ListRolePolicies').map((c) => c.status)).toEqual([200, 200]);
    for (const PolicyName of ['read-reports', 'encoded']) {
      const policy = await client.send(new GetRolePolicyCommand({ RoleName: 'app', PolicyName }));
      expect(decode(policy.PolicyDocument).Statement[0].Action).toBe('s3:GetObject');
    }
    const attached = await all(
      paginateListAttachedRolePolicies(config, { RoleName: 'app' }),
      (p) => p.AttachedPolicies,
    );
    expect(attached.map((p) => p.PolicyName)).toEqual(['Local', 'ReadOnlyAccess']);
    const tags = await all(paginateListRoleTags(config, { RoleName: 'app' }), (p) => p.Tags);
    expect(tags.map((t) => t.Key)).toEqual(['team', 'env']);
    const profiles = await all(
      paginateListInstanceProfilesForRole(config, { RoleName: 'app' }),
      (p) => p.InstanceProfiles,
    );
    expect(profiles.map((p) => p.InstanceProfileName)).toEqual(['app-a', 'app-b']);
    const { InstanceProfile } = await client.send(
      new GetInstanceProfileCommand({ InstanceProfileName: 'app-b' }),
    );
    expect(InstanceProfile?.Roles?.[0]?.RoleName).toBe('app');
  });

  it('reads a user (the caller by default), its groups and their policies', async () => {
    const client = iam();
    const config = { client, pageSize: 1 };
    expect((await client.send(new GetUserCommand({}))).User?.UserName).toBe('alice');
    expect(await all(paginateListUserPolicies(config, { UserName: 'alice' }), (p) => p.PolicyNames)).toEqual([
      'u1',
      'u2',
    ]);
    const u2 = await client.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'u2' }));
    expect(decode(u2.PolicyDocument).Version).toBe('2012-10-17');
    const attached = await all(
      paginateListAttachedUserPolicies(config, { UserName: 'alice' }),
      (p) => p.AttachedPolicies,
    );
    expect(attached).toHaveLength(2);
    expect(await all(paginateListUserTags(config, { UserName: 'alice' }), (p) => p.Tags)).toHaveLength(2);
    const groups = await all(paginateListGroupsForUser(config, { UserName: 'alice' }), (p) => p.Groups);
    expect(groups.map((g) => g.GroupName)).toEqual(['devs', 'ops']);
    expect(await all(paginateListGroupPolicies(config, { GroupName: 'ops' }), (p) => p.PolicyNames)).toEqual([
      'ops-1',
      'ops-2',
    ]);
    const inline = await client.send(new GetGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'ops-2' }));
    expect(decode(inline.PolicyDocument).Statement).toHaveLength(1);
    const groupAttached = await all(
      paginateListAttachedGroupPolicies(config, { GroupName: 'devs' }),
      (p) => p.AttachedPolicies,
    );
    expect(groupAttached.map((p) => p.PolicyArn)).toContain('arn:aws:iam::aws:policy/ReadOnlyAccess');
  });

  it('reads managed policies and their versions', async () => {
    const client = iam();
    const { Policy } = await client.send(
      new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::111122223333:policy/Local' }),
    );
    expect(Policy).toMatchObject({
      PolicyName: 'Local',
      DefaultVersionId: 'v2',
      AttachmentCount: 3,
      IsAttachable: true,
    });
    const { PolicyVersion } = await client.send(
      new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::111122223333:policy/Local', VersionId: 'v2' }),
    );
    expect(PolicyVersion?.IsDefaultVersion).toBe(true);
    expect(decode(PolicyVersion?.Document).Statement[0].Action).toBe('s3:*');
  });

  it('answers IAM NoSuchEntity (404) for what the account does not have, ValidationError for GetUser as a role', async () => {
    const client = iam();
    expect(await failure(client.send(new GetRoleCommand({ RoleName: 'ghost' })))).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name ghost cannot be found.',
    });
    const noPolicy = client.send(new GetRolePolicyCommand({ RoleName: 'app', PolicyName: 'ghost' }));
    expect(await failure(noPolicy)).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    await withFake(
      { ...WORLD, caller: { ...WORLD.caller, arn: 'arn:aws:iam::111122223333:role/app' } },
      async (asRole) => {
        const getUser = new IAMClient(clientConfig(asRole)).send(new GetUserCommand({}));
        expect(await failure(getUser)).toMatchObject({ name: 'ValidationError', status: 400 });
      },
    );
    const noVersion = client.send(
      new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/X', VersionId: 'v1' }),
    );
    expect(await failure(noVersion)).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('pages GetAccountAuthorizationDetails through every entry, filter honoured', async () => {
    const client = iam();
    const pages = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client }, {})) pages.push(page);
    // two groups, one user, one role, two policies: one entry a page
    expect(pages).toHaveLength(6);
    const roles = pages.flatMap((p) => p.RoleDetailList ?? []);
    expect(roles.map((r) => r.RoleName)).toEqual(['app']);
    expect(decode(roles[0]?.RolePolicyList?.[0]?.PolicyDocument).Statement[0].Resource).toBe(
      'arn:aws:s3:::reports/*',
    );
    expect(pages.flatMap((p) => p.Policies ?? []).map((p) => p.PolicyName)).toEqual([
      'Local',
      'ReadOnlyAccess',
    ]);
    const onlyLocal = await client.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'], MaxItems: 10 }),
    );
    expect(onlyLocal).toMatchObject({ IsTruncated: false, UserDetailList: [], RoleDetailList: [] });
    expect(onlyLocal.Policies?.map((p) => p.PolicyName)).toEqual(['Local']);
  });

  it('simulates with the answers of the world, implicitDeny otherwise', async () => {
    const results = await all(
      paginateSimulatePrincipalPolicy(
        { client: iam(), pageSize: 1 },
        {
          PolicySourceArn: 'arn:aws:iam::111122223333:user/alice',
          ActionNames: ['s3:GetObject', 's3:PutObject'],
          ResourceArns: ['arn:aws:s3:::reports/q3.csv'],
        },
      ),
      (p) => p.EvaluationResults,
    );
    expect(results.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
    expect(results[0]?.MatchedStatements).toMatchObject([
      { SourcePolicyId: 'read-reports', SourcePolicyType: 'IAM Policy' },
    ]);
  });

  it('answers an operation it does not serve with InvalidAction (400), and records it', async () => {
    expect(await failure(iam().send(new ListRolesCommand({})))).toMatchObject({
      name: 'InvalidAction',
      status: 400,
    });
    expect(callsOf(fake, 'iam:ListRoles')).toEqual([
      { service: 'iam', operation: 'ListRoles', action: 'iam:ListRoles', status: 400, signedFor: 'iam' },
    ]);
  });
});

describe('organizations (JSON 1.1)', () => {
  it('walks the path of an account and reads the policies on it, page by page', async () => {
    const client = new OrganizationsClient(clientConfig(fake));
    const config = { client, pageSize: 1 };
    const { Organization } = await client.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({ MasterAccountId: '999988887777', FeatureSet: 'ALL' });
    expect((await all(paginateListRoots(config, {}), (p) => p.Roots)).map((r) => r.Id)).toEqual(['r-a1b2']);
    const path: string[] = [];
    for (let child = '111122223333'; !child.startsWith('r-'); ) {
      const [parent] = await all(paginateListParents(config, { ChildId: child }), (p) => p.Parents);
      child = parent?.Id ?? 'r-none';
      path.unshift(child);
    }
    expect(path).toEqual(['r-a1b2', 'ou-a1b2-workloads', 'ou-a1b2-prod']);
    const scps = await all(
      paginateListPoliciesForTarget(config, { TargetId: '111122223333', Filter: 'SERVICE_CONTROL_POLICY' }),
      (p) => p.Policies,
    );
    expect(scps.map((p) => [p.Id, p.AwsManaged])).toEqual([
      ['p-FullAWSAccess', true],
      ['p-denyregions', false],
    ]);
    expect(callsOf(fake, 'organizations:ListPoliciesForTarget')).toHaveLength(2);
    const rcps = await client.send(
      new ListPoliciesForTargetCommand({ TargetId: '111122223333', Filter: 'RESOURCE_CONTROL_POLICY' }),
    );
    expect(rcps.Policies?.map((p) => p.Name)).toEqual(['DenyExternal']);
    const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: 'p-denyregions' }));
    expect(JSON.parse(Policy?.Content ?? '').Statement[0].Effect).toBe('Deny');
    expect(Policy?.PolicySummary?.Type).toBe('SERVICE_CONTROL_POLICY');
  });

  it('refuses a member account that is no delegated administrator, and a caller outside any organization', async () => {
    await withFake({ ...WORLD, delegatedAdministrators: [] }, async (member) => {
      const client = new OrganizationsClient(clientConfig(member));
      expect((await client.send(new DescribeOrganizationCommand({}))).Organization?.Id).toMatch(/^o-/);
      const list = client.send(
        new ListPoliciesForTargetCommand({ TargetId: '111122223333', Filter: 'SERVICE_CONTROL_POLICY' }),
      );
      expect(await failure(list)).toEqual({
        name: 'AccessDeniedException',
        status: 400,
        message: "You don't have permissions to access this resource.",
      });
    });
    const { organization: _, ...alone } = WORLD;
    await withFake(alone, async (outside) => {
      const client = new OrganizationsClient(clientConfig(outside));
      expect(await failure(client.send(new DescribeOrganizationCommand({})))).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
        status: 400,
      });
    });
  });
});
