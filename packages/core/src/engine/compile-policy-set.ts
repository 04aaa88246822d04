import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { type ArnMatcher, compileArnPattern } from '../matching/arn.js';
import { compileWildcard, type WildcardMatcher, type WildcardPart } from '../matching/wildcard.js';
import { type PolicyKind, parsePolicy } from '../policy/parse-policy.js';
import type { PolicyDocument, PolicyStatement, PolicyVersion } from '../policy/policy-model.js';
import { type CompiledClause, compileClause } from './conditions/evaluate-condition.js';
import type { StatementOrigin, StatementSummary } from './evaluation-result.js';
import type { LayerName } from './layers.js';
import { parseTemplate, resolveTemplate, type Template, templateValuesKey } from './policy-variables.js';
import { type RequestContext, ReusableContext } from './request-context.js';

/** A policy with the name it is reported under. */
export interface NamedPolicyInput {
  readonly name: string;
  /** The document: an object, JSON text, or URL-encoded JSON text. */
  readonly document: unknown;
}

/**
 * The policies that govern a request, as in the `simulate` case file (contract). A missing layer
 * does not take part; `scps`/`rcps` are levels, root first, each a list of policies.
 */
export interface PolicySetInput {
  readonly identityPolicies?: readonly NamedPolicyInput[];
  readonly permissionsBoundary?: NamedPolicyInput;
  readonly sessionPolicies?: readonly NamedPolicyInput[];
  readonly resourcePolicy?: NamedPolicyInput;
  /** The resource's account where its ARN has none (S3); overrides the ARN's otherwise. */
  readonly resourceAccount?: string;
  readonly scps?: readonly (readonly NamedPolicyInput[])[];
  readonly rcps?: readonly (readonly NamedPolicyInput[])[];
  readonly vpcEndpointPolicy?: NamedPolicyInput;
  /** The organization's management account, which SCPs and RCPs do not affect. */
  readonly managementAccountId?: string;
}

/** A `Resource`/`NotResource` element compiled for repeated matching. */
export interface CompiledResource {
  readonly negated: boolean;
  /** True when no pattern holds a policy variable, so the result depends on the resource alone. */
  readonly isStatic: boolean;
  matches(resource: string, context: RequestContext): boolean;
}

/** A statement compiled once: wildcard matchers, parsed condition values. */
export interface CompiledStatement {
  readonly origin: StatementOrigin;
  readonly statement: PolicyStatement;
  /** `null` when any service may match (NotAction, or a wildcard in the service prefix). */
  readonly servicePrefix: string | null;
  matchesAction(actionLower: string): boolean;
  readonly resource: CompiledResource | null;
  /** `resource` when it holds policy variables (so it is matched per request), else `null`. */
  readonly variableResource: CompiledResource | null;
  readonly clauses: readonly CompiledClause[];
  /** The statement as a result lists it, matched and not (built once, shared by every result). */
  readonly summaries: { readonly matched: StatementSummary; readonly unmatched: StatementSummary };
}

/** A policy compiled once, with its statements indexed by service prefix and memoized per action. */
export interface CompiledPolicy {
  readonly name: string;
  readonly layer: LayerName;
  readonly level: number;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
  /** The statements whose `Action`/`NotAction` matches `actionLower` (a lower-cased `service:Action`). */
  statementsFor(actionLower: string): readonly CompiledStatement[];
  /**
   * The statements whose action matches and whose resource may match: static resource patterns are
   * already checked (memoized per action and resource); patterns with variables still need the
   * request context.
   */
  statementsForRequest(actionLower: string, resource: string): readonly CompiledStatement[];
}

/** Every policy of a request's evaluation, compiled; evaluate many requests against it. */
export interface CompiledPolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | null;
  /** `null` when the credentials carry no session policy. */
  readonly session: readonly CompiledPolicy[] | null;
  readonly resource: CompiledPolicy | null;
  readonly scps: readonly (readonly CompiledPolicy[])[] | null;
  readonly rcps: readonly (readonly CompiledPolicy[])[] | null;
  readonly vpcEndpoint: CompiledPolicy | null;
  readonly resourceAccount: string | null;
  readonly managementAccountId: string | null;
}

const MEMO_LIMIT = 4096;

/**
 * Policies already compiled, by document object and by how they were compiled (layer, kind, level,
 * name): diagnose compiles a set for each check of a call, and those sets share their documents, so
 * a policy of 100,000 statements was parsed and compiled again for every check. Documents are
 * values: nothing edits one in place (fixes build new ones).
 */
const compiledDocuments = new WeakMap<object, Map<string, CompiledPolicy>>();

/**
 * Parses and compiles every policy of a set once, or says which documents could not be read: the
 * diagnostics carry JSON pointers relative to the set (e.g.
 * `/identityPolicies/0/document/Statement/1/Effect`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function compilePolicySet(input: PolicySetInput): Result<CompiledPolicySet> {
  const diagnostics: Diagnostic[] = [];
  const compile = (
    named: NamedPolicyInput,
    layer: LayerName,
    kind: PolicyKind,
    pointer: string,
    level = 0,
  ) => {
    const key = `${layer}\u0000${kind}\u0000${level}\u0000${named.name}`;
    const known = typeof named.document === 'object' && named.document !== null;
    const cached = known ? compiledDocuments.get(named.document as object)?.get(key) : undefined;
    if (cached !== undefined) return cached;
    const parsed = parsePolicy(named.document, { kind });
    if (!parsed.ok) {
      for (const d of parsed.diagnostics) diagnostics.push({ ...d, path: `${pointer}/document${d.path}` });
      return null;
    }
    const compiled = compilePolicy(named.name, parsed.value, layer, level);
    if (known) {
      const byKey = compiledDocuments.get(named.document as object) ?? new Map<string, CompiledPolicy>();
      byKey.set(key, compiled);
      compiledDocuments.set(named.document as object, byKey);
    }
    return compiled;
  };
  const list = (
    items: readonly NamedPolicyInput[],
    layer: LayerName,
    kind: PolicyKind,
    pointer: string,
    level = 0,
  ) =>
    items
      .map((p, i) => compile(p, layer, kind, `${pointer}/${i}`, level))
      .filter((p): p is CompiledPolicy => p !== null);
  const levels = (
    items: readonly (readonly NamedPolicyInput[])[],
    layer: LayerName,
    kind: PolicyKind,
    pointer: string,
  ) => items.map((level, i) => list(level, layer, kind, `${pointer}/${i}`, i));
  const identity = list(input.identityPolicies ?? [], 'identity', 'identity', '/identityPolicies');
  const boundary = input.permissionsBoundary
    ? compile(input.permissionsBoundary, 'permissions-boundary', 'identity', '/permissionsBoundary')
    : null;
  const session =
    input.sessionPolicies && input.sessionPolicies.length > 0
      ? list(input.sessionPolicies, 'session', 'identity', '/sessionPolicies')
      : null;
  const resource = input.resourcePolicy
    ? compile(input.resourcePolicy, 'resource', 'resource', '/resourcePolicy')
    : null;
  const scps = input.scps ? levels(input.scps, 'scp', 'identity', '/scps') : null;
  const rcps = input.rcps ? levels(input.rcps, 'rcp', 'resource', '/rcps') : null;
  const vpcEndpoint = input.vpcEndpointPolicy
    ? compile(input.vpcEndpointPolicy, 'vpc-endpoint', 'resource', '/vpcEndpointPolicy')
    : null;
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    value: {
      identity,
      boundary,
      session,
      resource,
      scps,
      rcps,
      vpcEndpoint,
      resourceAccount: input.resourceAccount ?? null,
      managementAccountId: input.managementAccountId ?? null,
    },
  };
}

/**
 * Compiles one parsed policy: action patterns into linear wildcard matchers (case-insensitive),
 * resource patterns into ARN matchers, condition values into tests; then indexes the statements by
 * service prefix.
 */
export function compilePolicy(
  name: string,
  document: PolicyDocument,
  layer: LayerName,
  level = 0,
): CompiledPolicy {
  const statements = document.statements.map((statement) =>
    compileStatement({ layer, policy: name, level, statement }, document.version),
  );
  const byService = new Map<string, CompiledStatement[]>();
  const anyService: CompiledStatement[] = [];
  for (const s of statements) {
    if (s.servicePrefix === null) {
      anyService.push(s);
      continue;
    }
    const bucket = byService.get(s.servicePrefix);
    if (bucket) bucket.push(s);
    else byService.set(s.servicePrefix, [s]);
  }
  const memo = new Map<string, readonly CompiledStatement[]>();
  const requestMemo = new Map<string, Map<string, readonly CompiledStatement[]>>();
  const noContext: RequestContext = new Map();
  const policy: CompiledPolicy = {
    name,
    layer,
    level,
    document,
    statements,
    statementsForRequest(actionLower, resource) {
      // two-level memo: the request's own strings keep their cached hashes, no key is built
      let byResource = requestMemo.get(actionLower);
      if (byResource === undefined) {
        if (requestMemo.size >= MEMO_LIMIT) requestMemo.clear();
        byResource = new Map();
        requestMemo.set(actionLower, byResource);
      }
      let found = byResource.get(resource);
      if (found === undefined) {
        found = policy
          .statementsFor(actionLower)
          .filter(
            (s) => s.resource === null || !s.resource.isStatic || s.resource.matches(resource, noContext),
          );
        if (byResource.size >= MEMO_LIMIT) byResource.clear();
        byResource.set(resource, found);
      }
      return found;
    },
    statementsFor(actionLower) {
      let found = memo.get(actionLower);
      if (found !== undefined) return found;
      const colon = actionLower.indexOf(':');
      const service = colon < 0 ? actionLower : actionLower.slice(0, colon);
      const candidates = byService.get(service);
      const matched: CompiledStatement[] = [];
      // keep document order: merge the service bucket and the any-service list by index
      let i = 0;
      let j = 0;
      const a = candidates ?? [];
      while (i < a.length || j < anyService.length) {
        const next =
          j >= anyService.length ||
          (i < a.length &&
            (a[i] as CompiledStatement).statement.index <
              (anyService[j] as CompiledStatement).statement.index)
            ? (a[i++] as CompiledStatement)
            : (anyService[j++] as CompiledStatement);
        if (next.matchesAction(actionLower)) matched.push(next);
      }
      found = matched;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(actionLower, found);
      return found;
    },
  };
  return policy;
}

/** Several policies that are evaluated together (the identity policies, one SCP level...), indexed as one. */
export interface CompiledGroup {
  /** The statements of every policy, in policy order, whose action matches and whose static resource matches. */
  statementsForRequest(actionLower: string, resource: string): readonly CompiledStatement[];
}

const groups = new WeakMap<readonly CompiledPolicy[], CompiledGroup>();

/**
 * The group of a list of compiled policies, built once per list: one memoized lookup per request
 * instead of one per policy.
 */
export function groupOf(policies: readonly CompiledPolicy[]): CompiledGroup {
  let group = groups.get(policies);
  if (group === undefined) {
    const memo = new Map<string, Map<string, readonly CompiledStatement[]>>();
    group = {
      statementsForRequest(actionLower, resource) {
        let byResource = memo.get(actionLower);
        if (byResource === undefined) {
          if (memo.size >= MEMO_LIMIT) memo.clear();
          byResource = new Map();
          memo.set(actionLower, byResource);
        }
        let found = byResource.get(resource);
        if (found === undefined) {
          found = policies.flatMap((p) => p.statementsForRequest(actionLower, resource));
          if (byResource.size >= MEMO_LIMIT) byResource.clear();
          byResource.set(resource, found);
        }
        return found;
      },
    };
    groups.set(policies, group);
  }
  return group;
}

function servicePrefixOf(statement: PolicyStatement): string | null {
  if (statement.action.negated) return null;
  let prefix: string | null = null;
  for (const { value } of statement.action.values) {
    const colon = value.indexOf(':');
    const service = colon < 0 ? value : value.slice(0, colon);
    if (colon < 0 || service.includes('*') || service.includes('?')) return null;
    if (prefix !== null && prefix !== service) return null;
    prefix = service;
  }
  return prefix;
}

function compileStatement(origin: StatementOrigin, version: PolicyVersion | null): CompiledStatement {
  const { statement } = origin;
  const matchers: WildcardMatcher[] = statement.action.values.map((v) => compileWildcard(v.value));
  const negated = statement.action.negated;
  const prefix = servicePrefixOf(statement);
  const resource = statement.resource
    ? compileResource(
        statement.resource.values.map((v) => v.value),
        statement.resource.negated,
        version,
        COMPLETES_ARNS.has(origin.layer),
      )
    : null;
  // a statement naming several services is indexed under none (any service)
  return {
    origin,
    statement,
    servicePrefix: prefix,
    matchesAction(actionLower) {
      let any = false;
      for (const m of matchers) {
        if (m.matches(actionLower)) {
          any = true;
          break;
        }
      }
      return negated ? !any : any;
    },
    resource,
    variableResource: resource === null || resource.isStatic ? null : resource,
    clauses: statement.conditions.map((c) => compileClause(c, version)),
    summaries: { matched: summaryOf(origin, true), unmatched: summaryOf(origin, false) },
  };
}

function summaryOf(origin: StatementOrigin, matched: boolean): StatementSummary {
  const { statement } = origin;
  return Object.freeze({
    layer: origin.layer,
    policy: origin.policy,
    sid: statement.sid,
    index: statement.index,
    effect: statement.effect,
    matched,
  });
}

/**
 * The layers whose policies are identity-based, where AWS completes an ARN of fewer than six segments
 * with `*` in every missing segment (`arn:aws:sqs` is `arn:aws:sqs:*:*:*`). A permissions boundary is
 * a managed policy of the same kind. Session policies are not completed: AssumeRole,
 * AssumeRoleWithSAML and AssumeRoleWithWebIdentity refuse a session policy with an incomplete ARN, so
 * such a session cannot exist; resource-based policies, SCPs and RCPs keep the segment-by-segment
 * match (AWS documents completion for identity-based policies only).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
const COMPLETES_ARNS: ReadonlySet<LayerName> = new Set<LayerName>(['identity', 'permissions-boundary']);

/** Compiled resources by what they say (patterns, negation, version, completion); emptied when full. */
const sharedResources = new Map<string, CompiledResource>();
const SHARED_LIMIT = 8192;

/**
 * A `Resource`/`NotResource` element compiled once for every statement that says the same (statements
 * of a policy set repeat their resources), so that its answers are shared.
 */
function compileResource(
  patterns: readonly string[],
  negated: boolean,
  version: PolicyVersion | null,
  completeArns: boolean,
): CompiledResource {
  const signature = JSON.stringify([patterns, negated, version, completeArns]);
  let shared = sharedResources.get(signature);
  if (shared === undefined) {
    shared = compileResourceOnce(patterns, negated, version, completeArns);
    if (sharedResources.size >= SHARED_LIMIT) sharedResources.clear();
    sharedResources.set(signature, shared);
  }
  return shared;
}

function compileResourceOnce(
  patterns: readonly string[],
  negated: boolean,
  version: PolicyVersion | null,
  completeArns: boolean,
): CompiledResource {
  const options = { completeMissingSegments: completeArns };
  const constants: ArnMatcher[] = [];
  const templates: Template[] = [];
  for (const p of patterns) {
    const template = version === '2012-10-17' ? parseTemplate(p) : undefined;
    if (template) templates.push(template);
    else constants.push(compileArnPattern(p, options));
  }
  const constantMemo = new Map<string, boolean>();
  // per template, by the values its variables take: the compiled matcher and its answers by resource
  const resolved = templates.map(() => new Map<string, ResolvedPattern>());
  const constantMatch = (resource: string): boolean => {
    let hit = constantMemo.get(resource);
    if (hit === undefined) {
      hit = constants.some((m) => m.matches(resource));
      if (constantMemo.size >= MEMO_LIMIT) constantMemo.clear();
      constantMemo.set(resource, hit);
    }
    return hit;
  };
  const templateMatch = (index: number, resource: string, context: RequestContext): boolean | undefined => {
    const template = templates[index] as Template;
    const key = templateValuesKey(template, context);
    if (key === undefined) return undefined;
    const byValues = resolved[index] as Map<string, ResolvedPattern>;
    let pattern = byValues.get(key);
    if (pattern === undefined) {
      const parts = resolveTemplate(template, context) as WildcardPart[];
      pattern = { matcher: compileArnPattern(parts, options), byResource: new Map() };
      if (byValues.size >= MEMO_LIMIT) byValues.clear();
      byValues.set(key, pattern);
    }
    let hit = pattern.byResource.get(resource);
    if (hit === undefined) {
      hit = pattern.matcher.matches(resource);
      if (pattern.byResource.size >= MEMO_LIMIT) pattern.byResource.clear();
      pattern.byResource.set(resource, hit);
    }
    return hit;
  };
  const match = (resource: string, context: RequestContext): boolean => {
    let any = constantMatch(resource);
    let unresolved = false;
    if (!any) {
      for (let i = 0; i < templates.length; i++) {
        const hit = templateMatch(i, resource, context);
        if (hit === undefined) unresolved = true;
        else if (hit) {
          any = true;
          break;
        }
      }
    }
    if (!negated) return any;
    return !any && !unresolved;
  };
  // the answer for the current lean request (a reusable context says which request it holds)
  let lastContext: RequestContext | null = null;
  let lastRequest = -1;
  let lastResource = '';
  let lastMatched = false;
  return {
    negated,
    isStatic: templates.length === 0,
    matches(resource, context) {
      if (templates.length === 0) return match(resource, context);
      const request = context instanceof ReusableContext ? context.request : -1;
      if (request >= 0 && request === lastRequest && context === lastContext && resource === lastResource)
        return lastMatched;
      const matched = match(resource, context);
      if (request >= 0) {
        lastContext = context;
        lastRequest = request;
        lastResource = resource;
        lastMatched = matched;
      }
      return matched;
    },
  };
}

/** A resource pattern with policy variables, resolved for some values: its matcher and answers so far. */
interface ResolvedPattern {
  readonly matcher: ArnMatcher;
  readonly byResource: Map<string, boolean>;
}

/** Every named policy of a policy set, in evaluation order of its layers. */
export function namedPolicies(input: PolicySetInput): NamedPolicyInput[] {
  return [
    ...(input.identityPolicies ?? []),
    ...(input.permissionsBoundary === undefined ? [] : [input.permissionsBoundary]),
    ...(input.sessionPolicies ?? []),
    ...(input.resourcePolicy === undefined ? [] : [input.resourcePolicy]),
    ...(input.scps ?? []).flat(),
    ...(input.rcps ?? []).flat(),
    ...(input.vpcEndpointPolicy === undefined ? [] : [input.vpcEndpointPolicy]),
  ];
}
