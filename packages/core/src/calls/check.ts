/**
 * The one vocabulary of checks: a check is an authorization request AWS evaluates (who, what, on
 * what, with which context) plus why it is made. Call rules, decoded messages and the error's own
 * sentence all produce checks; the engine evaluates their request part; fixes answer their requests.
 */
import type { AuthorizationRequest } from '../engine/request.js';

/**
 * Where a check comes from: the decoded authorization message, the error's own sentence, or the
 * expansion of the call (contract `findings[].source`).
 */
export type CheckOrigin = 'decoded' | 'error' | 'call';

/**
 * When the check happens. `call`: while AWS handles the call, so a deny fails the call.
 * `launch`: later, when the service acts on the result (KMS grants for encrypted EBS volumes are
 * checked when the instance starts; the call succeeds and the instance terminates).
 */
export type CheckTiming = 'call' | 'launch';

/**
 * One authorization AWS evaluates: the request (principal, action, resource, context) and why it is
 * made, citing the AWS page that says so and marking what is assumed rather than known.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export interface Check extends AuthorizationRequest {
  readonly origin: CheckOrigin;
  /** Resource type in the Service Authorization Reference (`instance`, `role`...); `null` when the action has none, or when it is not known. */
  readonly resourceType: string | null;
  /**
   * Which parts are assumptions rather than facts: `resource` (some ARN segment is a stand-in),
   * `check` (whether AWS makes this check at all depends on something unknown), or
   * `context:<key>` (that context value).
   */
  readonly assumed: readonly string[];
  /** Why each part in {@link Check.assumed} is assumed, keyed by the same part names. */
  readonly assumedWhy: Readonly<Record<string, string>>;
  readonly when: CheckTiming;
  /** One line on why AWS makes this check. */
  readonly why: string;
  /** AWS documentation page that says so. */
  readonly source: string;
  /**
   * Facts of the account that would make an assumed part of the check known: each names what to
   * look up (an instance profile whose role is not known). Absent when there are none.
   */
  readonly unresolved?: readonly UnresolvedFact[];
}

/**
 * A fact of the account the check depends on but that was not given: an instance profile (by name,
 * and ARN when the call gave one) whose role was assumed.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html
 */
export interface UnresolvedFact {
  readonly kind: 'instance-profile-role';
  readonly name: string;
  readonly arn: string | null;
}

/**
 * A check of a call before its caller is known: what a call rule says AWS evaluates for whoever makes
 * the call. It is a {@link Check} without its principal (and so without a session issuer or an
 * origin, which is always the call): the diagnosis adds the caller it read from the error.
 */
export type CallCheck = Omit<Check, 'principal' | 'sessionIssuer' | 'origin'>;
