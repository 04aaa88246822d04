/**
 * What a comparison of two policies finds: the access the new policy grants that the old one does
 * not (and the reverse), as rows of action, resource pattern and condition values, with the
 * statements that decide and the limits of what an offline comparison can see.
 *
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */

import type { Catalog } from '../catalog/catalog.js';
import type { ContextValue } from '../engine/request.js';

/**
 * The layer both policies stand at. For `identity`, `resource` and `permissions-boundary` a request
 * is allowed when a statement allows it and none denies it; an `scp` allows what it does not restrict
 * (it must still allow); an `rcp` allows whatever it does not deny (every level carries
 * `RCPFullAWSAccess`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export type CompareLayer = 'identity' | 'resource' | 'scp' | 'rcp' | 'permissions-boundary';

/** Every {@link CompareLayer}, in the order front ends list them. */
export const COMPARE_LAYERS: readonly CompareLayer[] = [
  'identity',
  'resource',
  'scp',
  'rcp',
  'permissions-boundary',
];

/** Options of a comparison. */
export interface CompareOptions {
  /** The service catalog: wildcard actions, `NotAction`, resource types and condition keys. */
  readonly catalog: Catalog;
  /** `identity` by default. */
  readonly layer?: CompareLayer;
  /** Most test points evaluated before giving up with `compare-too-large` (default 2,000,000). */
  readonly maxPoints?: number;
}

/** A statement of one of the two policies. */
export interface StatementRef {
  readonly sid: string | null;
  readonly index: number;
  /** JSON pointer of the statement in its input (inside any wrapper, e.g. `/PolicyDocument/Statement/0`). */
  readonly pointer: string;
  /** 1-based line and column of the statement, when the input was text. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A tested value of a condition key: a value, a set of values for a multi-valued key, or `null` for
 * a request without the key. Each value stands for every value that every condition of both
 * policies treats the same way (see {@link KeySummary.otherValue} for the value no policy names).
 */
export type ConditionValue = string | readonly string[] | null;

/** One concrete request of a row, as the engine evaluated it. */
export interface ExampleRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextValue>>;
}

/**
 * Access one policy grants and the other does not: `action` on the part of `resource` (the deciding
 * statement's pattern) the other policy does not grant, when every key of `conditions` has one of
 * its listed values (keys not listed may have any value).
 */
export interface AccessRow {
  /** `service:Name` as the catalog spells it. */
  readonly action: string;
  /** The deciding statement's `Resource` pattern that matched; `*` for `NotResource` (see `notResource`) and trust policies. */
  readonly resource: string;
  /** The deciding statement's `NotResource` patterns, when it has them. */
  readonly notResource?: readonly string[];
  /** For resource-style layers: the deciding statement's `Principal` entry that names the caller. */
  readonly principal?: string;
  /** The values of each key that give this access; a key not listed does not matter. */
  readonly conditions: Readonly<Record<string, readonly ConditionValue[]>>;
  /**
   * The statement of the granting policy that allows it; `null` in an RCP, which allows without a
   * statement (see `deniedBy`).
   */
  readonly statement: StatementRef | null;
  /** The other policy's `Deny` statement that denies the example request, when one does. */
  readonly deniedBy?: StatementRef;
  /** One request of the row, checked with the engine. */
  readonly example: ExampleRequest;
}

/** How a condition key was tested. */
export interface KeySummary {
  readonly multiValued: boolean;
  /** The tested value that stands for "a value no policy names", or `null` (numbers, dates, addresses). */
  readonly otherValue: string | null;
}

/** Something an offline comparison cannot see, or did not fully test. */
export interface CompareLimit {
  readonly code: string;
  readonly message: string;
}

/** The result of comparing two policies. */
export interface Comparison {
  readonly layer: CompareLayer;
  /** What the new policy allows that the old one does not. */
  readonly newAccess: readonly AccessRow[];
  /** What the old policy allowed that the new one does not (`statement` is the old policy's). */
  readonly removedAccess: readonly AccessRow[];
  /** The condition keys that were varied, by name as first written. */
  readonly keys: Readonly<Record<string, KeySummary>>;
  /** What the comparison cannot see; the first entries always apply, later ones to these policies. */
  readonly limits: readonly CompareLimit[];
  /** How much was tested. */
  readonly tested: { readonly actions: number; readonly points: number };
}
