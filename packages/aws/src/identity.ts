import type { LiveGap } from './gaps.js';
import { gapOf } from './gaps.js';
import type { AwsSession } from './session.js';

/**
 * The caller's identity read with targeted IAM calls — the role or user, its inline and attached
 * managed policies (default versions), groups, permissions boundary, tags, trust policy and instance
 * profiles — written in the shape of `aws iam get-account-authorization-details`, which the offline
 * commands read as they are.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

/** The account file being built: the four lists of `get-account-authorization-details`. */
export interface AccountDetails {
  UserDetailList: Record<string, unknown>[];
  GroupDetailList: Record<string, unknown>[];
  RoleDetailList: Record<string, unknown>[];
  Policies: Record<string, unknown>[];
}

/** Most pages followed per list (IAM pages hold up to 1,000 items). */
export const MAX_PAGES = 50;

type Json = Record<string, unknown>;

/** Follows an IAM list to its end (`Marker`/`IsTruncated`), at most {@link MAX_PAGES} pages. */
export async function iamPages(
  session: AwsSession,
  action: Parameters<AwsSession['call']>[0],
  input: Json,
  list: string,
  gaps: LiveGap[],
  subject: string,
): Promise<Json[] | null> {
  const items: Json[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await session.call<Json>(action, {
      ...input,
      ...(marker === undefined ? {} : { Marker: marker }),
    });
    if (!result.ok) {
      gaps.push(gapOf(action, subject, result));
      return null;
    }
    items.push(...((result.value[list] as Json[] | undefined) ?? []));
    if (result.value.IsTruncated !== true || typeof result.value.Marker !== 'string') return items;
    marker = result.value.Marker;
  }
  return items;
}

/** One entity read by a `Get*` call (`Role` of GetRole...), or `null` with its gap recorded. */
async function getOne(
  session: AwsSession,
  action: Parameters<AwsSession['call']>[0],
  input: Json,
  field: string,
  subject: string,
  gaps: LiveGap[],
): Promise<Json | null> {
  const got = await session.call<Json>(action, input);
  if (!got.ok) {
    gaps.push(gapOf(action, subject, got));
    return null;
  }
  return (got.value[field] ?? {}) as Json;
}

/** Adds the managed policy `arn` (its default version) to `Policies`, once. */
async function addManagedPolicy(
  session: AwsSession,
  details: AccountDetails,
  arn: string,
  gaps: LiveGap[],
): Promise<void> {
  if (details.Policies.some((p) => p.Arn === arn)) return;
  const summary = await getOne(session, 'iam:GetPolicy', { PolicyArn: arn }, 'Policy', arn, gaps);
  if (summary === null) return;
  const versionId = summary.DefaultVersionId;
  const v = await getOne(
    session,
    'iam:GetPolicyVersion',
    { PolicyArn: arn, VersionId: versionId },
    'PolicyVersion',
    arn,
    gaps,
  );
  if (v === null) return;
  details.Policies.push({
    PolicyName: summary.PolicyName,
    PolicyId: summary.PolicyId,
    Arn: arn,
    Path: summary.Path,
    DefaultVersionId: versionId,
    AttachmentCount: summary.AttachmentCount,
    IsAttachable: summary.IsAttachable,
    PolicyVersionList: [{ Document: v.Document, VersionId: v.VersionId, IsDefaultVersion: true }],
  });
}

/** Inline policies of a role, user or group: their names, then each document. */
async function inlinePolicies(
  session: AwsSession,
  kind: 'Role' | 'User' | 'Group',
  name: string,
  gaps: LiveGap[],
): Promise<Json[] | null> {
  const listAction = `iam:List${kind}Policies` as const;
  const getAction = `iam:Get${kind}Policy` as const;
  const names = await iamPages(session, listAction, { [`${kind}Name`]: name }, 'PolicyNames', gaps, name);
  if (names === null) return null;
  const out: Json[] = [];
  for (const policyName of names as unknown as string[]) {
    const got = await session.call<Json>(getAction, { [`${kind}Name`]: name, PolicyName: policyName });
    if (!got.ok) {
      gaps.push(gapOf(getAction, `${name}/${policyName}`, got));
      continue;
    }
    out.push({ PolicyName: policyName, PolicyDocument: got.value.PolicyDocument });
  }
  return out;
}

/** Attached managed policies of a role, user or group, each added to `Policies`. */
async function attachedPolicies(
  session: AwsSession,
  details: AccountDetails,
  kind: 'Role' | 'User' | 'Group',
  name: string,
  gaps: LiveGap[],
): Promise<Json[] | null> {
  const action = `iam:ListAttached${kind}Policies` as const;
  const attached = await iamPages(session, action, { [`${kind}Name`]: name }, 'AttachedPolicies', gaps, name);
  if (attached === null) return null;
  for (const a of attached) {
    if (typeof a.PolicyArn === 'string') await addManagedPolicy(session, details, a.PolicyArn, gaps);
  }
  return attached.map((a) => ({ PolicyName: a.PolicyName, PolicyArn: a.PolicyArn }));
}

/** Adds a role with its trust policy, policies, boundary, tags and instance profiles. */
export async function addRole(
  session: AwsSession,
  details: AccountDetails,
  roleName: string,
  gaps: LiveGap[],
  full = true,
): Promise<boolean> {
  if (details.RoleDetailList.some((r) => r.RoleName === roleName)) return true;
  const role = await getOne(session, 'iam:GetRole', { RoleName: roleName }, 'Role', roleName, gaps);
  if (role === null) return false;
  const boundary = role.PermissionsBoundary as Json | undefined;
  const entry: Json = {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: role.CreateDate,
    AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
    Tags: role.Tags ?? [],
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: [],
    ...(boundary === undefined ? {} : { PermissionsBoundary: boundary }),
  };
  details.RoleDetailList.push(entry);
  if (!full) return true;
  entry.RolePolicyList = (await inlinePolicies(session, 'Role', roleName, gaps)) ?? [];
  entry.AttachedManagedPolicies = (await attachedPolicies(session, details, 'Role', roleName, gaps)) ?? [];
  if (typeof boundary?.PermissionsBoundaryArn === 'string') {
    await addManagedPolicy(session, details, boundary.PermissionsBoundaryArn, gaps);
  }
  const profiles = await iamPages(
    session,
    'iam:ListInstanceProfilesForRole',
    { RoleName: roleName },
    'InstanceProfiles',
    gaps,
    roleName,
  );
  entry.InstanceProfileList = (profiles ?? []).map(instanceProfileEntry);
  return true;
}

/** Adds an instance profile's role (named by the call's parameters) with its profile list. */
export async function addInstanceProfile(
  session: AwsSession,
  details: AccountDetails,
  profileName: string,
  gaps: LiveGap[],
): Promise<void> {
  const known = details.RoleDetailList.some((r) =>
    ((r.InstanceProfileList as Json[] | undefined) ?? []).some((p) => p.InstanceProfileName === profileName),
  );
  if (known) return;
  const profile = await getOne(
    session,
    'iam:GetInstanceProfile',
    { InstanceProfileName: profileName },
    'InstanceProfile',
    profileName,
    gaps,
  );
  if (profile === null) return;
  for (const role of (profile.Roles as Json[] | undefined) ?? []) {
    if (typeof role.RoleName !== 'string') continue;
    const existing = details.RoleDetailList.find((r) => r.RoleName === role.RoleName);
    if (existing === undefined) {
      details.RoleDetailList.push({
        Path: role.Path,
        RoleName: role.RoleName,
        RoleId: role.RoleId,
        Arn: role.Arn,
        CreateDate: role.CreateDate,
        AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
        Tags: [],
        InstanceProfileList: [instanceProfileEntry(profile)],
        RolePolicyList: [],
        AttachedManagedPolicies: [],
      });
    } else {
      (existing.InstanceProfileList as Json[]).push(instanceProfileEntry(profile));
    }
  }
}

function instanceProfileEntry(profile: Json): Json {
  return {
    Path: profile.Path,
    InstanceProfileName: profile.InstanceProfileName,
    InstanceProfileId: profile.InstanceProfileId,
    Arn: profile.Arn,
    CreateDate: profile.CreateDate,
    Roles: ((profile.Roles as Json[] | undefined) ?? []).map((r) => ({
      Path: r.Path,
      RoleName: r.RoleName,
      RoleId: r.RoleId,
      Arn: r.Arn,
      CreateDate: r.CreateDate,
    })),
  };
}

/** Adds a user with its policies, groups (and theirs), boundary and tags. */
export async function addUser(
  session: AwsSession,
  details: AccountDetails,
  userName: string,
  gaps: LiveGap[],
): Promise<boolean> {
  if (details.UserDetailList.some((u) => u.UserName === userName)) return true;
  const user = await getOne(session, 'iam:GetUser', { UserName: userName }, 'User', userName, gaps);
  if (user === null) return false;
  const boundary = user.PermissionsBoundary as Json | undefined;
  const groups =
    (await iamPages(session, 'iam:ListGroupsForUser', { UserName: userName }, 'Groups', gaps, userName)) ??
    [];
  details.UserDetailList.push({
    Path: user.Path,
    UserName: user.UserName,
    UserId: user.UserId,
    Arn: user.Arn,
    CreateDate: user.CreateDate,
    Tags: user.Tags ?? [],
    UserPolicyList: (await inlinePolicies(session, 'User', userName, gaps)) ?? [],
    AttachedManagedPolicies: (await attachedPolicies(session, details, 'User', userName, gaps)) ?? [],
    GroupList: groups.map((g) => g.GroupName),
    ...(boundary === undefined ? {} : { PermissionsBoundary: boundary }),
  });
  if (typeof boundary?.PermissionsBoundaryArn === 'string') {
    await addManagedPolicy(session, details, boundary.PermissionsBoundaryArn, gaps);
  }
  for (const group of groups) {
    const name = group.GroupName;
    if (typeof name !== 'string' || details.GroupDetailList.some((g) => g.GroupName === name)) continue;
    details.GroupDetailList.push({
      Path: group.Path,
      GroupName: name,
      GroupId: group.GroupId,
      Arn: group.Arn,
      CreateDate: group.CreateDate,
      GroupPolicyList: (await inlinePolicies(session, 'Group', name, gaps)) ?? [],
      AttachedManagedPolicies: (await attachedPolicies(session, details, 'Group', name, gaps)) ?? [],
    });
  }
  return true;
}

/** The whole account (`--all`): `GetAccountAuthorizationDetails`, every page. */
export async function wholeAccount(session: AwsSession, gaps: LiveGap[]): Promise<AccountDetails | null> {
  const details: AccountDetails = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await session.call<Json>('iam:GetAccountAuthorizationDetails', {
      ...(marker === undefined ? {} : { Marker: marker }),
    });
    if (!result.ok) {
      gaps.push(gapOf('iam:GetAccountAuthorizationDetails', 'the account', result));
      return null;
    }
    for (const list of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const) {
      details[list].push(...((result.value[list] as Json[] | undefined) ?? []));
    }
    if (result.value.IsTruncated !== true || typeof result.value.Marker !== 'string') break;
    marker = result.value.Marker;
  }
  return details;
}
