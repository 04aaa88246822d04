import type { WildcardPart } from '../../matching/wildcard.js';
import type { ConditionOperatorName } from '../../policy/condition-operator-names.js';

/**
 * One policy value of a condition, ready for an operator: `text` is the value (variables
 * substituted); `parts` is set when variables were substituted, so that wildcard operators keep the
 * substituted text literal.
 */
export interface ExpectedValue {
  readonly text: string;
  readonly parts: readonly WildcardPart[] | null;
}

/** Tests one request value against one policy value, in the operator's positive sense. */
export type ValueTest = (actual: string) => boolean;

/**
 * A condition operator that compares request values with policy values (every operator but `Null`).
 * A negated operator (`StringNotEquals`...) is defined by its positive sense here; the condition
 * evaluator applies the negation per request value (NOR over policy values, true on a missing key).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export interface ComparisonOperator {
  readonly kind: 'comparison';
  readonly name: ConditionOperatorName;
  readonly negated: boolean;
  /** Whether policy variables are substituted in the policy values (string and ARN operators). */
  readonly variables: boolean;
  /** Compiles a policy value, or returns `null` when it can never match (e.g. `abc` for a number). */
  compile(expected: ExpectedValue): ValueTest | null;
}

/**
 * The `Null` operator: tests whether a key is present rather than comparing values.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 */
export interface ExistenceOperator {
  readonly kind: 'existence';
  readonly name: 'Null';
  readonly negated: false;
  readonly variables: false;
}

/** A condition operator plug-in. */
export type ConditionOperator = ComparisonOperator | ExistenceOperator;

/** Builds a positive operator and its negation from one compile function. */
export function operatorPair(
  positive: ConditionOperatorName,
  negative: ConditionOperatorName,
  variables: boolean,
  compile: ComparisonOperator['compile'],
): [ComparisonOperator, ComparisonOperator] {
  return [
    { kind: 'comparison', name: positive, negated: false, variables, compile },
    { kind: 'comparison', name: negative, negated: true, variables, compile },
  ];
}
