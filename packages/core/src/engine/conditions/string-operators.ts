import { compileWildcard } from '../../matching/wildcard.js';
import { type ComparisonOperator, operatorPair } from './condition-operator.js';

/**
 * `StringEquals`/`StringNotEquals`: exact, case-sensitive.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export const [STRING_EQUALS, STRING_NOT_EQUALS]: [ComparisonOperator, ComparisonOperator] = operatorPair(
  'StringEquals',
  'StringNotEquals',
  true,
  ({ text }) =>
    (actual) =>
      actual === text,
);

/**
 * `StringEqualsIgnoreCase`/`StringNotEqualsIgnoreCase`: exact, case-insensitive.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export const [STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE]: [
  ComparisonOperator,
  ComparisonOperator,
] = operatorPair('StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', true, ({ text }) => {
  const lower = text.toLowerCase();
  return (actual) => actual.toLowerCase() === lower;
});

/**
 * `StringLike`/`StringNotLike`: case-sensitive, `*` and `?` wildcards (substituted variables stay literal).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export const [STRING_LIKE, STRING_NOT_LIKE]: [ComparisonOperator, ComparisonOperator] = operatorPair(
  'StringLike',
  'StringNotLike',
  true,
  ({ text, parts }) => {
    const matcher = compileWildcard(parts ?? text);
    return (actual) => matcher.matches(actual);
  },
);
