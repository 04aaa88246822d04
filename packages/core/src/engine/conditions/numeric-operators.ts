import type { ConditionOperatorName } from '../../policy/condition-operator-names.js';
import type { ComparisonOperator } from './condition-operator.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a decimal number; anything else (hex, empty, words) is not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function numeric(
  name: ConditionOperatorName,
  negated: boolean,
  test: (a: number, e: number) => boolean,
): ComparisonOperator {
  return {
    kind: 'comparison',
    name,
    negated,
    variables: false,
    compile({ text }) {
      const expected = parseNumber(text);
      if (expected === undefined) return null;
      return (actual) => {
        const a = parseNumber(actual);
        return a !== undefined && test(a, expected);
      };
    },
  };
}

/**
 * The numeric operators; a request value that is not a number never matches.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
export const NUMERIC_OPERATORS: readonly ComparisonOperator[] = [
  numeric('NumericEquals', false, (a, e) => a === e),
  numeric('NumericNotEquals', true, (a, e) => a === e),
  numeric('NumericLessThan', false, (a, e) => a < e),
  numeric('NumericLessThanEquals', false, (a, e) => a <= e),
  numeric('NumericGreaterThan', false, (a, e) => a > e),
  numeric('NumericGreaterThanEquals', false, (a, e) => a >= e),
];
