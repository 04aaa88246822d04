import type { RawRecord } from './raw-reader.js';

/**
 * The normalized model of one account's `aws iam get-account-authorization-details` output.
 * Every entity keeps `pointer`, the JSON pointer of its raw node in the file, so that an explanation
 * can cite where a policy was read.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export interface AccountSnapshot {
  /** The twelve-digit account id, read from the ARNs of the file. */
  readonly accountId: string;
  /** The partition of those ARNs (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  readonly users: readonly IamUser[];
  readonly groups: readonly IamGroup[];
  readonly roles: readonly IamRole[];
  /** Managed policies listed in `Policies` (customer managed, and AWS managed with `--filter AWSManagedPolicy`). */
  readonly managedPolicies: readonly ManagedPolicy[];
  /** True when the file says `IsTruncated: true`: entities may be missing from it. */
  readonly truncated: boolean;
}

/** An inline policy embedded in a user, group or role. */
export interface InlinePolicy {
  readonly name: string;
  /** The decoded JSON document. */
  readonly document: RawRecord;
  readonly pointer: string;
}

/** A managed policy attached to a user, group or role (`AttachedManagedPolicies`). */
export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
}

/**
 * A permissions boundary reference (`PermissionsBoundary`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachedPermissionsBoundary.html
 */
export interface BoundaryReference {
  readonly arn: string;
  /** `Policy` (the only type AWS defines today). */
  readonly type: string;
}

/** The fields users, groups and roles share. */
export interface IamEntity {
  readonly name: string;
  /** The unique id (`AIDA…`, `AGPA…`, `AROA…`); `null` when the file omits it. */
  readonly id: string | null;
  readonly arn: string;
  /** The entity path, `/` by default. */
  readonly path: string;
  readonly inlinePolicies: readonly InlinePolicy[];
  readonly attachedPolicies: readonly AttachedPolicy[];
  readonly pointer: string;
}

/**
 * An IAM user (`UserDetailList` item).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_UserDetail.html
 */
export interface IamUser extends IamEntity {
  /** Names of the groups the user belongs to. */
  readonly groups: readonly string[];
  readonly boundary: BoundaryReference | null;
  /** Tags in file order; keys are unique. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * An IAM group (`GroupDetailList` item).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GroupDetail.html
 */
export type IamGroup = IamEntity;

/**
 * An instance profile that contains a role.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_InstanceProfile.html
 */
export interface InstanceProfileReference {
  readonly name: string;
  readonly arn: string;
}

/**
 * An IAM role (`RoleDetailList` item).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleDetail.html
 */
export interface IamRole extends IamEntity {
  /** The trust policy (`AssumeRolePolicyDocument`), decoded; `null` when the file omits it. */
  readonly trustPolicy: RawRecord | null;
  readonly trustPolicyPointer: string | null;
  readonly instanceProfiles: readonly InstanceProfileReference[];
  readonly boundary: BoundaryReference | null;
  readonly tags: Readonly<Record<string, string>>;
  /** `RoleLastUsed.LastUsedDate`, when the file carries it. */
  readonly lastUsed: string | null;
}

/**
 * A managed policy (`Policies` item) with the document of its default version.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ManagedPolicyDetail.html
 */
export interface ManagedPolicy {
  readonly name: string;
  readonly id: string | null;
  readonly arn: string;
  readonly path: string;
  readonly defaultVersionId: string | null;
  /** The default version's document; `null` when `PolicyVersionList` does not hold it. */
  readonly document: RawRecord | null;
  /** The pointer of the default version's document, or of the policy when it is absent. */
  readonly pointer: string;
  readonly attachmentCount: number | null;
  readonly isAttachable: boolean | null;
  /** True for AWS managed policies (`arn:aws:iam::aws:policy/…`), which their users cannot edit. */
  readonly awsManaged: boolean;
}
