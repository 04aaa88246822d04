import type { LayerName } from '../engine/evaluation-result.js';

/** A user, group or role that owns or carries a policy. */
export interface EntityRef {
  readonly type: 'user' | 'role' | 'group';
  readonly name: string;
  readonly arn: string;
}

/**
 * Where a policy of the evaluated set was read: which entity, organization target or resource it
 * belongs to, and (for account files) the JSON pointer of its document in the `--account` file of
 * `account`.
 */
export type PolicyOrigin =
  | {
      readonly kind: 'inline-user' | 'inline-role' | 'inline-group';
      readonly policyName: string;
      readonly owner: EntityRef;
      readonly account: string;
      readonly pointer: string;
    }
  | {
      readonly kind: 'managed' | 'permissions-boundary';
      readonly policyName: string;
      readonly arn: string;
      readonly versionId: string | null;
      readonly awsManaged: boolean;
      /** The entities it is attached to (for a boundary: the user or role it bounds). */
      readonly attachedTo: readonly EntityRef[];
      /** The account whose file held the document. */
      readonly account: string;
      readonly pointer: string;
    }
  | {
      readonly kind: 'scp' | 'rcp';
      readonly policyId: string;
      readonly policyName: string;
      /** The root, OU or account id of the level it was attached at. */
      readonly attachedAt: string;
      /** The level index, 0 = root. */
      readonly level: number;
      readonly pointer: string;
    }
  | {
      readonly kind: 'resource-policy';
      /** The resource that carries the policy (the bucket of an object, the key, the queue...). */
      readonly holderArn: string;
      /** What the policy is called for that service (`bucket policy`, `key policy`...). */
      readonly label: string;
    }
  | {
      readonly kind: 'trust-policy';
      readonly role: EntityRef;
      readonly account: string;
      readonly pointer: string;
    };

/**
 * The API call that changes a policy in place.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_UpdatePolicy.html
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
  | 'PutResourcePolicy';

/** What a fix of a policy must change, and who can change it. */
export interface FixTarget {
  /** `null` when the policy cannot be edited (AWS managed policies): add or change another policy instead. */
  readonly operation: FixOperation | null;
  /**
   * The contract's `fixes[].target`: the principal of an inline policy, a managed policy's ARN, an
   * SCP or RCP id, the resource that carries a resource policy, the role of a trust policy.
   */
  readonly target: string;
  readonly owner: 'account' | 'organization' | 'resource-owner';
  /** The account whose credentials make the change (`null` when unknown, as for an S3 bucket's owner). */
  readonly account: string | null;
  /** The inline policy's name (`PutRolePolicy --policy-name`), the managed policy's or SCP's name. */
  readonly policyName: string | null;
}

/** The origin and fix target of one policy of the evaluated set, under the name findings print. */
export interface PolicyProvenance {
  readonly name: string;
  readonly layer: LayerName;
  readonly origin: PolicyOrigin;
  readonly fix: FixTarget;
}
