import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { ActionInfo } from '../catalog/service-info.js';
import { compileArnPattern } from '../matching/arn.js';
import { compileWildcard } from '../matching/wildcard.js';
import type { ConditionClause, PolicyStatement, PolicyString } from '../policy/policy-model.js';

/** One value of a statement's `Action` and the catalog actions it matches. */
export interface ActionValue {
  readonly value: PolicyString;
  /** The service part (lower-case), or `null` when the value has no colon (`*`). */
  readonly service: string | null;
  /** The name part as written, or `null` without a colon. */
  readonly name: string | null;
  /** Matched actions; `null` when the catalog cannot tell (wildcard or unknown service). */
  readonly actions: readonly ActionInfo[] | null;
}

/**
 * What each statement's actions match, per catalog: several rules ask for every statement, and
 * expanding `ec2:Describe*` again for each of them made lint of a long policy far slower than
 * evaluating it.
 */
const actionValuesMemo = new WeakMap<CatalogSnapshot, WeakMap<PolicyStatement, ActionValue[] | null>>();
const expandedMemo = new WeakMap<CatalogSnapshot, WeakMap<PolicyStatement, ActionInfo[] | null>>();

function memoFor<T>(
  memo: WeakMap<CatalogSnapshot, WeakMap<PolicyStatement, T>>,
  catalog: CatalogSnapshot,
): WeakMap<PolicyStatement, T> {
  let byStatement = memo.get(catalog);
  if (byStatement === undefined) {
    byStatement = new WeakMap();
    memo.set(catalog, byStatement);
  }
  return byStatement;
}

/** The values of a statement's `Action` (not `NotAction`) with what they match; `null` for `NotAction`. */
export function actionValues(statement: PolicyStatement, catalog: CatalogSnapshot): ActionValue[] | null {
  const memo = memoFor(actionValuesMemo, catalog);
  if (memo.has(statement)) return memo.get(statement) ?? null;
  const values = readActionValues(statement, catalog);
  memo.set(statement, values);
  return values;
}

function readActionValues(statement: PolicyStatement, catalog: CatalogSnapshot): ActionValue[] | null {
  if (statement.action.negated) return null;
  return statement.action.values.map((value) => {
    const colon = value.raw.indexOf(':');
    if (colon < 0) return { value, service: null, name: null, actions: null };
    return {
      value,
      service: value.raw.slice(0, colon).toLowerCase(),
      name: value.raw.slice(colon + 1),
      actions: catalog.matchActions(value.raw),
    };
  });
}

/**
 * The actions a statement's `Action` names, or `null` when some value cannot be expanded (`*`, a
 * service wildcard, an unknown service): rules that reason about "every action of the statement" stay
 * quiet then.
 */
export function expandedActions(statement: PolicyStatement, catalog: CatalogSnapshot): ActionInfo[] | null {
  const memo = memoFor(expandedMemo, catalog);
  if (memo.has(statement)) return memo.get(statement) ?? null;
  const values = actionValues(statement, catalog);
  // statements that name the same actions share one expansion
  const key = values === null ? null : values.map((v) => v.value.raw.toLowerCase()).join('\n');
  let byKey = expandedByKey.get(catalog);
  if (byKey === undefined) {
    byKey = new Map();
    expandedByKey.set(catalog, byKey);
  }
  let expanded = key === null ? null : byKey.get(key);
  if (expanded === undefined) {
    expanded = expandActions(values);
    if (key !== null && byKey.size < MAX_SHARED_EXPANSIONS) byKey.set(key, expanded);
  }
  memo.set(statement, expanded);
  return expanded;
}

const expandedByKey = new WeakMap<CatalogSnapshot, Map<string, ActionInfo[] | null>>();

/** How many distinct `Action` lists share their expansion. */
const MAX_SHARED_EXPANSIONS = 4096;

function expandActions(values: readonly ActionValue[] | null): ActionInfo[] | null {
  if (values === null) return null;
  const out = new Set<ActionInfo>();
  for (const v of values) {
    if (v.actions === null) return null;
    for (const a of v.actions) out.add(a);
  }
  return [...out];
}

/**
 * The `Action` values that name `action` (`service:Name`, lower-case) themselves: the exact name or a
 * pattern within its service such as `iam:Pass*`, but not `*`, `iam:*` or `*:PassRole`.
 */
export function valuesNaming(statement: PolicyStatement, action: string): PolicyString[] {
  if (statement.action.negated) return [];
  const colon = action.indexOf(':');
  const service = action.slice(0, colon);
  return statement.action.values.filter((v) => {
    const c = v.value.indexOf(':');
    if (c < 0 || v.value.slice(0, c) !== service) return false;
    const name = v.value.slice(c + 1);
    if (name.replaceAll('*', '') === '') return false;
    return compileWildcard(v.value, { ignoreCase: true }).matches(action);
  });
}

/** Whether the statement's `Action` (not `NotAction`) matches `action` in any way, wildcards included. */
export function statementCovers(statement: PolicyStatement, action: string): boolean {
  if (statement.action.negated) return false;
  return statement.action.values.some((v) => compileWildcard(v.value, { ignoreCase: true }).matches(action));
}

/** Whether a `Resource` value is only stars: it matches every resource, including `*` itself. */
export function isAllResources(value: string): boolean {
  return value.length > 0 && value.replaceAll('*', '') === '';
}

/** The positive `Resource` values of a statement, or `null` for `NotResource` or no resource element. */
export function resourceValues(statement: PolicyStatement): readonly PolicyString[] | null {
  if (statement.resource === null || statement.resource.negated) return null;
  return statement.resource.values;
}

/** Whether a `Resource` pattern matches any name whatever: `*`, or a role ARN pattern ending `role/*`. */
export function matchesAnyRole(value: string): boolean {
  if (isAllResources(value)) return true;
  const matcher = compileArnPattern(value);
  const probes = ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/service-role/zz-Admin'];
  return probes.every((probe) => matcher.matches(probe));
}

/** The base operators whose comparison is negated: an absent key makes them true. */
const NEGATED_OPERATORS = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'ArnNotEquals',
  'ArnNotLike',
  'NotIpAddress',
]);

/**
 * What a condition clause evaluates to when its key is absent from the request.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function outcomeWhenKeyAbsent(clause: ConditionClause): boolean {
  if (clause.baseOperator === 'Null') return clause.values.every((v) => v.value.toLowerCase() === 'true');
  if (clause.ifExists) return true;
  if (clause.setOperator === 'ForAllValues') return true;
  if (clause.setOperator === 'ForAnyValue') return false;
  return NEGATED_OPERATORS.has(clause.baseOperator);
}
