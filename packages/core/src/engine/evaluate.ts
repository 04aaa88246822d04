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
import { buildRequestContext, type RequestContext } from './request-context.js';

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
    memo = { entries: new Map(), lookups: 0, hits: 0, pausedFor: 0 };
    leanMemo.set(compiled, memo);
  }
  if (memo.pausedFor > 0) {
    memo.pausedFor--;
    return evaluateRequest(compiled, request, options);
  }
  if (memo.lookups >= MEMO_PROBE) {
    if (memo.hits * 8 < memo.lookups) {
      memo.pausedFor = MEMO_PAUSE;
      memo.entries.clear();
    }
    memo.lookups = 0;
    memo.hits = 0;
  }
  memo.lookups++;
  const hash = requestHash(request);
  let bucket = memo.entries.get(hash);
  if (bucket !== undefined) {
    for (const entry of bucket) {
      if (sameRequest(entry.request, request)) {
        memo.hits++;
        return entry.result;
      }
    }
  } else {
    if (memo.entries.size >= LEAN_MEMO_LIMIT) memo.entries.clear();
    bucket = [];
    memo.entries.set(hash, bucket);
  }
  const result = evaluateRequest(compiled, request, options);
  bucket.push({ request, result });
  return result;
}

/** The lean memo of one compiled set, with its hit rate over the current probe window. */
interface LeanMemo {
  readonly entries: Map<
    number,
    { readonly request: AuthorizationRequest; readonly result: EvaluationResult }[]
  >;
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
  const context = buildRequestContext(caller, request.context);
  const actionLower = request.action.toLowerCase();
  const resource = request.resource;
  const resourceAccount = compiled.resourceAccount ?? arnAccount(resource) ?? caller.account;
  const sameAccount =
    caller.account !== null && (resourceAccount === null || resourceAccount === caller.account);
  const management = compiled.managementAccountId;

  const identityApplies = hasIdentityPolicies(caller);
  // a NotPrincipal never excludes a caller with a permissions boundary (BOUND)
  const hasBoundary = identityApplies && compiled.boundary !== null;
  const trace: StatementTrace[] = [];
  // lean mode: the statements whose elements matched, and whether their conditions did (no objects)
  const marks = LEAN_MARKS;
  marks.count = 0;
  const layers: LayerName[] = [];
  // lean mode: every layer's candidate statements for this action and resource, in one lookup;
  // the Deny statements first: when one matches, the decision is an explicit deny whose deciding
  // statements are the matching Deny statements, and no Allow statement needs evaluating
  const plans = lean ? leanPlanFor(compiled, actionLower, resource) : null;
  let plan = plans?.denies ?? null;
  const runLean = (candidates: readonly CompiledStatement[]): PolicyVerdict =>
    evaluateLean(candidates, resource, caller, context, hasBoundary, marks);
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

  const rcpApplies =
    compiled.rcps !== null &&
    !caller.serviceLinked &&
    (management === null || resourceAccount !== management);
  const scpApplies =
    compiled.scps !== null &&
    isAccountPrincipal(caller) &&
    !caller.serviceLinked &&
    (management === null || caller.account !== management);

  const verdicts = () => {
    const lean = plan;
    return {
      rcpLevels: rcpApplies
        ? lean !== null
          ? lean.rcps.map(runLean)
          : (compiled.rcps ?? []).map(runAll)
        : [],
      scpLevels: scpApplies
        ? lean !== null
          ? lean.scps.map(runLean)
          : (compiled.scps ?? []).map(runAll)
        : [],
      resourceVerdict: compiled.resource
        ? lean !== null
          ? runLean(lean.resource)
          : run(compiled.resource)
        : null,
      identityVerdict: identityApplies
        ? lean !== null
          ? runLean(lean.identity)
          : runAll(compiled.identity)
        : null,
      boundaryVerdict:
        identityApplies && compiled.boundary
          ? lean !== null
            ? runLean(lean.boundary)
            : run(compiled.boundary)
          : null,
      sessionVerdict:
        identityApplies && compiled.session
          ? lean !== null
            ? runLean(lean.session)
            : runAll(compiled.session)
          : null,
      vpceVerdict: compiled.vpcEndpoint
        ? lean !== null
          ? runLean(lean.vpcEndpoint)
          : run(compiled.vpcEndpoint)
        : null,
    };
  };
  let found = verdicts();
  if (plans !== null && !anyDenies(found)) {
    // no Deny statement matched: the Allow statements decide
    plan = plans.allows;
    found = verdicts();
  } else if (plans !== null && found.resourceVerdict !== null) {
    // an explicit deny still reports how the resource policy grants (`resourceGrant`)
    const granted = runLean(plans.allows.resource);
    found = {
      ...found,
      resourceVerdict: { deny: found.resourceVerdict.deny, allow: granted.allow, grant: granted.grant },
    };
  }
  const {
    rcpLevels,
    scpLevels,
    resourceVerdict,
    identityVerdict,
    boundaryVerdict,
    sessionVerdict,
    vpceVerdict,
  } = found;
  if (rcpApplies) layers.push('rcp');
  if (scpApplies) layers.push('scp');
  if (resourceVerdict) layers.push('resource');
  if (identityVerdict) layers.push('identity');
  if (boundaryVerdict) layers.push('permissions-boundary');
  // a federated user (GetFederationToken) without a session policy has no permissions (EVAL-DA)
  const sessionRequired = identityApplies && (sessionVerdict !== null || caller.kind === 'federated-user');
  if (sessionRequired) layers.push('session');
  if (vpceVerdict) layers.push('vpc-endpoint');

  const result = (
    decision: EvaluationResult['decision'],
    layer: LayerName | null,
    builtIn: BuiltInRule | null = null,
  ): EvaluationResult => ({
    decision,
    layer,
    // a rule that allows or denies whatever the policies say is decided by no statement
    statements:
      builtIn !== null && builtIn.effect !== 'require-resource-policy'
        ? []
        : lean
          ? summarizeLean(marks, decision, layer)
          : summarize(trace.map(markOf), decision, layer),
    resourceGrant: resourceVerdict?.allow ? resourceVerdict.grant : null,
    layers,
    trace,
    builtIn: builtIn === null ? null : { id: builtIn.id, effect: builtIn.effect },
  });

  // 0. rules AWS applies that no policy states: an action that needs no permission, a resource nobody
  // can change through IAM (an explicit deny that no policy holds: reported on the resource)
  const builtIn = builtInRulesFor(actionLower, resource, caller, context);
  if (builtIn.decisive?.effect === 'allow') return result('Allowed', null, builtIn.decisive);
  if (builtIn.decisive?.effect === 'deny') return result('ExplicitDeny', 'resource', builtIn.decisive);

  // 1. explicit deny anywhere, reported in layer order
  if (anyDeny(rcpLevels)) return result('ExplicitDeny', 'rcp');
  if (anyDeny(scpLevels)) return result('ExplicitDeny', 'scp');
  if (resourceVerdict?.deny === true) return result('ExplicitDeny', 'resource');
  if (identityVerdict?.deny === true) return result('ExplicitDeny', 'identity');
  if (boundaryVerdict?.deny === true) return result('ExplicitDeny', 'permissions-boundary');
  if (sessionVerdict?.deny === true) return result('ExplicitDeny', 'session');
  if (vpceVerdict?.deny === true) return result('ExplicitDeny', 'vpc-endpoint');
  // 2. RCPs: every level carries RCPFullAWSAccess, so a level never lacks an allow
  // 3. SCPs: every level must allow
  if (scpLevels.some((v) => !v.allow)) return result('ImplicitDeny', 'scp');
  // 4. resource-based and identity-based policies, boundary, session policies
  const grant = resourceVerdict?.allow ? resourceVerdict.grant : null;
  if (builtIn.requirement !== null && grant === null)
    return result('ImplicitDeny', 'resource', builtIn.requirement);
  if (!identityApplies) {
    // root, services, identity providers, anonymous callers: no identity policies to consult
    const needsResource = caller.kind !== 'root' || !sameAccount;
    if (needsResource && grant === null) return result('ImplicitDeny', 'resource');
  } else {
    if (!sameAccount && grant === null) return result('ImplicitDeny', 'resource');
    // in the same account a grant to the caller itself (or to `*`) is limited by no implicit deny; one
    // to the role or user behind a session by the boundary and session policy only (EVAL-DA, PRIN)
    const skipIdentity = sameAccount && (grant === 'direct' || grant === 'issuer');
    const skipLimits = sameAccount && grant === 'direct';
    if (!skipIdentity && !(identityVerdict?.allow === true)) return result('ImplicitDeny', 'identity');
    if (!skipLimits && boundaryVerdict !== null && !boundaryVerdict.allow)
      return result('ImplicitDeny', 'permissions-boundary');
    if (!skipLimits && sessionRequired && !(sessionVerdict?.allow === true))
      return result('ImplicitDeny', 'session');
  }
  // 5. VPC endpoint policy
  if (vpceVerdict !== null && !vpceVerdict.allow) return result('ImplicitDeny', 'vpc-endpoint');
  return result('Allowed', null);
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
 * of policies: the same verdict, recording only the statements whose elements matched (the only ones
 * the deciding-statement summary can include).
 */
function evaluateLean(
  candidates: readonly CompiledStatement[],
  resource: string,
  caller: Caller,
  context: RequestContext,
  hasBoundary: boolean,
  marks: LeanMarks,
): PolicyVerdict {
  const verdict: PolicyVerdict = { deny: false, allow: false, grant: null };
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
function anyDenies(found: {
  readonly rcpLevels: readonly PolicyVerdict[];
  readonly scpLevels: readonly PolicyVerdict[];
  readonly resourceVerdict: PolicyVerdict | null;
  readonly identityVerdict: PolicyVerdict | null;
  readonly boundaryVerdict: PolicyVerdict | null;
  readonly sessionVerdict: PolicyVerdict | null;
  readonly vpceVerdict: PolicyVerdict | null;
}): boolean {
  return (
    anyDeny(found.rcpLevels) ||
    anyDeny(found.scpLevels) ||
    found.resourceVerdict?.deny === true ||
    found.identityVerdict?.deny === true ||
    found.boundaryVerdict?.deny === true ||
    found.sessionVerdict?.deny === true ||
    found.vpceVerdict?.deny === true
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
  for (const v of levels) if (v.deny) return true;
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
): StatementSummary[] {
  const out: StatementSummary[] = [];
  const { statements, matched, count } = marks;
  for (let i = 0; i < count; i++) {
    const compiled = statements[i] as CompiledStatement;
    const { origin } = compiled;
    const effect = origin.statement.effect;
    const m = matched[i] === true;
    const include =
      decision === 'ExplicitDeny'
        ? m && effect === 'Deny'
        : decision === 'Allowed'
          ? m && effect === 'Allow'
          : origin.layer === layer && effect === 'Allow';
    if (include) out.push(m ? compiled.summaries.matched : compiled.summaries.unmatched);
  }
  return out;
}
