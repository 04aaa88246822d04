import type { ComparisonOperator } from './condition-operator.js';

/**
 * `Bool`: `true`/`false`, given as strings or JSON booleans, compared case-insensitively.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 */
export const BOOL: ComparisonOperator = {
  kind: 'comparison',
  name: 'Bool',
  negated: false,
  variables: false,
  compile({ text }) {
    const expected = text.toLowerCase();
    if (expected !== 'true' && expected !== 'false') return null;
    return (actual) => actual.toLowerCase() === expected;
  },
};
