import { parseArn } from '../matching/arn.js';
import { type BuiltInRule, builtInRulesFor } from './built-in-rules.js';
import { type Caller, hasIdentityPolicies, isAccountPrincipal, parseCaller } from './caller.js';
import {
  type CompiledPolicy,
  type CompiledPolicySet,
  type CompiledStatement,
  groupOf,
} from './compile-policy-set.js';
import type { ConditionOutcome } from './conditions/evaluate-condition.js';
import type {
  EvaluationResult,
  StatementOrigin,
  StatementSummary,
  StatementTrace,
} from './evaluation-result.js';
import type { LayerName } from './layers.js';
import {
  matchPrincipal,
  type PrincipalGrant,
  type PrincipalOutcome,
  strongerGrant,
} from './principal-match.js';
import type { AuthorizationRequest } from './request.js';
import { buildRequestContext, type RequestContext, ReusableContext } from './request-context.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * `relevant` (default) traces the statements whose action matches and stops at the first failing
   * element of each; `full` traces every statement of every policy and evaluates every element;
   * `none` keeps no trace (`trace` is empty) and allocates as little as possible, for batches: the
   * decision, layer, deciding statements and resource grant are the same in every mode.
   */
  readonly trace?: 'none' | 'relevant' | 'full';
}

/** What the deciding-statement summary needs to know of a statement, whatever the trace mode. */
interface Mark {
  readonly origin: StatementOrigin;
  /** Every element and condition matched. */
  readonly matched: boolean;
  /** Action, resource and principal matched (the conditions may have failed). */
  readonly elementsMatched: boolean;
}

/** What one policy contributed: explicit deny, allow, and the strongest principal grant of its allows. */
interface PolicyVerdict {
  deny: boolean;
  allow: boolean;
  grant: PrincipalGrant | null;
}

const callerCache = new Map<string, Caller>();

function cachedCaller(principal: string, sessionIssuer: string | undefined): Caller {
  const key = sessionIssuer === undefined ? principal : `${principal}\u0000${sessionIssuer}`;
  let caller = callerCache.get(key);
  if (caller === undefined) {
    if (callerCache.size >= 4096) callerCache.clear();
    caller = parseCaller(principal, sessionIssuer);
    callerCache.set(key, caller);
  }
  return caller;
}

const lowerActions = new Map<string, string>();

/** An action in lower case; a batch names the same few actions over and over. */
function lowerAction(action: string): string {
  let lower = lowerActions.get(action);
  if (lower === undefined) {
    if (lowerActions.size >= 4096) lowerActions.clear();
    lower = action.toLowerCase();
    lowerActions.set(action, lower);
  }
  return lower;
}

const accountCache = new Map<string, string | null>();

/** The account of a resource ARN, `null` when it has none (S3) or is not an ARN. */
function arnAccount(resource: string): string | null {
  let account = accountCache.get(resource);
  if (account === undefined) {
    if (accountCache.size >= 4096) accountCache.clear();
    account = parseArn(resource)?.account || null;
    accountCache.set(resource, account);
  }
  return account;
}

/**
 * Evaluates one request against a compiled policy set, the way AWS does (spec C.2–C.8): a built-in
 * rule that allows or denies whatever the policies say decides first (`sts:GetCallerIdentity`, AWS
 * managed policies, service-linked roles: {@link builtInRulesFor}); then an explicit deny in any layer
 * wins; then every RCP level (which implicitly carries `RCPFullAWSAccess`) and every SCP level must
 * allow; then the resource-based policy (with the same-account shortcut, and always required where a
 * built-in rule requires it: KMS key policies, role trust policies), the identity policies, the
 * permissions boundary and the session policies; then the VPC endpoint policy.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
export function evaluate(
  compiled: CompiledPolicySet,
  request: AuthorizationRequest,
  options: EvaluateOptions = {},
): EvaluationResult {
  if (options.trace !== 'none') return evaluateRequest(compiled, request, options);
  // Batches repeat identical requests (the same check replayed from logs, expanded calls): a lean
  // result depends on nothing but the compiled set and the request, so it is memoized exactly. When
  // the requests rarely repeat, the memo is set aside for a while: keeping every result costs more
  // than it saves.
  let memo = leanMemo.get(compiled);
  if (memo === undefined) {
    memo = { entries: new Map(), byRequest: new WeakMap(), lookups: 0, hits: 0, pausedFor: 0 };
    leanMemo.set(compiled, memo);
  }
  if (memo.pausedFor > 0) {
    memo.pausedFor--;
    return evaluateRequest(compiled, request, options);
  }
  if (memo.lookups >= MEMO_PROBE) {
    if (memo.hits * 8 < memo.lookups) {
      memo.pausedFor = MEMO_PAUSE;
      clearMemo(memo);
    }
    memo.lookups = 0;
    memo.hits = 0;
  }
  memo.lookups++;
  // the same request object again (a batch reader gives equal requests as one object): no hashing
  const same = memo.byRequest.get(request);
  if (same !== undefined) {
    memo.hits++;
    return same;
  }
  const hash = requestHash(request);
  let bucket = memo.entries.get(hash);
  if (bucket !== undefined) {
    for (const entry of bucket) {
      if (sameRequest(entry.request, request)) {
        memo.hits++;
        memo.byRequest.set(request, entry.result);
        return entry.result;
      }
    }
  } else {
    if (memo.entries.size >= LEAN_MEMO_LIMIT) clearMemo(memo);
    bucket = [];
    memo.entries.set(hash, bucket);
  }
  const result = evaluateRequest(compiled, request, options);
  bucket.push({ request, result });
  memo.byRequest.set(request, result);
  return result;
}

function clearMemo(memo: LeanMemo): void {
  memo.entries.clear();
  memo.byRequest = new WeakMap();
}

/** The lean memo of one compiled set, with its hit rate over the current probe window. */
interface LeanMemo {
  readonly entries: Map<
    number,
    { readonly request: AuthorizationRequest; readonly result: EvaluationResult }[]
  >;
  /** The results of the request objects in `entries`, by object. */
  byRequest: WeakMap<AuthorizationRequest, EvaluationResult>;
  lookups: number;
  hits: number;
  /** Requests still to evaluate without the memo. */
  pausedFor: number;
}

/** Lookups over which the memo's hit rate is judged; below one in eight it pauses. */
const MEMO_PROBE = 4096;
const MEMO_PAUSE = 65_536;
const LEAN_MEMO_LIMIT = 16_384;
const leanMemo = new WeakMap<CompiledPolicySet, LeanMemo>();

/**
 * FNV-1a over every field and context entry of a request, in the order given: equal requests hash
 * equally (context keys written in another order only miss a reuse, never cause a wrong one).
 */
export function requestHash(request: AuthorizationRequest): number {
  let h = mix(0x811c9dc5, request.principal);
  h = mix(h, request.action);
  h = mix(h, request.resource);
  h = mix(h, request.sessionIssuer ?? '');
  const context = request.context;
  for (const key in context) {
    h = mix(h, key);
    const value = context[key] as string | readonly string[];
    if (typeof value === 'string') h = mix(h, value);
    else for (const v of value) h = mix(h ^ 0x2f, v);
  }
  return h >>> 0;
}

function mix(hash: number, text: string): number {
  let h = Math.imul(hash ^ 0x1f, 0x01000193); // a separator, so that `ab`+`c` and `a`+`bc` differ
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Whether two requests are equal in every field and context entry (context keys in the same order). */
function sameRequest(a: AuthorizationRequest, b: AuthorizationRequest): boolean {
  if (
    a.principal !== b.principal ||
    a.action !== b.action ||
    a.resource !== b.resource ||
    a.sessionIssuer !== b.sessionIssuer
  ) {
    return false;
  }
  const ka = Object.keys(a.context);
  const kb = Object.keys(b.context);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i] as string;
    if (key !== kb[i]) return false;
    const va = a.context[key] as string | readonly string[];
    const vb = b.context[key] as string | readonly string[];
    if (typeof va === 'string' || typeof vb === 'string') {
      if (va !== vb) return false;
    } else if (va.length !== vb.length || va.some((v, j) => v !== vb[j])) {
      return false;
    }
  }
  return true;
}

function evaluateRequest(
  compiled: CompiledPolicySet,
  request: AuthorizationRequest,
  options: EvaluateOptions,
): EvaluationResult {
  const full = options.trace === 'full';
  const lean = options.trace === 'none';
  const caller = cachedCaller(request.principal, request.sessionIssuer);
  const context = lean
    ? LEAN_CONTEXT.load(caller, request.context)
    : buildRequestContext(caller, request.context);
  const actionLower = lowerAction(request.action);
  const resource = request.resource;
  const resourceAccount = compiled.resourceAccount ?? arnAccount(resource) ?? caller.account;
  const sameAccount =
    caller.account !== null && (resourceAccount === null || resourceAccount === caller.account);
  const management = compiled.managementAccountId;

  const identityApplies = hasIdentityPolicies(caller);
  // a NotPrincipal never excludes a caller with a permissions boundary (BOUND)
  const hasBoundary = identityApplies && compiled.boundary !== null;
  const rcpApplies =
    compiled.rcps !== null &&
    !caller.serviceLinked &&
    (management === null || resourceAccount !== management);
  const scpApplies =
    compiled.scps !== null &&
    isAccountPrincipal(caller) &&
    !caller.serviceLinked &&
    (management === null || caller.account !== management);
  const applies: Applies = { rcp: rcpApplies, scp: scpApplies, identity: identityApplies };

  const trace: StatementTrace[] | null = lean ? null : [];
  const found =
    trace === null
      ? leanVerdicts(compiled, actionLower, resource, caller, context, hasBoundary, applies)
      : tracedVerdicts(compiled, actionLower, resource, caller, context, hasBoundary, full, trace, applies);
  // a federated user (GetFederationToken) without a session policy has no permissions (EVAL-DA)
  const sessionRequired = identityApplies && (found.session !== null || caller.kind === 'federated-user');

  // 0. rules AWS applies that no policy states: an action that needs no permission, a resource nobody
  // can change through IAM (an explicit deny that no policy holds: reported on the resource)
  const builtIn = builtInRulesFor(actionLower, resource, caller, context);
  const outcome = decide(found, builtIn, caller, sameAccount, identityApplies, sessionRequired);
  const { decision, layer, rule } = outcome;
  return {
    decision,
    layer,
    // a rule that allows or denies whatever the policies say is decided by no statement
    statements:
      rule !== null && rule.effect !== 'require-resource-policy'
        ? NONE
        : trace === null
          ? summarizeLean(LEAN_MARKS, decision, layer)
          : summarize(trace.map(markOf), decision, layer),
    resourceGrant: found.resource?.allow ? found.resource.grant : null,
    layers: layersOf(found, applies, sessionRequired),
    trace: trace ?? NONE,
    builtIn: rule === null ? null : { id: rule.id, effect: rule.effect },
  };
}

/** Which of the layers that depend on the caller and the accounts take part. */
interface Applies {
  readonly rcp: boolean;
  readonly scp: boolean;
  readonly identity: boolean;
}

/** Every layer's verdict for one request; `null` (or no levels) for a layer that takes no part. */
interface Verdicts {
  readonly rcpLevels: readonly PolicyVerdict[];
  readonly scpLevels: readonly PolicyVerdict[];
  readonly resource: PolicyVerdict | null;
  readonly identity: PolicyVerdict | null;
  readonly boundary: PolicyVerdict | null;
  readonly session: PolicyVerdict | null;
  readonly vpcEndpoint: PolicyVerdict | null;
}

/** The verdicts with a trace: every policy's candidate statements (every statement in `full` mode). */
function tracedVerdicts(
  compiled: CompiledPolicySet,
  actionLower: string,
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  full: boolean,
  trace: StatementTrace[],
  applies: Applies,
): Verdicts {
  const run = (policy: CompiledPolicy): PolicyVerdict =>
    evaluatePolicy(policy, actionLower, resource, caller, context, hasBoundary, full, trace);
  const runAll = (policies: readonly CompiledPolicy[]): PolicyVerdict => {
    const verdict: PolicyVerdict = { deny: false, allow: false, grant: null };
    for (const p of policies) {
      const v = run(p);
      verdict.deny ||= v.deny;
      verdict.allow ||= v.allow;
      verdict.grant = strongerGrant(verdict.grant, v.grant);
    }
    return verdict;
  };
  return {
    rcpLevels: applies.rcp ? (compiled.rcps ?? []).map(runAll) : [],
    scpLevels: applies.scp ? (compiled.scps ?? []).map(runAll) : [],
    resource: compiled.resource ? run(compiled.resource) : null,
    identity: applies.identity ? runAll(compiled.identity) : null,
    boundary: applies.identity && compiled.boundary ? run(compiled.boundary) : null,
    session: applies.identity && compiled.session ? runAll(compiled.session) : null,
    vpcEndpoint: compiled.vpcEndpoint ? run(compiled.vpcEndpoint) : null,
  };
}

/** {@link Verdicts} whose objects the lean evaluation rewrites for each request. */
interface LeanVerdicts {
  rcpLevels: readonly PolicyVerdict[];
  scpLevels: readonly PolicyVerdict[];
  resource: PolicyVerdict | null;
  identity: PolicyVerdict | null;
  boundary: PolicyVerdict | null;
  session: PolicyVerdict | null;
  vpcEndpoint: PolicyVerdict | null;
}

/** The objects behind {@link LEAN_VERDICTS}: one verdict per layer and per level, reused. */
const LEAN_POOL = {
  rcps: { verdicts: [], lists: [] } as LevelPool,
  scps: { verdicts: [], lists: [] } as LevelPool,
  resource: newVerdict(),
  identity: newVerdict(),
  boundary: newVerdict(),
  session: newVerdict(),
  vpcEndpoint: newVerdict(),
  /** The resource policy's Allow statements when a Deny statement matched. */
  grant: newVerdict(),
};

const LEAN_VERDICTS: LeanVerdicts = {
  rcpLevels: [],
  scpLevels: [],
  resource: null,
  identity: null,
  boundary: null,
  session: null,
  vpcEndpoint: null,
};

function newVerdict(): PolicyVerdict {
  return { deny: false, allow: false, grant: null };
}

/** A pool of level verdicts with its lists of the first `n` of them, made once per `n`. */
interface LevelPool {
  readonly verdicts: PolicyVerdict[];
  readonly lists: (readonly PolicyVerdict[] | undefined)[];
}

/** The first `n` verdicts of a pool, as one list (the same list for every request). */
function pooledLevels(pool: LevelPool, n: number): readonly PolicyVerdict[] {
  let list = pool.lists[n];
  if (list === undefined) {
    while (pool.verdicts.length < n) pool.verdicts.push(newVerdict());
    list = pool.verdicts.slice(0, n);
    pool.lists[n] = list;
  }
  return list;
}

/**
 * The verdicts without a trace: every layer's candidate statements for this action and resource, in
 * one lookup; the Deny statements first: when one matches, the decision is an explicit deny whose
 * deciding statements are the matching Deny statements, and no Allow statement needs evaluating.
 * The verdicts are valid until the next lean evaluation.
 */
function leanVerdicts(
  compiled: CompiledPolicySet,
  actionLower: string,
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  applies: Applies,
): Verdicts {
  const plans = leanPlanFor(compiled, actionLower, resource);
  const found = LEAN_VERDICTS;
  LEAN_MARKS.count = 0;
  leanPass(plans.denies, compiled, resource, caller, context, hasBoundary, applies, found);
  if (!anyDenies(found)) {
    // no Deny statement matched: the Allow statements decide
    leanPass(plans.allows, compiled, resource, caller, context, hasBoundary, applies, found);
  } else if (found.resource !== null) {
    // an explicit deny still reports how the resource policy grants (`resourceGrant`)
    const granted = LEAN_POOL.grant;
    evaluateLean(plans.allows.resource, resource, caller, context, hasBoundary, LEAN_MARKS, granted);
    found.resource.allow = granted.allow;
    found.resource.grant = granted.grant;
  }
  return found;
}

/** One pass of {@link leanVerdicts} over the Deny or the Allow statements of every layer. */
function leanPass(
  plan: LeanPlan,
  compiled: CompiledPolicySet,
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  applies: Applies,
  found: LeanVerdicts,
): void {
  const marks = LEAN_MARKS;
  const pool = LEAN_POOL;
  found.rcpLevels = applies.rcp
    ? leanLevels(pool.rcps, plan.rcps, resource, caller, context, hasBoundary, marks)
    : NONE;
  found.scpLevels = applies.scp
    ? leanLevels(pool.scps, plan.scps, resource, caller, context, hasBoundary, marks)
    : NONE;
  found.resource = compiled.resource
    ? evaluateLean(plan.resource, resource, caller, context, hasBoundary, marks, pool.resource)
    : null;
  found.identity = applies.identity
    ? evaluateLean(plan.identity, resource, caller, context, hasBoundary, marks, pool.identity)
    : null;
  found.boundary =
    applies.identity && compiled.boundary
      ? evaluateLean(plan.boundary, resource, caller, context, hasBoundary, marks, pool.boundary)
      : null;
  found.session =
    applies.identity && compiled.session
      ? evaluateLean(plan.session, resource, caller, context, hasBoundary, marks, pool.session)
      : null;
  found.vpcEndpoint = compiled.vpcEndpoint
    ? evaluateLean(plan.vpcEndpoint, resource, caller, context, hasBoundary, marks, pool.vpcEndpoint)
    : null;
}

/** The verdicts of the RCP or SCP levels, root first: each level's candidates evaluated into its pooled verdict. */
function leanLevels(
  pool: LevelPool,
  levels: readonly (readonly CompiledStatement[])[],
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  marks: LeanMarks,
): readonly PolicyVerdict[] {
  const verdicts = pooledLevels(pool, levels.length);
  for (let i = 0; i < verdicts.length; i++) {
    const candidates = levels[i] as readonly CompiledStatement[];
    evaluateLean(candidates, resource, caller, context, hasBoundary, marks, verdicts[i] as PolicyVerdict);
  }
  return verdicts;
}

/** A decision, the layer that decided it, and the built-in rule that did, if one did. */
interface Outcome {
  readonly decision: EvaluationResult['decision'];
  readonly layer: LayerName | null;
  readonly rule: BuiltInRule | null;
}

/** The outcomes no built-in rule decides, built once, by decision and layer. */
const OUTCOMES = new Map<EvaluationResult['decision'], Map<LayerName | null, Outcome>>();

function outcome(
  decision: EvaluationResult['decision'],
  layer: LayerName | null,
  rule: BuiltInRule | null = null,
): Outcome {
  if (rule !== null) return { decision, layer, rule };
  let byLayer = OUTCOMES.get(decision);
  if (byLayer === undefined) {
    byLayer = new Map();
    OUTCOMES.set(decision, byLayer);
  }
  let found = byLayer.get(layer);
  if (found === undefined) {
    found = Object.freeze({ decision, layer, rule: null });
    byLayer.set(layer, found);
  }
  return found;
}

/**
 * The decision from every layer's verdict and the built-in rules (spec C.2–C.8): the same steps for
 * the traced and the lean evaluation.
 */
function decide(
  found: Verdicts,
  builtIn: ReturnType<typeof builtInRulesFor>,
  caller: Caller,
  sameAccount: boolean,
  identityApplies: boolean,
  sessionRequired: boolean,
): Outcome {
  if (builtIn.decisive?.effect === 'allow') return outcome('Allowed', null, builtIn.decisive);
  if (builtIn.decisive?.effect === 'deny') return outcome('ExplicitDeny', 'resource', builtIn.decisive);
  const { resource, identity, boundary, session, vpcEndpoint } = found;

  // 1. explicit deny anywhere, reported in layer order
  if (anyDeny(found.rcpLevels)) return outcome('ExplicitDeny', 'rcp');
  if (anyDeny(found.scpLevels)) return outcome('ExplicitDeny', 'scp');
  if (resource?.deny === true) return outcome('ExplicitDeny', 'resource');
  if (identity?.deny === true) return outcome('ExplicitDeny', 'identity');
  if (boundary?.deny === true) return outcome('ExplicitDeny', 'permissions-boundary');
  if (session?.deny === true) return outcome('ExplicitDeny', 'session');
  if (vpcEndpoint?.deny === true) return outcome('ExplicitDeny', 'vpc-endpoint');
  // 2. RCPs: every level carries RCPFullAWSAccess, so a level never lacks an allow
  // 3. SCPs: every level must allow
  const scps = found.scpLevels;
  for (let i = 0; i < scps.length; i++)
    if (!(scps[i] as PolicyVerdict).allow) return outcome('ImplicitDeny', 'scp');
  // 4. resource-based and identity-based policies, boundary, session policies
  const grant = resource?.allow ? resource.grant : null;
  if (builtIn.requirement !== null && grant === null)
    return outcome('ImplicitDeny', 'resource', builtIn.requirement);
  if (!identityApplies) {
    // root, services, identity providers, anonymous callers: no identity policies to consult
    const needsResource = caller.kind !== 'root' || !sameAccount;
    if (needsResource && grant === null) return outcome('ImplicitDeny', 'resource');
  } else {
    if (!sameAccount && grant === null) return outcome('ImplicitDeny', 'resource');
    // in the same account a grant to the caller itself (or to `*`) is limited by no implicit deny; one
    // to the role or user behind a session by the boundary and session policy only (EVAL-DA, PRIN)
    const skipIdentity = sameAccount && (grant === 'direct' || grant === 'issuer');
    const skipLimits = sameAccount && grant === 'direct';
    if (!skipIdentity && !(identity?.allow === true)) return outcome('ImplicitDeny', 'identity');
    if (!skipLimits && boundary !== null && !boundary.allow)
      return outcome('ImplicitDeny', 'permissions-boundary');
    if (!skipLimits && sessionRequired && !(session?.allow === true))
      return outcome('ImplicitDeny', 'session');
  }
  // 5. VPC endpoint policy
  if (vpcEndpoint !== null && !vpcEndpoint.allow) return outcome('ImplicitDeny', 'vpc-endpoint');
  return outcome('Allowed', null);
}

/** A result's empty lists, shared (results are never changed). */
const NONE: readonly never[] = Object.freeze([]);

/** The layers that took part, in order: one frozen list per combination, shared by every result. */
const LAYER_LISTS: (readonly LayerName[] | undefined)[] = [];

function layersOf(found: Verdicts, applies: Applies, sessionRequired: boolean): readonly LayerName[] {
  const mask =
    (applies.rcp ? 1 : 0) |
    (applies.scp ? 2 : 0) |
    (found.resource !== null ? 4 : 0) |
    (found.identity !== null ? 8 : 0) |
    (found.boundary !== null ? 16 : 0) |
    (sessionRequired ? 32 : 0) |
    (found.vpcEndpoint !== null ? 64 : 0);
  let list = LAYER_LISTS[mask];
  if (list === undefined) {
    const names: LayerName[] = [];
    if (mask & 1) names.push('rcp');
    if (mask & 2) names.push('scp');
    if (mask & 4) names.push('resource');
    if (mask & 8) names.push('identity');
    if (mask & 16) names.push('permissions-boundary');
    if (mask & 32) names.push('session');
    if (mask & 64) names.push('vpc-endpoint');
    list = Object.freeze(names);
    LAYER_LISTS[mask] = list;
  }
  return list;
}

function evaluatePolicy(
  policy: CompiledPolicy,
  actionLower: string,
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  full: boolean,
  trace: StatementTrace[],
): PolicyVerdict {
  const verdict: PolicyVerdict = { deny: false, allow: false, grant: null };
  const candidates = full ? policy.statements : policy.statementsForRequest(actionLower, resource);
  for (const compiled of candidates) {
    const t = evaluateStatement(compiled, actionLower, resource, caller, context, hasBoundary, full);
    trace.push(t);
    if (!t.matched) continue;
    if (compiled.statement.effect === 'Deny') verdict.deny = true;
    else {
      verdict.allow = true;
      verdict.grant = strongerGrant(verdict.grant, t.principal?.grant ?? null);
    }
  }
  return verdict;
}

/**
 * {@link evaluatePolicy} without a trace, over the candidate statements of one policy or one group
 * of policies: the same verdict (written into `verdict`, which is returned), recording only the statements whose elements matched (the only ones
 * the deciding-statement summary can include).
 */
function evaluateLean(
  candidates: readonly CompiledStatement[],
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  marks: LeanMarks,
  verdict: PolicyVerdict,
): PolicyVerdict {
  verdict.deny = false;
  verdict.allow = false;
  verdict.grant = null;
  for (const compiled of candidates) {
    const { statement } = compiled;
    // static resource patterns were already matched by `statementsForRequest`
    const variable = compiled.variableResource;
    if (variable !== null && !variable.matches(resource, context)) continue;
    let grant: PrincipalGrant | null = null;
    if (statement.principal !== null) {
      const principal = matchPrincipal(statement.principal, caller, context, hasBoundary);
      if (!principal.matched) continue;
      grant = principal.grant;
    }
    let matched = true;
    for (const clause of compiled.clauses) {
      if (!clause.test(context)) {
        matched = false;
        break;
      }
    }
    marks.statements[marks.count] = compiled;
    marks.matched[marks.count] = matched;
    marks.count++;
    if (!matched) continue;
    if (statement.effect === 'Deny') verdict.deny = true;
    else {
      verdict.allow = true;
      verdict.grant = strongerGrant(verdict.grant, grant);
    }
  }
  return verdict;
}

/**
 * The candidate statements of every layer of a compiled set for one action and resource (action
 * matched, static resource patterns matched), in evaluation order; a layer the set lacks is empty.
 */
interface LeanPlan {
  readonly rcps: readonly (readonly CompiledStatement[])[];
  readonly scps: readonly (readonly CompiledStatement[])[];
  readonly resource: readonly CompiledStatement[];
  readonly identity: readonly CompiledStatement[];
  readonly boundary: readonly CompiledStatement[];
  readonly session: readonly CompiledStatement[];
  readonly vpcEndpoint: readonly CompiledStatement[];
}

/** The {@link LeanPlan} of the Deny statements and the one of the Allow statements. */
interface LeanPlans {
  readonly denies: LeanPlan;
  readonly allows: LeanPlan;
}

const PLAN_LIMIT = 4096;
const leanPlans = new WeakMap<CompiledPolicySet, Map<string, Map<string, LeanPlans>>>();

/** Whether any layer's verdict is an explicit deny. */
function anyDenies(found: Verdicts): boolean {
  return (
    anyDeny(found.rcpLevels) ||
    anyDeny(found.scpLevels) ||
    found.resource?.deny === true ||
    found.identity?.deny === true ||
    found.boundary?.deny === true ||
    found.session?.deny === true ||
    found.vpcEndpoint?.deny === true
  );
}

/** The {@link LeanPlans} of an action and resource, memoized per compiled set. */
function leanPlanFor(compiled: CompiledPolicySet, actionLower: string, resource: string): LeanPlans {
  let byAction = leanPlans.get(compiled);
  if (byAction === undefined) {
    byAction = new Map();
    leanPlans.set(compiled, byAction);
  }
  let byResource = byAction.get(actionLower);
  if (byResource === undefined) {
    if (byAction.size >= PLAN_LIMIT) byAction.clear();
    byResource = new Map();
    byAction.set(actionLower, byResource);
  }
  let plan = byResource.get(resource);
  if (plan === undefined) {
    const one = (policy: CompiledPolicy | null) =>
      policy === null ? [] : policy.statementsForRequest(actionLower, resource);
    const all = (policies: readonly CompiledPolicy[]) =>
      groupOf(policies).statementsForRequest(actionLower, resource);
    const both: LeanPlan = {
      rcps: (compiled.rcps ?? []).map(all),
      scps: (compiled.scps ?? []).map(all),
      resource: one(compiled.resource),
      identity: all(compiled.identity),
      boundary: one(compiled.boundary),
      session: all(compiled.session ?? []),
      vpcEndpoint: one(compiled.vpcEndpoint),
    };
    const only = (effect: 'Allow' | 'Deny'): LeanPlan => {
      const keep = (list: readonly CompiledStatement[]) => list.filter((s) => s.statement.effect === effect);
      return {
        rcps: both.rcps.map(keep),
        scps: both.scps.map(keep),
        resource: keep(both.resource),
        identity: keep(both.identity),
        boundary: keep(both.boundary),
        session: keep(both.session),
        vpcEndpoint: keep(both.vpcEndpoint),
      };
    };
    plan = { denies: only('Deny'), allows: only('Allow') };
    if (byResource.size >= PLAN_LIMIT) byResource.clear();
    byResource.set(resource, plan);
  }
  return plan;
}

function anyDeny(levels: readonly PolicyVerdict[]): boolean {
  // indexed: a for-of over the shared frozen empty list takes the generic iterator, which allocates
  for (let i = 0; i < levels.length; i++) if ((levels[i] as PolicyVerdict).deny) return true;
  return false;
}

/**
 * The lean evaluation's record: the first `count` entries are the statements whose elements matched,
 * each with its conditions' outcome. One record serves every evaluation (they never overlap: nothing
 * in an evaluation evaluates), so a batch does not allocate and grow two lists per request.
 */
interface LeanMarks {
  readonly statements: CompiledStatement[];
  readonly matched: boolean[];
  count: number;
}

const LEAN_MARKS: LeanMarks = { statements: [], matched: [], count: 0 };

/** The lean evaluation's context, reloaded for each request (the record above's reasoning). */
const LEAN_CONTEXT = new ReusableContext();

function markOf(t: StatementTrace): Mark {
  return {
    origin: t.origin,
    matched: t.matched,
    elementsMatched:
      t.actionMatched && t.resourceMatched !== false && (t.principal === null || t.principal.matched),
  };
}

function evaluateStatement(
  compiled: CompiledStatement,
  actionLower: string,
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  full: boolean,
): StatementTrace {
  const { statement, origin } = compiled;
  const actionMatched = full ? compiled.matchesAction(actionLower) : true;
  // outside full mode, static resource patterns were already matched by `statementsForRequest`
  const resourceMatched = compiled.resource
    ? !full && compiled.resource.isStatic
      ? true
      : compiled.resource.matches(resource, context)
    : null;
  let principal: PrincipalOutcome | null = null;
  if (statement.principal && (full || resourceMatched !== false)) {
    principal = matchPrincipal(statement.principal, caller, context, hasBoundary);
  }
  const elementsMatched =
    actionMatched &&
    resourceMatched !== false &&
    (statement.principal === null || principal?.matched === true);
  let conditions: ConditionOutcome[] | null = null;
  let conditionsMatched = true;
  if (elementsMatched || full) {
    conditions = [];
    for (const clause of compiled.clauses) {
      const outcome = clause.evaluate(context);
      conditions.push(outcome);
      if (!outcome.matched) conditionsMatched = false;
    }
  }
  return {
    origin,
    actionMatched,
    resourceMatched,
    principal,
    conditions,
    matched: elementsMatched && conditionsMatched,
  };
}

/**
 * The contract's `statements`: the statements that decided (C.12). For an explicit deny, every
 * matching Deny statement; when allowed, every matching Allow statement; for an implicit deny, the
 * relevant statements of the deciding layer (action, resource and principal matched, so a condition
 * failed), which explain the failure.
 */
function summarize(
  marks: readonly Mark[],
  decision: EvaluationResult['decision'],
  layer: LayerName | null,
): StatementSummary[] {
  const out: StatementSummary[] = [];
  for (const t of marks) {
    const s = t.origin.statement;
    let include: boolean;
    if (decision === 'ExplicitDeny') include = t.matched && s.effect === 'Deny';
    else if (decision === 'Allowed') include = t.matched && s.effect === 'Allow';
    else include = t.origin.layer === layer && s.effect === 'Allow' && t.elementsMatched;
    if (include) {
      out.push({
        layer: t.origin.layer,
        policy: t.origin.policy,
        sid: s.sid,
        index: s.index,
        effect: s.effect,
        matched: t.matched,
      });
    }
  }
  return out;
}

/** {@link summarize} over the lean record, whose statements all matched their elements. */
function summarizeLean(
  marks: LeanMarks,
  decision: EvaluationResult['decision'],
  layer: LayerName | null,
): readonly StatementSummary[] {
  const { statements, matched, count } = marks;
  // counted first: a list of its final length, not one grown from empty
  let size = 0;
  for (let i = 0; i < count; i++) if (decides(statements[i], matched[i], decision, layer)) size++;
  if (size === 0) return NONE;
  const out = new Array<StatementSummary>(size);
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (!decides(statements[i], matched[i], decision, layer)) continue;
    const { summaries } = statements[i] as CompiledStatement;
    out[n++] = matched[i] === true ? summaries.matched : summaries.unmatched;
  }
  return out;
}

/** Whether a statement of the lean record is among the deciding statements (see {@link summarize}). */
function decides(
  compiled: CompiledStatement | undefined,
  matched: boolean | undefined,
  decision: EvaluationResult['decision'],
  layer: LayerName | null,
): boolean {
  const { origin } = compiled as CompiledStatement;
  const effect = origin.statement.effect;
  const m = matched === true;
  return decision === 'ExplicitDeny'
    ? m && effect === 'Deny'
    : decision === 'Allowed'
      ? m && effect === 'Allow'
      : origin.layer === layer && effect === 'Allow';
}
