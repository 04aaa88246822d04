import type { ConditionClause, PolicyVersion } from '../../policy/policy-model.js';
import { joinParts, parseTemplate, resolveTemplate, type Template } from '../policy-variables.js';
import type { RequestContext } from '../request-context.js';
import type { ComparisonOperator, ValueTest } from './condition-operator.js';
import { CONDITION_OPERATORS } from './registry.js';

/** The outcome of one condition clause for one request, as kept in the trace. */
export interface ConditionOutcome {
  readonly clause: ConditionClause;
  readonly matched: boolean;
  /** The request's values for the key; `null` when the key is absent. */
  readonly actual: readonly string[] | null;
  /** True when a policy variable in the values could not be resolved (no key, no default). */
  readonly unresolved: boolean;
}

/** A clause compiled once per policy and evaluated per request. */
export interface CompiledClause {
  readonly clause: ConditionClause;
  /** The outcome with the values compared, for traces. */
  evaluate(context: RequestContext): ConditionOutcome;
  /** Whether the clause matches; the same answer as `evaluate(context).matched`, without allocating. */
  test(context: RequestContext): boolean;
}

/** Bit flags of one clause run: the clause matched; a policy variable could not be resolved. */
const MATCHED = 1;
const UNRESOLVED = 2;

interface ValueSlot {
  readonly test: ValueTest | null;
  readonly template: Template | null;
}

/**
 * Compiles a condition clause: the policy values are parsed once (numbers, dates, CIDR blocks,
 * wildcard patterns); values with policy variables are resolved per request (2012-10-17 only).
 *
 * Semantics (MULTI, OPS, SVMV): several policy values are ORed, NORed for a negated operator; a
 * missing key fails a positive operator and passes a negated one; `IfExists` passes on a missing
 * key; `ForAllValues` passes on a missing or empty key and needs every request value to satisfy
 * the operator; `ForAnyValue` needs at least one; a plain operator on a multivalued key never
 * matches; an unresolvable variable never matches a positive value and fails a negated clause.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
export function compileClause(clause: ConditionClause, version: PolicyVersion | null): CompiledClause {
  const operator = CONDITION_OPERATORS[clause.baseOperator as keyof typeof CONDITION_OPERATORS];
  const keyLower = clause.key.toLowerCase();
  if (operator.kind === 'existence') {
    const wantAbsent = clause.values.map((v) => v.value.toLowerCase() === 'true');
    const wantPresent = clause.values.map((v) => v.value.toLowerCase() === 'false');
    const test = (context: RequestContext): boolean => {
      const entry = context.get(keyLower);
      const present = entry !== undefined && entry.values.length > 0;
      return present ? wantPresent.includes(true) : wantAbsent.includes(true);
    };
    return {
      clause,
      test,
      evaluate(context) {
        return {
          clause,
          matched: test(context),
          actual: context.get(keyLower)?.values ?? null,
          unresolved: false,
        };
      },
    };
  }
  const useVariables = operator.variables && version === '2012-10-17';
  const slots: ValueSlot[] = clause.values.map((v) => {
    const template = useVariables ? parseTemplate(v.value) : undefined;
    if (template !== undefined) return { test: null, template };
    return { test: operator.compile({ text: v.value, parts: null }), template: null };
  });
  const constantTests = slots.every((s) => s.template === null)
    ? slots.map((s) => s.test).filter((t): t is ValueTest => t !== null)
    : null;
  const cache = new Map<string, ValueTest | null>();
  const { setOperator, ifExists } = clause;
  const negated = operator.negated;

  const resolveTests = (context: RequestContext): { tests: ValueTest[]; unresolved: boolean } => {
    const tests: ValueTest[] = [];
    let unresolved = false;
    for (const slot of slots) {
      if (slot.template === null) {
        if (slot.test !== null) tests.push(slot.test);
        continue;
      }
      const parts = resolveTemplate(slot.template, context);
      if (parts === undefined) {
        unresolved = true;
        continue;
      }
      const test = cachedCompile(operator, cache, parts);
      if (test !== null) tests.push(test);
    }
    return { tests, unresolved };
  };

  const satisfiesAny = (tests: readonly ValueTest[], value: string): boolean => {
    let any = false;
    for (const test of tests) {
      if (test(value)) {
        any = true;
        break;
      }
    }
    return negated ? !any : any;
  };

  /** Evaluates the clause; returns {@link MATCHED} and {@link UNRESOLVED} flags. */
  const run = (context: RequestContext): number => {
    const entry = context.get(keyLower);
    let tests: readonly ValueTest[];
    let unresolved = 0;
    if (constantTests !== null) tests = constantTests;
    else {
      const resolved = resolveTests(context);
      tests = resolved.tests;
      unresolved = resolved.unresolved ? UNRESOLVED : 0;
    }
    if (unresolved !== 0 && negated) return unresolved;
    const values = entry?.values;
    let matched: boolean;
    if (setOperator === null) {
      if (values === undefined || values.length === 0) matched = ifExists || negated;
      else if (entry?.multi === true) matched = false;
      else matched = satisfiesAny(tests, values[0] as string);
    } else if (values === undefined || values.length === 0) {
      matched = setOperator === 'ForAllValues' || ifExists;
    } else if (setOperator === 'ForAllValues') {
      matched = values.every((v) => satisfiesAny(tests, v));
    } else {
      matched = values.some((v) => satisfiesAny(tests, v));
    }
    return (matched ? MATCHED : 0) | unresolved;
  };

  return {
    clause,
    test: (context) => (run(context) & MATCHED) !== 0,
    evaluate(context) {
      const flags = run(context);
      return {
        clause,
        matched: (flags & MATCHED) !== 0,
        actual: context.get(keyLower)?.values ?? null,
        unresolved: (flags & UNRESOLVED) !== 0,
      };
    },
  };
}

function cachedCompile(
  operator: ComparisonOperator,
  cache: Map<string, ValueTest | null>,
  parts: ReturnType<typeof resolveTemplate> & object,
): ValueTest | null {
  let key = '';
  for (const p of parts)
    key += p.kind === 'literal' ? `\u0001${p.text}\u0002` : p.kind === 'text' ? p.text : '*';
  let test = cache.get(key);
  if (test === undefined) {
    if (cache.size > 1024) cache.clear();
    test = operator.compile({ text: joinParts(parts), parts });
    cache.set(key, test);
  }
  return test;
}
