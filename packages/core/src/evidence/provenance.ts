import type { LayerName } from '../engine/layers.js';
import type { FixTarget } from '../fix/fix-model.js';

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

/** The origin and fix target of one policy of the evaluated set, under the name findings print. */
export interface PolicyProvenance {
  readonly name: string;
  readonly layer: LayerName;
  readonly origin: PolicyOrigin;
  readonly fix: FixTarget;
}
