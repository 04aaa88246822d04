/**
 * The normalized policy model. Raw documents (`unknown`) are validated and normalized once by
 * {@link parsePolicy}: singletons become arrays, `Principal: "*"` becomes `{ AWS: ["*"] }`, action
 * names are lower-cased, JSON booleans and numbers in conditions become strings, and every
 * statement and element keeps the JSON pointer (RFC 6901) of its raw node so that explanations can
 * cite its position. Evaluation, linting and diagnosis all read this model.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The policy language version. Policy variables are only recognised in `2012-10-17`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A string taken from a policy, with the JSON pointer of its raw node. */
export interface PolicyString {
  /** The value as used for evaluation (lower-cased for actions). */
  readonly value: string;
  /** The value as written. */
  readonly raw: string;
  readonly pointer: string;
}

/**
 * `Action` or `NotAction`; values are lower-cased because action names are case-insensitive.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export interface ActionElement {
  readonly negated: boolean;
  readonly values: readonly PolicyString[];
  readonly pointer: string;
}

/**
 * `Resource` or `NotResource`; values are case-sensitive ARN patterns.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
export interface ResourceElement {
  readonly negated: boolean;
  readonly values: readonly PolicyString[];
  readonly pointer: string;
}

/**
 * The principal types of the `Principal` element.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** One principal named in a `Principal` or `NotPrincipal` element. */
export interface PrincipalEntry extends PolicyString {
  readonly type: PrincipalType;
}

/**
 * `Principal` or `NotPrincipal`. `"Principal": "*"` is normalized to one `AWS` entry `*`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
export interface PrincipalElement {
  readonly negated: boolean;
  readonly entries: readonly PrincipalEntry[];
  readonly pointer: string;
}

/**
 * One key of one operator of a `Condition` block: `{ operator: { key: values } }`.
 * The operator is kept as written, split into its set prefix, base name and `IfExists` suffix.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The base operator in its canonical spelling, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | null;
  readonly ifExists: boolean;
  /** The condition key as written; keys are compared case-insensitively. */
  readonly key: string;
  /** The values, JSON booleans and numbers converted to strings; several values are ORed (NORed when negated). */
  readonly values: readonly PolicyString[];
  /** Pointer to the key's node, e.g. `/Statement/0/Condition/StringEquals/aws:username`. */
  readonly pointer: string;
}

/**
 * A statement of a policy.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
 */
export interface PolicyStatement {
  /** Position in the statement list (0 when `Statement` is a single object). */
  readonly index: number;
  readonly sid: string | null;
  /** @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html */
  readonly effect: 'Allow' | 'Deny';
  readonly action: ActionElement;
  /** Absent in role trust policies, which have no `Resource`. */
  readonly resource: ResourceElement | null;
  readonly principal: PrincipalElement | null;
  readonly conditions: readonly ConditionClause[];
  readonly pointer: string;
}

/** A validated, normalized policy document. */
export interface PolicyDocument {
  /** `null` when the document has no `Version` (treated like `2008-10-17`). */
  readonly version: PolicyVersion | null;
  readonly id: string | null;
  readonly statements: readonly PolicyStatement[];
  /** Warnings found while reading (errors make the parse fail). */
  readonly warnings: readonly Diagnostic[];
}
