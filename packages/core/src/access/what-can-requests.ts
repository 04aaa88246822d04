import type { CatalogSnapshot } from '../catalog/catalog.js';
import { entryOf } from '../compare/access-search.js';
import { type ActionPoint, actionSendsKey } from '../compare/action-points.js';
import { CALLER_KEYS } from '../compare/caller-points.js';
import { buildKeySpace, type KeySpace, type KeyUse } from '../compare/key-space.js';
import type { CompiledPolicySet, CompiledStatement } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { EvaluationResult } from '../engine/evaluation-result.js';
import type { AuthorizationRequest, ContextValue } from '../engine/request.js';
import type { RequestContext } from '../engine/request-context.js';

/**
 * One request of `what-can` decided over the context keys the principal's evidence leaves open: the
 * keys its statements read that neither the caller nor the given context settles take each class of
 * values the statements tell apart (the compare module's key spaces), and the engine decides each
 * combination. Allowed in every combination is unconditional; in some, conditional.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */

/** A statement that matches the action, with the set it belongs to. */
export interface RelevantStatement {
  readonly compiled: CompiledStatement;
  readonly version: string | null;
}

/** What is fixed for every request of one query. */
export interface RequestBase {
  readonly principal: string;
  readonly sessionIssuer: string | null;
  /** The evidence's context and the given one. */
  readonly given: Readonly<Record<string, ContextValue>>;
  /** The caller's derived keys and the given ones. */
  readonly known: RequestContext;
  /** The principal's tags are known (an absent tag is absent). */
  readonly tagsKnown: boolean;
  readonly snapshot: CatalogSnapshot;
  readonly maxPoints: number;
}

/** The decision over the open keys. */
export interface RequestOutcome {
  readonly allowed: 'always' | 'conditional' | 'never';
  /** The first allowed request's result, when allowed. */
  readonly result: EvaluationResult | null;
  /** The open keys' values of that request (the given context besides). */
  readonly context: Readonly<Record<string, ContextValue>>;
  /** The open keys, lower-cased. */
  readonly open: ReadonlySet<string>;
  /** False when the combinations were cut at the limit. */
  readonly complete: boolean;
  readonly evaluations: number;
}

/** Whether the evidence settles a key for this principal. */
export function isKnownKey(lower: string, base: RequestBase): boolean {
  return (
    base.known.has(lower) ||
    CALLER_KEYS.has(lower) ||
    (base.tagsKnown && lower.startsWith('aws:principaltag/'))
  );
}

const spaces = new Map<string, KeySpace>();

function keySpaceFor(
  key: string,
  uses: readonly KeyUse[],
  snapshot: CatalogSnapshot,
  signature: string,
): KeySpace {
  let space = spaces.get(signature);
  if (space === undefined) {
    const colon = key.indexOf(':');
    const info =
      colon < 0
        ? null
        : key.slice(0, colon).toLowerCase() === 'aws'
          ? snapshot.globalConditionKey(key)
          : (snapshot.service(key.slice(0, colon))?.conditionKey(key) ?? null);
    const multiValued = info?.multiValued ?? uses.some((u) => u.clause.clause.setOperator !== null);
    space = buildKeySpace({ key, uses, multiValued, alwaysPresent: false, variables: new Map() });
    if (spaces.size > 4096) spaces.clear();
    spaces.set(signature, space);
  }
  return space;
}

const statementIds = new WeakMap<CompiledStatement, number>();
let nextStatementId = 0;

/** A number naming a compiled statement, for memo keys. */
export function statementId(s: CompiledStatement): number {
  let id = statementIds.get(s);
  if (id === undefined) {
    id = nextStatementId++;
    statementIds.set(s, id);
  }
  return id;
}

/**
 * Outcomes by policy set, matching statements and open keys. With no built-in rule concerned, the
 * engine's decision for an identity-side request depends on nothing else: the statements that match
 * its action and resource, and the context (the same classes of the same keys). Actions that share
 * their statements (an administrator's `*` under the same SCPs) are decided once.
 */
const outcomes = new WeakMap<CompiledPolicySet, Map<string, RequestOutcome>>();

/** Decides `action` on `resource` for the principal, over the keys the statements leave open. */
export function decideRequest(
  set: CompiledPolicySet,
  action: ActionPoint,
  resource: string,
  statements: readonly RelevantStatement[],
  base: RequestBase,
  memoizable: boolean,
): RequestOutcome {
  if (!memoizable) return decideOnce(set, action, resource, statements, base);
  let memo = outcomes.get(set);
  if (memo === undefined) {
    memo = new Map();
    outcomes.set(set, memo);
  }
  const open: string[] = [];
  for (const s of statements)
    for (const clause of s.compiled.clauses) {
      const lower = clause.clause.key.toLowerCase();
      if (!isKnownKey(lower, base) && actionSendsKey(action, clause.clause.key, base.snapshot))
        open.push(lower);
    }
  const key = `${statements.map((s) => statementId(s.compiled)).join(',')}|${open.join(',')}`;
  const found = memo.get(key);
  if (found !== undefined) return { ...found, evaluations: 0 };
  const outcome = decideOnce(set, action, resource, statements, base);
  if (memo.size > 100_000) memo.clear();
  memo.set(key, outcome);
  return outcome;
}

function decideOnce(
  set: CompiledPolicySet,
  action: ActionPoint,
  resource: string,
  statements: readonly RelevantStatement[],
  base: RequestBase,
): RequestOutcome {
  const uses = new Map<string, { key: string; uses: KeyUse[]; ids: string[] }>();
  for (const s of statements) {
    for (const clause of s.compiled.clauses) {
      const lower = clause.clause.key.toLowerCase();
      if (isKnownKey(lower, base) || !actionSendsKey(action, clause.clause.key, base.snapshot)) continue;
      const entry = uses.get(lower) ?? { key: clause.clause.key, uses: [], ids: [] };
      entry.uses.push({ clause, version: s.version as KeyUse['version'] });
      entry.ids.push(`${statementId(s.compiled)}${clause.clause.pointer}`);
      uses.set(lower, entry);
    }
  }
  const request = (context: Readonly<Record<string, ContextValue>>): AuthorizationRequest => ({
    principal: base.principal,
    action: action.name,
    resource,
    context,
    ...(base.sessionIssuer === null ? {} : { sessionIssuer: base.sessionIssuer }),
  });
  if (uses.size === 0) {
    const result = evaluate(set, request(base.given), { trace: 'none' });
    const allowed = result.decision === 'Allowed';
    return {
      allowed: allowed ? 'always' : 'never',
      result: allowed ? result : null,
      context: {},
      open: new Set(),
      complete: true,
      evaluations: 1,
    };
  }
  const keys = [...uses.entries()].map(([, e]) =>
    keySpaceFor(e.key, e.uses, base.snapshot, `${e.key}\u0000${e.ids.join('\u0000')}`),
  );
  const counter = keys.map(() => 0);
  let first: { result: EvaluationResult; context: Record<string, ContextValue> } | null = null;
  let denied = false;
  let evaluations = 0;
  let complete = true;
  for (;;) {
    if (evaluations >= base.maxPoints) {
      complete = false;
      break;
    }
    const open: Record<string, ContextValue> = {};
    keys.forEach((space, i) => {
      const entry = entryOf(space, counter[i] as number);
      if (entry !== null) open[space.key] = entry.multi ? entry.values : (entry.values[0] as string);
    });
    const result = evaluate(set, request({ ...base.given, ...open }), { trace: 'none' });
    evaluations++;
    if (result.decision === 'Allowed') first ??= { result, context: open };
    else denied = true;
    let i = 0;
    for (; i < keys.length; i++) {
      counter[i] = (counter[i] as number) + 1;
      if ((counter[i] as number) < (keys[i] as KeySpace).classes.length) break;
      counter[i] = 0;
    }
    if (i === keys.length) break;
  }
  return {
    allowed: first === null ? 'never' : denied ? 'conditional' : 'always',
    result: first?.result ?? null,
    context: first?.context ?? {},
    open: new Set(uses.keys()),
    complete,
    evaluations,
  };
}
