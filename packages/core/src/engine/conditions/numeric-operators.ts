import type { ComparisonOperator } from './condition-operator.js';
import { orderedOperators } from './ordered-operators.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a decimal number; anything else (hex, empty, words) is not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * The numeric operators; a request value that is not a number never matches.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
export const NUMERIC_OPERATORS: readonly ComparisonOperator[] = orderedOperators('Numeric', parseNumber);
