/**
 * The data model of "what one API call authorizes": a described call goes in, the list of
 * (action, resource, context) checks AWS evaluates for it comes out ({@link CallCheck}s, which the
 * diagnosis completes with the caller). Everything here is plain serialisable data so that the CLI,
 * the web page and tests can exchange it as JSON.
 */
import type { CallCheck } from './check.js';

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
  /**
   * The instance profiles known to exist and the role each holds (from the account authorization
   * details); a profile the call names that is not listed here holds a role that is not known.
   */
  readonly instanceProfiles?: readonly InstanceProfileRole[];
}

/**
 * An instance profile and the role it holds: what EC2 hands to an instance, and so the role a launch
 * passes (`iam:PassRole`).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
export interface InstanceProfileRole {
  readonly name: string;
  readonly arn: string;
  /** ARN of the role the profile holds. */
  readonly role: string;
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
  readonly checks: readonly CallCheck[];
  readonly notes: readonly CallNote[];
}
