import type { Catalog } from '../catalog/catalog.js';
import type { LayerName } from '../engine/layers.js';
import type { ContextValue } from '../engine/request.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import type { ConditionCategory } from './access-conditions.js';
import type { EscalationCode } from './what-can-escalation.js';

/**
 * What `what-can` finds: every catalog action one principal is allowed, per resource type, with the
 * resource patterns, the conditions left open, the deciding statements and privilege-escalation flags.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** Options of {@link whatCan}. */
export interface WhatCanOptions {
  /** The service catalog: wildcard actions, `NotAction`, resource types, access levels. */
  readonly catalog: Catalog;
  /** Only this service's actions (its prefix, e.g. `s3`). */
  readonly service?: string;
  /** Only access on resources this ARN pattern (IAM wildcards) can name; `*` keeps every resource. */
  readonly resource?: string;
  /** Most condition-value combinations tried per action and resource (default 256). */
  readonly maxConditionPoints?: number;
}

/** An access level of the Service Authorization Reference, in kebab case. */
export type AccessLevel = 'list' | 'read' | 'write' | 'permissions-management' | 'tagging';

/** Every {@link AccessLevel}, in the order front ends list them. */
export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'list',
  'read',
  'write',
  'tagging',
  'permissions-management',
];

/** A statement that decides an allowed action. */
export interface DecidingStatement {
  readonly layer: LayerName;
  readonly policy: string;
  readonly sid: string | null;
  readonly index: number;
}

/** A condition the access depends on: a context key the principal's evidence does not settle. */
export interface OpenCondition {
  /** `requires`: an allowing statement's condition; `unless`: a denying statement's condition. */
  readonly effect: 'requires' | 'unless';
  readonly key: string;
  /** What the key is about, in plain terms. */
  readonly category: ConditionCategory;
  /** The operator as written (`ForAnyValue:StringLike`). */
  readonly operator: string;
  readonly values: readonly string[];
  readonly layer: LayerName;
  readonly policy: string;
  readonly sid: string | null;
}

/** A privilege-escalation flag on an allowed action. */
export interface EscalationFlag {
  readonly code: EscalationCode;
  readonly summary: string;
  /** The AWS documentation or published research that describes the path. */
  readonly source: string;
}

/**
 * A resource-based policy of the evidence that takes part in a grant: one of its statements allows
 * (alone in the resource's account, with the identity policies across accounts or where it delegates
 * to the account).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
export interface GrantVia {
  readonly kind: 'resource-policy';
  /** The policy's name (`bucket-policy:data`, `key-policy:…`, `trust-policy:deploy`), as in `statements`. */
  readonly policy: string;
}

/**
 * One allowed action on one resource type: on `resource` (inside every `within` pattern, outside
 * every `except` pattern), when the `conditions` hold.
 */
export interface WhatCanGrant {
  /** `service:Name` as the catalog spells it. */
  readonly action: string;
  readonly service: string;
  readonly accessLevel: AccessLevel;
  /** The catalog's resource type; `null` for actions without resource-level permissions (resource `*`). */
  readonly resourceType: string | null;
  /** The narrowest allowing `Resource` pattern (identity, boundary, SCP or the query's own). */
  readonly resource: string;
  /** Other allowing patterns that overlap `resource` without containing it: the access is inside all. */
  readonly within: readonly string[];
  /** Patterns carved out of `resource`: `Deny` statements' resources, an allow's `NotResource`. */
  readonly except: readonly string[];
  /**
   * True when `resource` ∩ `within` − `except` is exactly what is allowed, as checked with the engine
   * over ARNs that realize every combination of the policies' patterns.
   */
  readonly exact: boolean;
  /** Empty when allowed whatever the request's context. */
  readonly conditions: readonly OpenCondition[];
  /** The allowing statements of the example request (every layer that must allow). */
  readonly statements: readonly DecidingStatement[];
  /**
   * The built-in rule (`role-trust-policy-required`, `kms-key-policy-required`) under which the
   * resource's own policy must allow too: listed as allowed where that policy trusts the account.
   */
  readonly resourcePolicyRequired: string | null;
  /** The resource policy that takes part (its statements allow); `null` for grants of the identity side alone. */
  readonly via: GrantVia | null;
  readonly escalation: EscalationFlag | null;
  /**
   * One allowed request of the grant, evaluated by the engine: its resource, and the values of the
   * condition keys left open (the principal's own keys, such as its tags, come from the evidence).
   */
  readonly example: {
    readonly resource: string;
    readonly context: Readonly<Record<string, ContextValue>>;
  };
}

/** Something `what-can` cannot see or did not fully test. */
export interface WhatCanLimit {
  readonly code: string;
  readonly message: string;
}

/** The result of {@link whatCan}. */
export interface WhatCanResult {
  /** The principal as given, and the user or role behind it. */
  readonly principal: string;
  readonly identity: { readonly kind: string; readonly arn: string | null; readonly account: string };
  /** Sorted by service, access level, action, resource type and resource. */
  readonly grants: readonly WhatCanGrant[];
  readonly missingEvidence: readonly MissingEvidence[];
  readonly limits: readonly WhatCanLimit[];
  /** Actions the policies name that the catalog does not know (not listed in `grants`). */
  readonly unknownActions: readonly string[];
  readonly tested: { readonly actions: number; readonly requests: number };
}
