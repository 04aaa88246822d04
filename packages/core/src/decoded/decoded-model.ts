/**
 * The normalised model of a decoded authorization message, as returned by
 * `sts:DecodeAuthorizationMessage`. The raw message wraps every list in `{ "items": [...] }` and
 * upper-cases effects; the model uses plain arrays and IAM's `Allow` / `Deny`.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A condition key with its values. AWS writes no operator in a decoded message. */
export interface DecodedCondition {
  readonly key: string;
  readonly values: readonly string[];
}

/** One statement AWS reports as matching the request. */
export interface DecodedStatement {
  /** Position in `matchedStatements`, 0-based. */
  readonly index: number;
  /** The statement's `Sid`; `null` when the statement has none (AWS writes `""`). */
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
  /** Whom the policy is attached to or issued by: a unique id, an account id, `SCOPE_POLICY_ISSUER`. */
  readonly principals: readonly string[];
  /** IAM groups the statement came through. */
  readonly principalGroups: readonly string[];
  /** Action patterns as the policy writes them. */
  readonly actions: readonly string[];
  /** Resource patterns as the policy writes them. */
  readonly resources: readonly string[];
  /** Condition keys and values of the statement, without operators. */
  readonly conditions: readonly DecodedCondition[];
  /** JSON pointer to the statement in the message. */
  readonly path: string;
}

/** The caller as the decoded message names it. */
export interface DecodedPrincipal {
  /** `aws:userid`: `AROA…:session` for a role session, `AIDA…` for a user. */
  readonly id: string | null;
  /** Present for IAM users. */
  readonly name: string | null;
  readonly arn: string | null;
}

/** The request AWS evaluated. */
export interface DecodedContext {
  readonly principal: DecodedPrincipal | null;
  /** The action as written, e.g. `ec2:RunInstances`, or `RunInstances` in older messages. */
  readonly action: string | null;
  readonly resource: string | null;
  /** Request context keys (including pseudo keys such as `aws:Resource` and `aws:Type`) and values. */
  readonly conditions: readonly DecodedCondition[];
}

/** A decoded authorization message: one (action, resource) evaluation. */
export interface DecodedMessage {
  readonly allowed: boolean;
  readonly explicitDeny: boolean;
  readonly statements: readonly DecodedStatement[];
  /** Number of entries in `failures` (observed always empty). */
  readonly failures: number;
  readonly context: DecodedContext;
  /** Which input form held the message. */
  readonly form: DecodedForm;
  /** What could not be read from the message: truncation, missing or malformed fields. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * How the message was given: the JSON object itself, the CLI's `{"DecodedMessage": "..."}`, a
 * JSON string holding the JSON, or any of these inside other text (prompts, labels, YAML output).
 */
export type DecodedForm = 'object' | 'cli-wrapper' | 'json-string';
