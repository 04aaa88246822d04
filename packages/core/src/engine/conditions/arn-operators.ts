import { compileArnPattern, parseArn } from '../../matching/arn.js';
import type { ComparisonOperator } from './condition-operator.js';
import { operatorPair } from './condition-operator.js';

const compileArn: ComparisonOperator['compile'] = ({ text, parts }) => {
  const matcher = compileArnPattern(parts ?? text);
  return (actual) => parseArn(actual) !== undefined && matcher.matches(actual);
};

/**
 * `ArnEquals`/`ArnNotEquals`: segment-by-segment ARN match with wildcards (same behaviour as `ArnLike`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export const [ARN_EQUALS, ARN_NOT_EQUALS]: [ComparisonOperator, ComparisonOperator] = operatorPair(
  'ArnEquals',
  'ArnNotEquals',
  true,
  compileArn,
);

/**
 * `ArnLike`/`ArnNotLike`: segment-by-segment ARN match with `*` and `?` wildcards.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export const [ARN_LIKE, ARN_NOT_LIKE]: [ComparisonOperator, ComparisonOperator] = operatorPair(
  'ArnLike',
  'ArnNotLike',
  true,
  compileArn,
);
