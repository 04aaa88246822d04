import {
  buildKeySpace,
  clauseVariables,
  type KeySpace,
  type KeyUse,
  type KeyValue,
} from '../compare/key-space.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { builtInRulesFor } from '../engine/built-in-rules.js';
import { hasIdentityPolicies, parseCaller } from '../engine/caller.js';
import {
  type CompiledPolicy,
  type CompiledPolicySet,
  compilePolicySet,
  type NamedPolicyInput,
} from '../engine/compile-policy-set.js';
import type { CompiledClause } from '../engine/conditions/evaluate-condition.js';
import { evaluate } from '../engine/evaluate.js';
import { LAYER_ORDER, type LayerName } from '../engine/layers.js';
import type { PrincipalGrant } from '../engine/principal-match.js';
import type { AuthorizationRequest, ContextValue } from '../engine/request.js';
import { buildRequestContext } from '../engine/request-context.js';
import type { IamEntity } from '../evidence/account-model.js';
import type { Evidence } from '../evidence/evidence.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { resourcePolicyFor } from '../evidence/resource-policy-for.js';
import { compileArnPattern, parseArn } from '../matching/arn.js';
import { matchWildcard } from '../matching/wildcard.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { PolicyStatement } from '../policy/policy-model.js';
import { type ConditionCategory, conditionCategory, SESSION_CATEGORIES } from './access-conditions.js';
import {
  type AccessPrincipal,
  type AccessPrincipalKind,
  accountPrincipals,
  type IdentityEvidence,
  resourcePolicyPrincipals,
} from './principal-candidates.js';

/** One request shape asked about: an action on a resource. */
export interface WhoCanQuery {
  /** `service:Action`, without wildcards. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  readonly resource: string;
}

/** Options of {@link whoCan}. */
export interface WhoCanOptions {
  /** Most combinations of open condition values evaluated per principal (default 1,024). */
  readonly maxCombinations?: number;
  /** Called after each principal with how many are done of how many (for a progress line). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** `allowed`: whatever the request's open values are; `conditional`: only for some of them. */
export type WhoCanAccess = 'allowed' | 'conditional';

/** A statement that allows the request for a principal. */
export interface WhoCanStatement {
  readonly layer: LayerName;
  readonly policy: string;
  readonly sid: string | null;
  readonly index: number;
  /** JSON pointer of the statement in its policy's document. */
  readonly pointer: string;
}

/**
 * A condition the access still depends on: a clause on a key the query leaves open (not given as
 * context, not known from the principal): a clause of an allowing statement, which must hold, or of a
 * Deny statement, which denies when all its clauses hold.
 */
export interface WhoCanCondition {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
  readonly category: ConditionCategory;
  /** `requires`: an allowing statement's clause; `unless`: a Deny statement's clause (it denies when all hold). */
  readonly effect: 'requires' | 'unless';
  readonly layer: LayerName;
  readonly policy: string;
  readonly sid: string | null;
  readonly statementIndex: number;
  /** JSON pointer of the condition's key in its policy's document. */
  readonly pointer: string;
}

/** A principal that is allowed, and how. */
export interface WhoCanRow {
  readonly principal: string;
  readonly kind: AccessPrincipalKind;
  readonly account: string | null;
  readonly source: 'account' | 'resource-policy';
  /** Whose identity policies were evaluated (`unknown`: its account was not given, assumed to allow). */
  readonly identity: IdentityEvidence;
  readonly access: WhoCanAccess;
  /** The allowing statements, over every allowed combination of open values that was traced. */
  readonly statements: readonly WhoCanStatement[];
  /** Empty when `access` is `allowed`. */
  readonly conditions: readonly WhoCanCondition[];
  /** The categories of `conditions`, sorted. */
  readonly categories: readonly ConditionCategory[];
  /** How the resource-based policy named the principal when it allowed (`null`: it did not, or none). */
  readonly resourceGrant: PrincipalGrant | null;
  /**
   * For a role: the session tags (`aws:PrincipalTag/…` keys the role's own tags do not satisfy) and the
   * other session properties (MFA, source identity, issue time...) a session needs; `null` otherwise.
   */
  readonly session: { readonly tags: readonly string[]; readonly conditions: readonly string[] } | null;
  /** One allowed request, as the engine evaluated it (feed it to `simulate` with the same policies). */
  readonly example: AuthorizationRequest;
  /** False when the open values had more combinations than were evaluated. */
  readonly complete: boolean;
}

/** Who can make one request, over the accounts and resource policy given. */
export interface WhoCanResult {
  readonly action: string;
  readonly resource: string;
  /** How many principals were evaluated. */
  readonly evaluated: number;
  readonly allowedCount: number;
  readonly conditionalCount: number;
  readonly principals: readonly WhoCanRow[];
  /** True when the resource-based policy allows `"Principal": "*"` (anyone its conditions admit). */
  readonly anyone: boolean;
  /** What the evidence lacks, once per kind and subject. */
  readonly missing: readonly MissingEvidence[];
  /**
   * Principals left out for another reason than a deny: their policies could not be read (the first
   * reason), or their open condition keys had more combinations of values than were tried.
   */
  readonly problems: readonly { readonly principal: string; readonly message: string }[];
}

const DEFAULT_MAX_COMBINATIONS = 1024;
/** Allowed (and explicitly denied) combinations traced for their statements and conditions. */
const TRACED_ALLOWED = 8;
const TRACED_DENIED = 16;

/** The policy standing for the identity policies of a principal whose account was not given. */
export const UNKNOWN_IDENTITY_POLICY = 'identity-policies-not-given';

/** Keys AWS derives from the caller that a stand-in caller (an account's any-principal) leaves open. */
const STAND_IN_KEYS = new Set(['aws:principalarn', 'aws:username', 'aws:userid', 'aws:principaltype']);

const KIND_ORDER: Readonly<Record<AccessPrincipalKind, number>> = {
  user: 0,
  role: 1,
  account: 2,
  service: 3,
  federated: 4,
  'canonical-user': 5,
};

/**
 * Every principal allowed to make the request: each user and role of the account files (a role as a
 * session of it), and each account, user, role, service or provider the resource-based policy names
 * that the files do not hold, evaluated by the engine over the exact policy set AWS uses
 * ({@link policySetFor}: identity policies, boundary, SCP and RCP levels, resource policy). Condition
 * keys neither given as context nor known from the principal are open: each is tried with every class
 * of values its conditions tell apart (and absent), and a principal allowed for some classes only is
 * `conditional`, with the conditions the allowing statements (and the Deny statements that could
 * apply) put on those keys. A role whose own tags never allow is tried again with its
 * `aws:PrincipalTag` keys open: sessions tagged so are allowed (session tags override role tags).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export function whoCan(
  evidence: Evidence,
  query: WhoCanQuery,
  options: WhoCanOptions = {},
): Result<WhoCanResult> {
  const invalid = checkQuery(query);
  if (invalid.length > 0) return { ok: false, diagnostics: invalid };
  const max = options.maxCombinations ?? DEFAULT_MAX_COMBINATIONS;
  const candidates = accountPrincipals(evidence);
  let anyone = false;
  const lookup = resourcePolicyFor(evidence, query.action, query.resource);
  const governing = lookup.policy;
  if (governing !== null) {
    const parsed = parsePolicy(governing.document, { kind: 'resource' });
    if (parsed.ok) {
      const named = resourcePolicyPrincipals(evidence, parsed.value);
      anyone = named.anyone;
      for (const p of named.principals) candidates.push(p);
    }
  }
  const spaces: SpaceCache = new Map();
  const actions = requestFilter(query.action, query.resource);
  const rows: WhoCanRow[] = [];
  const missing = new Map<string, MissingEvidence>();
  for (const m of lookup.missing) missing.set(`${m.code}\u0000${m.subject}`, m);
  const problems: { principal: string; message: string }[] = [];
  const documents = identityDocumentsOf(evidence);
  const resourceMayAllow = governing !== null && actions.concerns(governing.document);
  candidates.forEach((candidate, i) => {
    // a principal none of whose identity policies names the action, that the resource policy cannot
    // grant and no rule AWS applies allows, is denied whatever the rest: it is not evaluated
    const own = candidate.source === 'account' ? documents(candidate.principal) : null;
    if (
      own !== null &&
      !resourceMayAllow &&
      !own.some((d) => actions.concerns(d)) &&
      !builtInAllows(candidate, query)
    ) {
      options.onProgress?.(i + 1, candidates.length);
      return;
    }
    const outcome = evaluatePrincipal(evidence, candidate, query, max, spaces, actions);
    for (const m of outcome.missing) missing.set(`${m.code}\u0000${m.subject}`, m);
    if (outcome.problem !== null) problems.push({ principal: candidate.principal, message: outcome.problem });
    if (outcome.row !== null) rows.push(outcome.row);
    options.onProgress?.(i + 1, candidates.length);
  });
  rows.sort(
    (a, b) =>
      (a.source === b.source ? 0 : a.source === 'account' ? -1 : 1) ||
      byText(a.account ?? '~', b.account ?? '~') ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      byText(a.principal, b.principal),
  );
  return {
    ok: true,
    value: {
      action: query.action,
      resource: query.resource,
      evaluated: candidates.length,
      allowedCount: rows.filter((r) => r.access === 'allowed').length,
      conditionalCount: rows.filter((r) => r.access === 'conditional').length,
      principals: rows,
      anyone,
      missing: [...missing.values()],
      problems,
    },
  };
}

/** Code-unit order (the same in every locale; services and accounts sort after account ids). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkQuery(query: WhoCanQuery): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(query.action)) {
    out.push({
      code: 'who-can-action',
      severity: 'error',
      message: `\`${query.action}\` is not one action (\`service:Action\`, no wildcards)`,
      path: '/action',
    });
  }
  if (query.resource !== '*' && parseArn(query.resource) === undefined) {
    out.push({
      code: 'who-can-resource',
      severity: 'error',
      message: `\`${query.resource}\` is not an ARN (or \`*\` for an action without a resource)`,
      path: '/resource',
    });
  }
  return out;
}

interface PrincipalOutcome {
  readonly row: WhoCanRow | null;
  readonly missing: readonly MissingEvidence[];
  readonly problem: string | null;
}

/** Evidence codes that only restate that a principal's own account was not given. */
const IDENTITY_GAPS = new Set([
  'principal-not-found',
  'account-details-missing',
  'principal-account-unknown',
]);

function evaluatePrincipal(
  evidence: Evidence,
  p: AccessPrincipal,
  query: WhoCanQuery,
  max: number,
  spaces: SpaceCache,
  actions: RequestFilter,
): PrincipalOutcome {
  const set = policySetFor(evidence, { principal: p.caller, action: query.action, resource: query.resource });
  const missing =
    p.identity === 'evidence' ? set.missing : set.missing.filter((m) => !IDENTITY_GAPS.has(m.code));
  const input =
    p.identity === 'unknown'
      ? { ...set.input, identityPolicies: [standInIdentity(query.action)] }
      : set.input.identityPolicies === undefined
        ? set.input
        : {
            ...set.input,
            // an identity policy none of whose statements names the action and resource takes no part:
            // leaving it out of the union spares parsing and compiling most of a large account's policies
            identityPolicies: set.input.identityPolicies.filter((named) => actions.concerns(named.document)),
          };
  const compiled = compilePolicySet(input);
  if (!compiled.ok) {
    const d = compiled.diagnostics[0] as Diagnostic;
    return { row: null, missing, problem: `${d.path}: ${d.message}` };
  }
  const sessionIssuer = set.sessionIssuer ?? p.sessionIssuer;
  const base: AuthorizationRequest = {
    principal: p.caller,
    action: query.action,
    resource: query.resource,
    context: set.request.context,
    ...(sessionIssuer === null ? {} : { sessionIssuer }),
  };
  const keys = keysRead(compiled.value, query.action.toLowerCase(), query.resource);
  const known = new Set(
    buildRequestContext(parseCaller(p.caller, sessionIssuer ?? undefined), base.context).keys(),
  );
  const forced = new Set<string>();
  if (p.kind === 'account') for (const k of STAND_IN_KEYS) forced.add(k);
  // the tags of a user or role in its account file are known: a tag it lacks is absent
  const tagsKnown = p.identity === 'evidence';
  const openKeys = (tagsOpen: boolean) =>
    [...keys.keys()].filter((k) =>
      forced.has(k) ? true : k.startsWith('aws:principaltag/') ? tagsOpen || !tagsKnown : !known.has(k),
    );
  if (!mayAllow(compiled.value, base)) return { row: null, missing, problem: null };
  let search = searchOpen(compiled.value, base, keys, openKeys(false), forced, max, spaces);
  let sessionTags = false;
  if (search.allowed.length === 0 && p.kind === 'role' && tagsKnown) {
    const withTags = openKeys(true);
    if (withTags.some((k) => k.startsWith('aws:principaltag/'))) {
      // a session tag overrides the role's tag of the same key but cannot take it away: a key the role is
      // tagged with is never absent from its sessions' requests, only given another value
      // @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
      const present = new Set(forced);
      for (const key of Object.keys(base.context))
        if (key.toLowerCase().startsWith('aws:principaltag/')) present.add(key.toLowerCase());
      search = searchOpen(compiled.value, base, keys, withTags, present, max, spaces);
      sessionTags = search.allowed.length > 0;
    }
  }
  if (search.allowed.length === 0) {
    // more combinations of open values than were tried: not allowed by those tried only
    const problem = search.complete ? null : `not every combination of ${search.open.join(', ')} was tried`;
    return { row: null, missing, problem };
  }
  return { row: rowOf(p, compiled.value, search, sessionTags), missing, problem: null };
}

/** Key spaces already built in one query, by key and the clauses that read it (shared policies share clauses). */
type SpaceCache = Map<string, KeySpace>;

const signatures = new WeakMap<CompiledClause, string>();

/** What a clause says (operator, key, values, policy version), as text. */
function signatureOf(use: KeyUse): string {
  let signature = signatures.get(use.clause);
  if (signature === undefined) {
    const c = use.clause.clause;
    signature = JSON.stringify([c.operator, c.key.toLowerCase(), c.values.map((v) => v.value), use.version]);
    signatures.set(use.clause, signature);
  }
  return signature;
}

/**
 * False when no context can allow: neither an identity policy (where the caller has them) nor the
 * resource policy has an `Allow` statement for this action and resource, and no rule AWS applies that
 * no policy states allows it (those that allow do not depend on the context).
 */
function mayAllow(set: CompiledPolicySet, request: AuthorizationRequest): boolean {
  const actionLower = request.action.toLowerCase();
  const allows = (policy: CompiledPolicy) =>
    policy.statementsForRequest(actionLower, request.resource).some((s) => s.statement.effect === 'Allow');
  const caller = parseCaller(request.principal, request.sessionIssuer);
  if (hasIdentityPolicies(caller) && set.identity.some(allows)) return true;
  if (set.resource !== null && allows(set.resource)) return true;
  const context = buildRequestContext(caller, request.context);
  return builtInRulesFor(actionLower, request.resource, caller, context).decisive?.effect === 'allow';
}

/**
 * The raw documents of the identity policies of a user (with its groups') or role of the account files,
 * by ARN; `null` when the evidence lacks one of them (a group, a managed policy's document).
 */
function identityDocumentsOf(evidence: Evidence): (arn: string) => readonly unknown[] | null {
  const managed = new Map<string, unknown>();
  for (const account of evidence.accounts)
    for (const policy of account.managedPolicies)
      if (policy.document !== null || !managed.has(policy.arn)) managed.set(policy.arn, policy.document);
  const of = (entity: IamEntity, out: unknown[]): boolean => {
    for (const p of entity.inlinePolicies) out.push(p.document);
    for (const attached of entity.attachedPolicies) {
      const document = managed.get(attached.arn);
      if (document === undefined || document === null) return false;
      out.push(document);
    }
    return true;
  };
  const byArn = new Map<string, readonly unknown[] | null>();
  for (const account of evidence.accounts) {
    const groups = new Map(account.groups.map((g) => [g.name, g]));
    for (const user of account.users) {
      const out: unknown[] = [];
      let complete = of(user, out);
      for (const name of user.groups) {
        const group = groups.get(name);
        complete &&= group !== undefined && of(group, out);
      }
      byArn.set(user.arn, complete ? out : null);
    }
    for (const role of account.roles) {
      const out: unknown[] = [];
      byArn.set(role.arn, of(role, out) ? out : null);
    }
  }
  return (arn) => byArn.get(arn) ?? null;
}

/** Whether a rule AWS applies that no policy states allows the request whatever the policies say. */
function builtInAllows(p: AccessPrincipal, query: WhoCanQuery): boolean {
  const caller = parseCaller(p.caller, p.sessionIssuer ?? undefined);
  const context = buildRequestContext(caller, {});
  return (
    builtInRulesFor(query.action.toLowerCase(), query.resource, caller, context).decisive?.effect === 'allow'
  );
}

/** Whether a policy document may hold a statement that applies to one request. */
interface RequestFilter {
  concerns(document: unknown): boolean;
}

/**
 * A conservative test on a policy's raw document: false only when every statement is well formed
 * and names, in `Action`, patterns none of which matches the action (case-insensitively, IAM
 * wildcards), or, in `Resource`, ARN patterns none of which matches the resource (with or without
 * missing segments completed). `NotAction`, `NotResource`, policy variables and anything unexpected
 * count as concerning the request.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
function requestFilter(action: string, resource: string): RequestFilter {
  const actions = new Map<string, boolean>();
  const resources = new Map<string, boolean>();
  const byDocument = new WeakMap<object, boolean>();
  const actionMatches = (pattern: unknown): boolean => {
    if (typeof pattern !== 'string') return true;
    let found = actions.get(pattern);
    if (found === undefined) {
      found = matchWildcard(pattern, action, { ignoreCase: true });
      actions.set(pattern, found);
    }
    return found;
  };
  const resourceMatches = (pattern: unknown): boolean => {
    if (typeof pattern !== 'string' || pattern.includes('$')) return true;
    let found = resources.get(pattern);
    if (found === undefined) {
      found =
        compileArnPattern(pattern).matches(resource) ||
        compileArnPattern(pattern, { completeMissingSegments: true }).matches(resource);
      resources.set(pattern, found);
    }
    return found;
  };
  const some = (element: unknown, test: (pattern: unknown) => boolean) =>
    Array.isArray(element) ? element.some(test) : test(element);
  const statementConcerns = (statement: unknown): boolean => {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) return true;
    const { Action: named, Resource: patterns } = statement as Record<string, unknown>;
    if (named !== undefined && !some(named, actionMatches)) return false;
    // a request on `*` (an action without resource-level permissions) is left to the engine
    return patterns === undefined || resource === '*' || some(patterns, resourceMatches);
  };
  return {
    concerns(document) {
      if (typeof document !== 'object' || document === null) return true;
      const known = byDocument.get(document);
      if (known !== undefined) return known;
      const statements = (document as Record<string, unknown>).Statement;
      const found = Array.isArray(statements)
        ? statements.some(statementConcerns)
        : statementConcerns(statements);
      byDocument.set(document, found);
      return found;
    },
  };
}

/** The identity policy that stands for the policies of an account that was not given: it allows. */
function standInIdentity(action: string): NamedPolicyInput {
  return {
    name: UNKNOWN_IDENTITY_POLICY,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] },
  };
}

/** Every policy of a compiled set, in layer order. */
function policiesOf(set: CompiledPolicySet): CompiledPolicy[] {
  const out: CompiledPolicy[] = [...set.identity];
  if (set.boundary !== null) out.push(set.boundary);
  for (const p of set.session ?? []) out.push(p);
  if (set.resource !== null) out.push(set.resource);
  for (const level of set.scps ?? []) for (const p of level) out.push(p);
  for (const level of set.rcps ?? []) for (const p of level) out.push(p);
  if (set.vpcEndpoint !== null) out.push(set.vpcEndpoint);
  return out;
}

/** The clauses read on one condition key, and whether a set operator reads it (a multi-valued key). */
interface KeyReads {
  readonly key: string;
  readonly uses: KeyUse[];
  set: boolean;
}

/** The condition keys (lower-cased) the statements that may apply to the request read, with their clauses. */
function keysRead(set: CompiledPolicySet, actionLower: string, resource: string): Map<string, KeyReads> {
  const keys = new Map<string, KeyReads>();
  for (const policy of policiesOf(set)) {
    for (const [lower, key, use] of policyKeyUses(policy, actionLower, resource)) {
      let entry = keys.get(lower);
      if (entry === undefined) {
        entry = { key, uses: [], set: false };
        keys.set(lower, entry);
      }
      if (use === null) continue;
      entry.uses.push(use);
      entry.set ||= use.clause.clause.setOperator !== null;
    }
  }
  return keys;
}

/** A policy's clauses (and the variables their values read, with no clause) for one action and resource. */
type PolicyKeyUse = readonly [lower: string, key: string, use: KeyUse | null];

const keyUsesOf = new WeakMap<CompiledPolicy, { action: string; resource: string; uses: PolicyKeyUse[] }>();

/** The clause uses of one policy, kept for the last action and resource asked (a query asks one). */
function policyKeyUses(policy: CompiledPolicy, actionLower: string, resource: string): PolicyKeyUse[] {
  const known = keyUsesOf.get(policy);
  if (known !== undefined && known.action === actionLower && known.resource === resource) return known.uses;
  const version = policy.document.version;
  const uses: PolicyKeyUse[] = [];
  for (const statement of policy.statementsForRequest(actionLower, resource)) {
    for (const clause of statement.clauses) {
      const use: KeyUse = { clause, version };
      uses.push([clause.clause.key.toLowerCase(), clause.clause.key, use]);
      for (const v of clauseVariables(use)) uses.push([v, v, null]);
    }
  }
  keyUsesOf.set(policy, { action: actionLower, resource, uses });
  return uses;
}

/** The combinations of open values that were evaluated, and which allowed or explicitly denied. */
interface OpenSearch {
  readonly open: readonly string[];
  readonly spaces: readonly KeySpace[];
  /**
   * Allowed requests to trace: the one with the fewest open values (the witness) first, then those one
   * open value away from it; empty when none is allowed.
   */
  readonly allowed: readonly AuthorizationRequest[];
  /** Explicitly denied requests one open value away from the witness. */
  readonly explicitDenied: readonly AuthorizationRequest[];
  /** Every evaluated combination allowed. */
  readonly all: boolean;
  readonly complete: boolean;
}

function searchOpen(
  set: CompiledPolicySet,
  base: AuthorizationRequest,
  keys: ReadonlyMap<string, KeyReads>,
  open: readonly string[],
  forced: ReadonlySet<string>,
  max: number,
  cache: SpaceCache,
): OpenSearch {
  const spaces = open.map((lower) => {
    const entry = keys.get(lower);
    // clauses that say the same tell the same values apart: one use of each, found by what it says
    const uses = new Map<string, KeyUse>();
    for (const use of entry?.uses ?? []) uses.set(signatureOf(use), use);
    const id = `${lower}\u0000${forced.has(lower)}\u0000${[...uses.keys()].sort().join('\u0001')}`;
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const space = buildKeySpace({
      key: entry?.key ?? lower,
      uses: [...uses.values()],
      multiValued: entry?.set ?? false,
      alwaysPresent: forced.has(lower),
      variables: new Map(),
    });
    // the absent class first: the first combination is the request without any open value
    const classes = [...space.classes].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
    const ordered = { ...space, classes };
    cache.set(id, ordered);
    return ordered;
  });
  let total = 1;
  for (const s of spaces) total *= Math.max(1, s.classes.length);
  const tried = Math.min(total, max);
  const openSet = new Set(open);
  const stripped: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(base.context))
    if (!openSet.has(key.toLowerCase())) stripped[key] = value;
  const requestAt = (n: number): { request: AuthorizationRequest; values: number } => {
    const context: Record<string, ContextValue> = { ...stripped };
    let rest = n;
    let values = 0;
    for (const space of spaces) {
      const count = Math.max(1, space.classes.length);
      const value: KeyValue | undefined = space.classes[rest % count];
      rest = Math.floor(rest / count);
      if (value === null || value === undefined) continue;
      context[space.key] = value;
      values++;
    }
    return { request: { ...base, context }, values };
  };
  // 1: allowed, 2: explicitly denied, 0: implicitly denied
  const decisions = new Uint8Array(tried);
  let allowedCount = 0;
  let witness = -1;
  let witnessValues = Number.POSITIVE_INFINITY;
  for (let n = 0; n < tried; n++) {
    const { request, values } = requestAt(n);
    const decision = evaluate(set, request, { trace: 'none' }).decision;
    decisions[n] = decision === 'Allowed' ? 1 : decision === 'ExplicitDeny' ? 2 : 0;
    if (decision !== 'Allowed') continue;
    allowedCount++;
    if (values < witnessValues) {
      witness = n;
      witnessValues = values;
    }
  }
  // the combinations one open value away from the witness tell which other allowing statements
  // and which Deny statements the access turns on (traced, they name their conditions)
  const neighbours: number[] = [];
  if (witness >= 0) {
    let stride = 1;
    for (const space of spaces) {
      const count = Math.max(1, space.classes.length);
      const digit = Math.floor(witness / stride) % count;
      for (let c = 0; c < count; c++) {
        const n = witness + (c - digit) * stride;
        if (c !== digit && n < tried) neighbours.push(n);
      }
      stride *= count;
    }
  }
  const allowed =
    witness < 0
      ? []
      : [witness, ...neighbours.filter((n) => decisions[n] === 1)]
          .slice(0, TRACED_ALLOWED)
          .map((n) => requestAt(n).request);
  const explicitDenied = neighbours
    .filter((n) => decisions[n] === 2)
    .slice(0, TRACED_DENIED)
    .map((n) => requestAt(n).request);
  return {
    open,
    spaces,
    allowed,
    explicitDenied,
    all: allowedCount === tried && tried === total,
    complete: tried === total && spaces.every((s) => s.complete),
  };
}

function rowOf(
  p: AccessPrincipal,
  set: CompiledPolicySet,
  search: OpenSearch,
  sessionTags: boolean,
): WhoCanRow {
  const open = new Set(search.open);
  const statements = new Map<string, WhoCanStatement>();
  const conditions = new Map<string, WhoCanCondition>();
  const conditional = !search.all || sessionTags;
  let resourceGrant: PrincipalGrant | null = null;
  const addConditions = (origin: { layer: LayerName; policy: string }, statement: PolicyStatement) => {
    for (const clause of statement.conditions) {
      if (!open.has(clause.key.toLowerCase())) continue;
      conditions.set(`${origin.layer}\u0000${origin.policy}\u0000${clause.pointer}`, {
        key: clause.key,
        operator: clause.operator,
        values: clause.values.map((v) => v.value),
        category: conditionCategory(clause.key),
        effect: statement.effect === 'Allow' ? 'requires' : 'unless',
        layer: origin.layer,
        policy: origin.policy,
        sid: statement.sid,
        statementIndex: statement.index,
        pointer: clause.pointer,
      });
    }
  };
  const traced = conditional ? search.allowed.slice(0, TRACED_ALLOWED) : search.allowed.slice(0, 1);
  for (const request of traced) {
    const result = evaluate(set, request, { trace: 'relevant' });
    resourceGrant ??= result.resourceGrant;
    for (const t of result.trace) {
      if (!t.matched || t.origin.statement.effect !== 'Allow') continue;
      if (t.origin.policy === UNKNOWN_IDENTITY_POLICY) continue;
      const s = t.origin.statement;
      statements.set(`${t.origin.layer}\u0000${t.origin.policy}\u0000${s.index}`, {
        layer: t.origin.layer,
        policy: t.origin.policy,
        sid: s.sid,
        index: s.index,
        pointer: s.pointer,
      });
      if (conditional) addConditions(t.origin, s);
    }
  }
  if (conditional) {
    for (const request of search.explicitDenied) {
      const result = evaluate(set, request, { trace: 'relevant' });
      for (const t of result.trace)
        if (t.matched && t.origin.statement.effect === 'Deny') addConditions(t.origin, t.origin.statement);
    }
  }
  // what the allowing statements require first, then the denies, each in the engine's layer order
  const listed = [...conditions.values()].sort(
    (a, b) =>
      (a.effect === b.effect ? 0 : a.effect === 'requires' ? -1 : 1) ||
      LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) ||
      byText(a.policy, b.policy) ||
      a.statementIndex - b.statementIndex ||
      byText(a.pointer, b.pointer),
  );
  const categories = [...new Set(listed.map((c) => c.category))].sort();
  const session =
    p.kind === 'role'
      ? {
          tags: [...new Set(listed.filter((c) => c.category === 'principal-tag').map((c) => c.key))].sort(),
          conditions: [
            ...new Set(
              listed
                .filter((c) => c.category !== 'principal-tag' && SESSION_CATEGORIES.has(c.category))
                .map((c) => c.key),
            ),
          ].sort(),
        }
      : null;
  return {
    principal: p.principal,
    kind: p.kind,
    account: p.account,
    source: p.source,
    identity: p.identity,
    access: conditional ? 'conditional' : 'allowed',
    statements: [...statements.values()],
    conditions: listed,
    categories,
    resourceGrant,
    session,
    example: search.allowed[0] as AuthorizationRequest,
    complete: search.complete,
  };
}
