import type { PolicyLayer } from '../engine/layers.js';

/** Who decides about a change: the account's IAM admins, the organization, or the resource's owner. */
export type FixOwner = 'account' | 'organization' | 'resource-owner';

/** Kinds of policy a fix can change, each with its own apply command. */
export type FixTargetKind =
  | 'inline-role-policy'
  | 'inline-user-policy'
  | 'inline-group-policy'
  | 'permission-set-inline-policy'
  | 'managed-policy'
  | 'bucket-policy'
  | 'key-policy'
  | 'resource-policy'
  | 'trust-policy'
  | 'scp'
  | 'rcp';

/**
 * The API call that changes a policy in place.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_UpdatePolicy.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html
 */
export type FixOperation =
  | 'PutUserPolicy'
  | 'PutGroupPolicy'
  | 'PutRolePolicy'
  | 'CreatePolicyVersion'
  | 'UpdatePolicy'
  | 'UpdateAssumeRolePolicy'
  | 'PutBucketPolicy'
  | 'PutKeyPolicy'
  | 'SetQueueAttributes'
  | 'SetTopicAttributes'
  | 'SetRepositoryPolicy'
  | 'AddPermission'
  | 'PutResourcePolicy'
  | 'PutInlinePolicyToPermissionSet';

/**
 * The policy a fix changes: where it lives in the evaluated policy set, its current text, the API call
 * that changes it and who decides. The evidence gives one for every policy it reads (as its
 * provenance's `fix`); the fix planner makes one for a policy to create.
 */
export interface FixTarget {
  readonly layer: PolicyLayer;
  readonly kind: FixTargetKind;
  /** `null` when the policy cannot be edited (AWS managed policies): add or change another policy instead. */
  readonly operation: FixOperation | null;
  readonly owner: FixOwner;
  /**
   * The contract's `fixes[].target`: the principal of an inline policy, a managed policy's ARN, an
   * SCP or RCP id, the resource that carries a resource policy, the role of a trust policy, the
   * permission set of an IAM Identity Center role.
   */
  readonly target: string;
  /** The account whose credentials make the change (`null` when unknown, as for an S3 bucket's owner). */
  readonly account: string | null;
  /** The policy's name in the evaluated policy set (findings print it), e.g. `deploy-role/EC2Launch`. */
  readonly setName: string;
  /** The policy's own name in IAM (inline policies), e.g. `EC2Launch`; for a new inline policy, the name to create. */
  readonly policyName: string;
  /** The current document (object, JSON text or URL-encoded text); `null` for a policy to create. */
  readonly document: unknown;
  /** SCP/RCP level (0 = root) for organization policies. */
  readonly level?: number;
}

/** A proposed change: the complete new document, the diff, the command, and the engine's verdict on it. */
export interface FixProposal {
  readonly layer: PolicyLayer;
  readonly target: string;
  readonly owner: FixOwner;
  readonly kind: FixTargetKind;
  readonly policyName: string;
  /** The complete new document. */
  readonly document: unknown;
  /** Unified diff of the current document (empty for a new policy) against the new one. */
  readonly diff: string;
  /** The AWS CLI command that applies it (never run by whydenied); `<fix.json>` is the new document. */
  readonly command: string;
  /** The statement added or changed, as it appears in `document`. */
  readonly statement: Readonly<Record<string, unknown>>;
  readonly verification: FixVerification;
  /** For organization and resource-owner changes: a proposal for them to decide, not a change to make. */
  readonly proposal: boolean;
}

/** What the engine said about a fix before it was shown. */
export interface FixVerification {
  /** Every failed check is allowed with the fix. */
  readonly allowsChecks: boolean;
  /** Probe requests near the checks (other resources, actions, condition values) that the fix newly allows. */
  readonly widened: readonly string[];
  readonly probes: number;
}
