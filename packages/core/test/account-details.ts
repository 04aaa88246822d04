/**
 * Writes `aws iam get-account-authorization-details` output (as the AWS CLI prints it) from a compact
 * description of an account's users and roles, for the tables and properties of the access queries.
 * Each entity's policies become inline policies `p0`, `p1`...; a boundary becomes a customer managed
 * policy `boundary-<name>` with one default version.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

/** A user or a role, compactly. */
export interface EntitySpec {
  readonly name: string;
  readonly path?: string;
  readonly policies?: readonly unknown[];
  readonly boundary?: unknown;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A role: an entity with a trust policy. */
export interface RoleSpec extends EntitySpec {
  readonly trust?: unknown;
}

/** One account, compactly. */
export interface AccountSpec {
  readonly id: string;
  readonly users?: readonly EntitySpec[];
  readonly roles?: readonly RoleSpec[];
}

const DEFAULT_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** The account authorization details of a compact account. */
export function accountDetails(spec: AccountSpec): Record<string, unknown> {
  const managed: Record<string, unknown>[] = [];
  const common = (e: EntitySpec, kind: 'user' | 'role', listKey: string) => {
    const path = e.path ?? '/';
    const base: Record<string, unknown> = {
      Path: path,
      [kind === 'user' ? 'UserName' : 'RoleName']: e.name,
      [kind === 'user' ? 'UserId' : 'RoleId']: `${kind === 'user' ? 'AIDA' : 'AROA'}${e.name
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, 'X')
        .padEnd(17, 'X')
        .slice(0, 17)}`,
      Arn: `arn:aws:iam::${spec.id}:${kind}${path}${e.name}`,
      [listKey]: (e.policies ?? []).map((document, i) => ({ PolicyName: `p${i}`, PolicyDocument: document })),
      AttachedManagedPolicies: [],
      Tags: Object.entries(e.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    };
    if (e.boundary !== undefined) {
      const arn = `arn:aws:iam::${spec.id}:policy/boundary-${e.name}`;
      base.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn };
      managed.push({
        PolicyName: `boundary-${e.name}`,
        PolicyId: `ANPA${e.name
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'X')
          .padEnd(17, 'X')
          .slice(0, 17)}`,
        Arn: arn,
        Path: '/',
        DefaultVersionId: 'v1',
        AttachmentCount: 1,
        IsAttachable: true,
        PolicyVersionList: [{ Document: e.boundary, VersionId: 'v1', IsDefaultVersion: true }],
      });
    }
    return base;
  };
  const users = (spec.users ?? []).map((u) => ({ ...common(u, 'user', 'UserPolicyList'), GroupList: [] }));
  const roles = (spec.roles ?? []).map((r) => ({
    ...common(r, 'role', 'RolePolicyList'),
    AssumeRolePolicyDocument: r.trust ?? DEFAULT_TRUST,
    InstanceProfileList: [],
  }));
  return {
    UserDetailList: users,
    GroupDetailList: [],
    RoleDetailList: roles,
    Policies: managed,
    IsTruncated: false,
  };
}
