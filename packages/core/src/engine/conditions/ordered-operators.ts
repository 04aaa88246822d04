import type { ConditionOperatorName } from '../../policy/condition-operator-names.js';
import type { ComparisonOperator } from './condition-operator.js';

/** The six comparisons of an ordered family (numbers, dates), the `NotEquals` one negated. */
const COMPARISONS: readonly (readonly [
  suffix: string,
  negated: boolean,
  test: (a: number, e: number) => boolean,
])[] = [
  ['Equals', false, (a, e) => a === e],
  ['NotEquals', true, (a, e) => a === e],
  ['LessThan', false, (a, e) => a < e],
  ['LessThanEquals', false, (a, e) => a <= e],
  ['GreaterThan', false, (a, e) => a > e],
  ['GreaterThanEquals', false, (a, e) => a >= e],
];

/**
 * The operators of an ordered family (`Numeric…`, `Date…`): policy and request values are read by
 * `parse`; a value that does not parse never matches, and a policy value that does not parse compiles
 * to no test.
 */
export function orderedOperators(
  family: 'Numeric' | 'Date',
  parse: (text: string) => number | undefined,
): ComparisonOperator[] {
  return COMPARISONS.map(([suffix, negated, test]) => ({
    kind: 'comparison',
    name: `${family}${suffix}` as ConditionOperatorName,
    negated,
    variables: false,
    compile({ text }) {
      const expected = parse(text);
      if (expected === undefined) return null;
      // a batch sends the same request value again and again (`aws:CurrentTime`): keep the last reading
      let lastText: string | undefined;
      let lastValue: number | undefined;
      return (actual) => {
        if (actual !== lastText) {
          lastValue = parse(actual);
          lastText = actual;
        }
        return lastValue !== undefined && test(lastValue, expected);
      };
    },
  }));
}
