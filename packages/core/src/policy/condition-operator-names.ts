/**
 * The base condition operators of the IAM policy language, in their canonical spelling. Each may
 * carry an `IfExists` suffix (except `Null`) and a `ForAllValues:`/`ForAnyValue:` prefix.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export const CONDITION_OPERATOR_NAMES = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

/** A base condition operator name. */
export type ConditionOperatorName = (typeof CONDITION_OPERATOR_NAMES)[number];

const BY_LOWER_NAME = new Map<string, ConditionOperatorName>(
  CONDITION_OPERATOR_NAMES.map((n) => [n.toLowerCase(), n]),
);

/** The parts of an operator as written: `ForAnyValue:StringLikeIfExists`. */
export interface OperatorParts {
  readonly setOperator: 'ForAllValues' | 'ForAnyValue' | null;
  readonly baseOperator: ConditionOperatorName;
  readonly ifExists: boolean;
}

/**
 * Splits an operator into set prefix, base name and `IfExists`; names are matched
 * case-insensitively. Returns `undefined` for an unknown operator or `NullIfExists`.
 */
export function splitOperator(operator: string): OperatorParts | undefined {
  let rest = operator;
  let setOperator: OperatorParts['setOperator'] = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let lower = rest.toLowerCase();
  let ifExists = false;
  if (lower.endsWith('ifexists')) {
    ifExists = true;
    lower = lower.slice(0, -'ifexists'.length);
  }
  const baseOperator = BY_LOWER_NAME.get(lower);
  if (baseOperator === undefined || (ifExists && baseOperator === 'Null')) return undefined;
  return { setOperator, baseOperator, ifExists };
}
