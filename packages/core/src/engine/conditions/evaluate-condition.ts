import type { WildcardPart } from '../../matching/wildcard.js';
import type { ConditionClause, PolicyVersion } from '../../policy/policy-model.js';
import {
  joinParts,
  parseTemplate,
  resolveTemplate,
  type Template,
  templateValuesKey,
} from '../policy-variables.js';
import { type RequestContext, ReusableContext } from '../request-context.js';
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
  /** For a template: its tests by the values its variables take ({@link templateValuesKey}). */
  readonly resolved: Map<string, ValueTest | null> | null;
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
  const shared = sharedClause(clause, version);
  const keyLower = clause.key.toLowerCase();
  return {
    clause,
    test: shared.test,
    evaluate(context) {
      const flags = shared.run(context);
      return {
        clause,
        matched: (flags & MATCHED) !== 0,
        actual: context.get(keyLower)?.values ?? null,
        unresolved: (flags & UNRESOLVED) !== 0,
      };
    },
  };
}

/**
 * A clause's evaluation, shared by every clause that says the same (statements of a policy set
 * repeat their conditions), with the answer for the current lean request remembered: a request tests
 * each distinct clause once.
 */
interface SharedClause {
  /** {@link MATCHED} and {@link UNRESOLVED} flags. */
  run(context: RequestContext): number;
  test(context: RequestContext): boolean;
}

/** Shared clauses by what they say (operator, key, values, policy version); emptied when full. */
const sharedClauses = new Map<string, SharedClause>();
const SHARED_LIMIT = 8192;

function sharedClause(clause: ConditionClause, version: PolicyVersion | null): SharedClause {
  const signature = JSON.stringify([
    clause.baseOperator,
    clause.setOperator,
    clause.ifExists,
    clause.key.toLowerCase(),
    clause.values.map((v) => v.value),
    version,
  ]);
  let shared = sharedClauses.get(signature);
  if (shared === undefined) {
    const run = compileRun(clause, version);
    let lastContext: RequestContext | null = null;
    let lastRequest = -1;
    let lastMatched = false;
    shared = {
      run,
      test(context) {
        // only a reusable context says which request it holds; a map is never remembered
        const request = context instanceof ReusableContext ? context.request : -1;
        if (request >= 0 && request === lastRequest && context === lastContext) return lastMatched;
        const matched = (run(context) & MATCHED) !== 0;
        if (request >= 0) {
          lastContext = context;
          lastRequest = request;
          lastMatched = matched;
        }
        return matched;
      },
    };
    if (sharedClauses.size >= SHARED_LIMIT) sharedClauses.clear();
    sharedClauses.set(signature, shared);
  }
  return shared;
}

/** The clause's evaluation: {@link MATCHED} and {@link UNRESOLVED} flags for a context. */
function compileRun(
  clause: ConditionClause,
  version: PolicyVersion | null,
): (context: RequestContext) => number {
  const operator = CONDITION_OPERATORS[clause.baseOperator as keyof typeof CONDITION_OPERATORS];
  const keyLower = clause.key.toLowerCase();
  if (operator.kind === 'existence') {
    const wantAbsent = clause.values.map((v) => v.value.toLowerCase() === 'true');
    const wantPresent = clause.values.map((v) => v.value.toLowerCase() === 'false');
    return (context) => {
      const entry = context.get(keyLower);
      const present = entry !== undefined && entry.values.length > 0;
      return (present ? wantPresent.includes(true) : wantAbsent.includes(true)) ? MATCHED : 0;
    };
  }
  const useVariables = operator.variables && version === '2012-10-17';
  const slots: ValueSlot[] = clause.values.map((v) => {
    const template = useVariables ? parseTemplate(v.value) : undefined;
    if (template !== undefined) return { test: null, template, resolved: new Map() };
    return { test: operator.compile({ text: v.value, parts: null }), template: null, resolved: null };
  });
  const constantTests = slots.every((s) => s.template === null)
    ? slots.map((s) => s.test).filter((t): t is ValueTest => t !== null)
    : null;
  const { setOperator, ifExists } = clause;
  const negated = operator.negated;
  /**
   * The tests of the current run when values hold variables: the first `resolvedCount`, rewritten by
   * each run (runs never overlap).
   */
  const resolved: ValueTest[] = [];
  let resolvedCount = 0;

  /** Resolves the values with variables into {@link resolved}; false when one could not be resolved. */
  const resolveTests = (context: RequestContext): boolean => {
    resolvedCount = 0;
    let complete = true;
    for (const slot of slots) {
      if (slot.template === null) {
        if (slot.test !== null) resolved[resolvedCount++] = slot.test;
        continue;
      }
      const test = resolvedTest(
        operator,
        slot.template,
        slot.resolved as Map<string, ValueTest | null>,
        context,
      );
      if (test === undefined) complete = false;
      else if (test !== null) resolved[resolvedCount++] = test;
    }
    return complete;
  };

  const satisfiesAny = (tests: readonly ValueTest[], count: number, value: string): boolean => {
    let any = false;
    for (let i = 0; i < count; i++) {
      if ((tests[i] as ValueTest)(value)) {
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
    let count: number;
    let unresolved = 0;
    if (constantTests !== null) {
      tests = constantTests;
      count = tests.length;
    } else {
      unresolved = resolveTests(context) ? 0 : UNRESOLVED;
      tests = resolved;
      count = resolvedCount;
    }
    if (unresolved !== 0 && negated) return unresolved;
    const values = entry?.values;
    let matched: boolean;
    if (setOperator === null) {
      if (values === undefined || values.length === 0) matched = ifExists || negated;
      else if (entry?.multi === true) matched = false;
      else matched = satisfiesAny(tests, count, values[0] as string);
    } else if (values === undefined || values.length === 0) {
      matched = setOperator === 'ForAllValues' || ifExists;
    } else if (setOperator === 'ForAllValues') {
      matched = true;
      for (const v of values) {
        if (!satisfiesAny(tests, count, v)) {
          matched = false;
          break;
        }
      }
    } else {
      matched = false;
      for (const v of values) {
        if (satisfiesAny(tests, count, v)) {
          matched = true;
          break;
        }
      }
    }
    return (matched ? MATCHED : 0) | unresolved;
  };

  return run;
}

/**
 * The test of a value with policy variables for the values they take in `context`, compiled once per
 * distinct values; `undefined` when a variable cannot be resolved, `null` when the resolved value
 * never matches.
 */
function resolvedTest(
  operator: ComparisonOperator,
  template: Template,
  cache: Map<string, ValueTest | null>,
  context: RequestContext,
): ValueTest | null | undefined {
  // equal keys exactly when the resolved parts are equal (the template's own text is fixed)
  const key = templateValuesKey(template, context);
  if (key === undefined) return undefined;
  let test = cache.get(key);
  if (test === undefined) {
    const parts = resolveTemplate(template, context) as WildcardPart[];
    if (cache.size > 1024) cache.clear();
    test = operator.compile({ text: joinParts(parts), parts });
    cache.set(key, test);
  }
  return test;
}
