import type { PolicyStatement } from '../policy/policy-model.js';
import type { BuiltInDecision } from './built-in-rules.js';
import type { ConditionOutcome } from './conditions/evaluate-condition.js';
import type { LayerName } from './layers.js';
import type { PrincipalGrant, PrincipalOutcome } from './principal-match.js';

/** The final decision. */
export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';

/** Where a statement comes from. */
export interface StatementOrigin {
  readonly layer: LayerName;
  readonly policy: string;
  /** Level index for SCPs and RCPs (0 = root), else 0. */
  readonly level: number;
  readonly statement: PolicyStatement;
}

/**
 * What the evaluation found for one statement. `conditions` is `null` when an earlier element
 * (resource, principal) failed and the conditions were not evaluated.
 */
export interface StatementTrace {
  readonly origin: StatementOrigin;
  readonly actionMatched: boolean;
  /** `null` for statements without `Resource`/`NotResource` (trust policies). */
  readonly resourceMatched: boolean | null;
  /** `null` for statements without `Principal`/`NotPrincipal`. */
  readonly principal: PrincipalOutcome | null;
  readonly conditions: readonly ConditionOutcome[] | null;
  /** Every element matched: the statement applies to the request. */
  readonly matched: boolean;
}

/** One entry of the contract's `statements` list. */
export interface StatementSummary {
  readonly layer: LayerName;
  readonly policy: string;
  readonly sid: string | null;
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
  readonly matched: boolean;
}

/** The evaluation of one request. */
export interface EvaluationResult {
  readonly decision: Decision;
  /** The layer that decided a deny; `null` when allowed. */
  readonly layer: LayerName | null;
  /**
   * The deciding statements (C.12): every matching Deny for an explicit deny; every matching Allow
   * when allowed; for an implicit deny, the Allow statements of the deciding layer whose action,
   * resource and principal match but whose conditions failed (`matched: false`).
   */
  readonly statements: readonly StatementSummary[];
  /** How the resource-based policy named the caller, when it allowed. */
  readonly resourceGrant: PrincipalGrant | null;
  /** The layers that took part, in order. */
  readonly layers: readonly LayerName[];
  /** Per-statement detail for every statement whose action matched (every statement in `full` mode). */
  readonly trace: readonly StatementTrace[];
  /**
   * The rule AWS applies that no policy states, when one decided: `allow` or `deny` whatever the
   * policies say (then `statements` is empty, and a deny is reported on the `resource` layer), or
   * `require-resource-policy` when the deny is that the resource's own policy (KMS key policy, role
   * trust policy) does not allow; `null` otherwise.
   */
  readonly builtIn: BuiltInDecision | null;
}
