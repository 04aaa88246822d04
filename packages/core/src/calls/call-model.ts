/**
 * The data model of "what one API call authorizes": a described call goes in, the list of
 * (action, resource, context) checks AWS evaluates for it comes out. Everything here is plain
 * serialisable data so that the CLI, the web page and tests can exchange it as JSON.
 */

/**
 * What is known of one API call. `parameters` is raw input (`unknown` values): each rule reads
 * and validates the parameters it understands and reports the rest in {@link CallChecks.notes}.
 */
export interface CallDescription {
  /** IAM service prefix, e.g. `ec2`. */
  readonly service: string;
  /** API operation name, e.g. `RunInstances`. */
  readonly operation: string;
  /** Region the call was sent to, e.g. `us-east-1`. */
  readonly region?: string;
  /** Twelve-digit account the call was made in; read from `principal` when absent. */
  readonly account?: string;
  /** ARN partition; read from `principal` when absent, else `aws`. */
  readonly partition?: string;
  /** ARN of the caller. */
  readonly principal?: string;
  /** What is known of the request parameters (camelCase names, as in the SDKs' JSON). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** A request-context value: a string, or a list for a multi-valued key. */
export type CheckContextValue = string | readonly string[];

/**
 * When the check happens. `call`: while AWS handles the call, so a deny fails the call.
 * `launch`: later, when the service acts on the result (KMS grants for encrypted EBS volumes are
 * checked when the instance starts; the call succeeds and the instance terminates).
 */
export type CheckTiming = 'call' | 'launch';

/**
 * One authorization AWS evaluates for the call.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export interface Check {
  /** `service:Action`, service prefix lower-case. */
  readonly action: string;
  /** The resource ARN as AWS evaluates it, `*` segments for parts not known; `*` for actions without resource types. */
  readonly resource: string;
  /** Resource type in the Service Authorization Reference (`instance`, `role`...); `null` when the action has none, or (default rule) when it is not known. */
  readonly resourceType: string | null;
  /** Request-context keys AWS supplies for this check and whose values are known. */
  readonly context: Readonly<Record<string, CheckContextValue>>;
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
}

/** Stable codes of {@link CallNote}. */
export type CallNoteCode =
  /** No rule knows this call; the single check comes from the operation name. */
  | 'default-rule'
  /** A parameter was present but not of the expected shape, and was ignored. */
  | 'parameter-ignored'
  /** A parameter this rule does not read was present. */
  | 'parameter-unused'
  /** Part of the call's settings comes from a launch template whose contents are not known. */
  | 'launch-template-contents-unknown'
  /** A role is passed, but which one is not known. */
  | 'passed-role-unknown'
  /** A KMS key is used, but which one is not known. */
  | 'kms-key-unknown'
  /** Some checks happen after the call returns, and fail the resource rather than the call. */
  | 'checked-at-launch'
  /** Further requests the service makes with other credentials (a service role, a service-linked role). */
  | 'other-credentials'
  /** Checks that depend on data not described here (template body, task definition contents). */
  | 'not-expanded';

/** Something the caller of {@link CallChecks} should know that is not a check. */
export interface CallNote {
  readonly code: CallNoteCode;
  /** Lower-case start, no final period, user values in backticks. */
  readonly message: string;
  readonly source?: string;
}

/** The checks of one call, and what could not be determined. */
export interface CallChecks {
  /** Identifier of the rule that expanded the call. */
  readonly rule: string;
  readonly checks: readonly Check[];
  readonly notes: readonly CallNote[];
}
