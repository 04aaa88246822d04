import type { ConditionOperatorName } from '../../policy/condition-operator-names.js';
import { ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE } from './arn-operators.js';
import { BINARY_EQUALS } from './binary-operator.js';
import { BOOL } from './bool-operator.js';
import type { ComparisonOperator, ConditionOperator, ExistenceOperator } from './condition-operator.js';
import { DATE_OPERATORS } from './date-operators.js';
import { IP_ADDRESS, NOT_IP_ADDRESS } from './ip-operators.js';
import { NUMERIC_OPERATORS } from './numeric-operators.js';
import {
  STRING_EQUALS,
  STRING_EQUALS_IGNORE_CASE,
  STRING_LIKE,
  STRING_NOT_EQUALS,
  STRING_NOT_EQUALS_IGNORE_CASE,
  STRING_NOT_LIKE,
} from './string-operators.js';

const NULL: ExistenceOperator = { kind: 'existence', name: 'Null', negated: false, variables: false };

function byName(list: readonly ComparisonOperator[], name: ConditionOperatorName): ComparisonOperator {
  const found = list.find((o) => o.name === name);
  if (found === undefined) throw new Error(`operator ${name} is not defined`);
  return found;
}

/**
 * Every condition operator, keyed by its base name. The type makes the map complete: adding a name
 * to `CONDITION_OPERATOR_NAMES` without a plug-in here does not compile.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export const CONDITION_OPERATORS: Readonly<Record<ConditionOperatorName, ConditionOperator>> = {
  StringEquals: STRING_EQUALS,
  StringNotEquals: STRING_NOT_EQUALS,
  StringEqualsIgnoreCase: STRING_EQUALS_IGNORE_CASE,
  StringNotEqualsIgnoreCase: STRING_NOT_EQUALS_IGNORE_CASE,
  StringLike: STRING_LIKE,
  StringNotLike: STRING_NOT_LIKE,
  NumericEquals: byName(NUMERIC_OPERATORS, 'NumericEquals'),
  NumericNotEquals: byName(NUMERIC_OPERATORS, 'NumericNotEquals'),
  NumericLessThan: byName(NUMERIC_OPERATORS, 'NumericLessThan'),
  NumericLessThanEquals: byName(NUMERIC_OPERATORS, 'NumericLessThanEquals'),
  NumericGreaterThan: byName(NUMERIC_OPERATORS, 'NumericGreaterThan'),
  NumericGreaterThanEquals: byName(NUMERIC_OPERATORS, 'NumericGreaterThanEquals'),
  DateEquals: byName(DATE_OPERATORS, 'DateEquals'),
  DateNotEquals: byName(DATE_OPERATORS, 'DateNotEquals'),
  DateLessThan: byName(DATE_OPERATORS, 'DateLessThan'),
  DateLessThanEquals: byName(DATE_OPERATORS, 'DateLessThanEquals'),
  DateGreaterThan: byName(DATE_OPERATORS, 'DateGreaterThan'),
  DateGreaterThanEquals: byName(DATE_OPERATORS, 'DateGreaterThanEquals'),
  Bool: BOOL,
  BinaryEquals: BINARY_EQUALS,
  IpAddress: IP_ADDRESS,
  NotIpAddress: NOT_IP_ADDRESS,
  ArnEquals: ARN_EQUALS,
  ArnLike: ARN_LIKE,
  ArnNotEquals: ARN_NOT_EQUALS,
  ArnNotLike: ARN_NOT_LIKE,
  Null: NULL,
};
