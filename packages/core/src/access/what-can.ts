import { type ActionPoint, actionSendsKey, actionSpace } from '../compare/action-points.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Result } from '../diagnostics/result.js';
import { BUILT_IN_RULES } from '../engine/built-in-rules.js';
import { parseCaller } from '../engine/caller.js';
import {
  type CompiledPolicySet,
  type CompiledStatement,
  compilePolicySet,
  type PolicySetInput,
} from '../engine/compile-policy-set.js';
import { buildRequestContext } from '../engine/request-context.js';
import type { Evidence } from '../evidence/evidence.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import { rcpCovers } from '../evidence/org-levels.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { resolveIdentity } from '../evidence/resolve-identity.js';
import { arnSegments, parseArn } from '../matching/arn.js';
import { escalationFor } from './what-can-escalation.js';
import {
  type GovernedStatements,
  type ResourceSlot,
  type SlotGrants,
  slotGrants,
} from './what-can-grants.js';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type WhatCanGrant,
  type WhatCanLimit,
  type WhatCanOptions,
  type WhatCanResult,
} from './what-can-model.js';
import { isKnownKey, type RelevantStatement, type RequestBase, statementId } from './what-can-requests.js';
import {
  type ResourcePolicyScope,
  resourcePolicyScopes,
  scopeConcerns,
} from './what-can-resource-policies.js';

const DEFAULT_MAX_CONDITION_POINTS = 256;

/** Reported when the evidence gives no resource-based policy (roles' trust policies are read from the account files). */
const IDENTITY_SIDE: WhatCanLimit = {
  code: 'identity-side',
  message:
    'resource-based policies not given are not evaluated: access another account grants the principal through them, and their denies, are not listed',
};

/** Limits that hold for every query. */
const ALWAYS_LIMITS: readonly WhatCanLimit[] = [
  {
    code: 'own-account',
    message:
      "resources of identity grants are those of the principal's own account, and those whose ARN names no account (S3); other accounts' resources are listed where a given resource policy grants them",
  },
];

/** The access level of a catalog action in kebab case. */
function accessLevelOf(action: ActionPoint): AccessLevel {
  const level = (action.info?.accessLevel ?? 'Write').toLowerCase().replace(/ /g, '-');
  return (ACCESS_LEVELS as readonly string[]).includes(level) ? (level as AccessLevel) : 'write';
}

/** The resource types of an action; one slot on `*` for actions without resource-level permissions. */
function slotsOf(action: ActionPoint): ResourceSlot[] {
  const info = action.info;
  if (info === null || info.wildcardOnly) return [{ type: null, format: null }];
  const seen = new Set<string>();
  const slots: ResourceSlot[] = [];
  for (const t of info.resourceTypes) {
    if (t.arnFormat === null || seen.has(t.arnFormat)) continue;
    seen.add(t.arnFormat);
    slots.push({ type: t.name, format: t.arnFormat });
  }
  return slots.length === 0 ? [{ type: null, format: null }] : slots;
}

/** A set's statements by service prefix (`null`: any service), built once per set. */
const setStatements = new WeakMap<
  CompiledPolicySet,
  { byPrefix: Map<string, RelevantStatement[]>; any: RelevantStatement[] }
>();

/**
 * Every statement of a set whose `Action`/`NotAction` matches (those naming the service first); of
 * its resource policy, those that apply to the principal (`resource`, given with the set's first call).
 */
function statementsFor(
  set: CompiledPolicySet,
  action: ActionPoint,
  resource: readonly CompiledStatement[] = [],
): RelevantStatement[] {
  let index = setStatements.get(set);
  if (index === undefined) {
    index = { byPrefix: new Map(), any: [] };
    const policies = [
      ...set.identity,
      ...(set.boundary === null ? [] : [set.boundary]),
      ...(set.scps ?? []).flat(),
      ...(set.rcps ?? []).flat(),
      ...(set.resource === null ? [] : [{ ...set.resource, statements: resource }]),
    ];
    for (const p of policies)
      for (const compiled of p.statements) {
        const entry = { compiled, version: p.document.version };
        const prefix = compiled.servicePrefix;
        if (prefix === null) index.any.push(entry);
        else {
          const list = index.byPrefix.get(prefix);
          if (list === undefined) index.byPrefix.set(prefix, [entry]);
          else list.push(entry);
        }
      }
    setStatements.set(set, index);
  }
  const out: RelevantStatement[] = [];
  for (const s of index.byPrefix.get(action.service) ?? [])
    if (s.compiled.matchesAction(action.lower)) out.push(s);
  for (const s of index.any) if (s.compiled.matchesAction(action.lower)) out.push(s);
  return out;
}

/**
 * Every catalog action a principal is allowed, from the evidence's exact policy set (identity
 * policies, permissions boundary, SCPs and RCPs): actions expanded from the identity policies'
 * wildcards and `NotAction` through the catalog, each decided by the engine per resource type over
 * ARNs that realize every combination of the policies' resource patterns, and over the classes of
 * values of every context key the evidence leaves open. Each grant carries its narrowest pattern,
 * its carve-outs, its open conditions, the deciding statements and a privilege-escalation flag.
 *
 * Returns `what-can-principal-unknown` when the evidence does not hold the principal, and
 * `what-can-service-unknown` for a service prefix the catalog does not know.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export async function whatCan(
  evidence: Evidence,
  principal: string,
  options: WhatCanOptions,
): Promise<Result<WhatCanResult>> {
  if (options.service !== undefined && !(await options.catalog.hasService(options.service)))
    return { ok: false, diagnostics: [serviceUnknown(options.service)] };
  const resolution = resolveIdentity(evidence, principal);
  if (!resolution.found) return { ok: false, diagnostics: [principalUnknown(principal, resolution.missing)] };
  const identity = resolution.identity;
  const account = identity.account;
  const partition = parseArn(principal)?.partition || 'aws';
  // a resource of the account in a service RCPs cover: its set holds every layer what-can evaluates
  const probe = `arn:${partition}:sqs:us-east-1:${account}:whydenied-what-can`;
  const found = policySetFor(evidence, { principal, action: 'sqs:GetQueueUrl', resource: probe });
  const withRcps = found.input;
  const { rcps: _rcps, ...withoutRcps } = withRcps;
  const compiled = compilePolicySet(withoutRcps);
  const compiledRcp = withRcps.rcps === undefined ? compiled : compilePolicySet(withRcps);
  if (!compiled.ok) return compiled;
  if (!compiledRcp.ok) return compiledRcp;
  const trusting = new Map<CompiledPolicySet, CompiledPolicySet>();
  const trustingFor = (rcp: boolean) => () => {
    const set = rcp ? compiledRcp.value : compiled.value;
    let t = trusting.get(set);
    if (t === undefined) {
      const r = compilePolicySet(trustingInput(rcp ? withRcps : withoutRcps, account, partition));
      t = r.ok ? r.value : set;
      trusting.set(set, t);
    }
    return t;
  };
  const sessionIssuer = found.sessionIssuer;
  const given = found.request.context;
  const caller = parseCaller(principal, sessionIssuer ?? undefined);
  const known = buildRequestContext(caller, given);
  const scopes = resourcePolicyScopes(evidence, { principal, caller, known, account });
  // by the service of the actions they can take part in (`sts` for trust policies)
  const scopesByService = new Map<string, ResourcePolicyScope[]>();
  for (const scope of scopes) {
    const list = scopesByService.get(scope.service);
    if (list === undefined) scopesByService.set(scope.service, [scope]);
    else list.push(scope);
  }
  const space = await actionSpace(
    [...compiled.value.identity.map((p) => p.document), ...scopes.map((s) => s.allows)],
    options.catalog,
    'Allow',
  );
  const base: RequestBase = {
    principal,
    sessionIssuer,
    given,
    known,
    tagsKnown: true,
    snapshot: space.snapshot,
    maxPoints: options.maxConditionPoints ?? DEFAULT_MAX_CONDITION_POINTS,
  };
  const service = options.service?.toLowerCase();
  const grants: WhatCanGrant[] = [];
  let evaluations = 0;
  let complete = true;
  let tested = 0;
  const slotMemo = new Map<string, SlotGrants>();
  for (const action of space.actions) {
    if (action.info === null) continue;
    if (service !== undefined && action.service !== service) continue;
    const rcp = rcpCovers(action.service);
    const set = rcp ? compiledRcp.value : compiled.value;
    const statements = statementsFor(set, action);
    const identityAllows = statements.some(
      (s) => s.compiled.origin.layer === 'identity' && s.compiled.statement.effect === 'Allow',
    );
    const governed = governedFor(scopesByService.get(action.service), action);
    if (!identityAllows && !governed.some(allowsOnResource)) continue;
    tested++;
    const input = {
      set,
      trusting: trustingFor(rcp),
      action,
      accessLevel: accessLevelOf(action),
      statements,
      base,
      account,
      partition,
      resource: options.resource ?? null,
      ...(governed.length === 0 ? {} : { governed, identityAllows }),
    };
    // actions with the same statements, resource types and sendable keys get the same grants
    // (and the same resource policies' statements, with their sets')
    const key = concernsBuiltIn(action.lower)
      ? null
      : [
          slotKey(rcp, action, statements, base),
          ...governed.map((g) => `${g.scope.name}:${slotKey(rcp, action, g.statements, base)}`),
        ].join('\u0000');
    // when no statement tells ARNs apart, the resource type does not matter beyond its account
    const anyResource =
      key !== null &&
      governed.length === 0 &&
      options.resource === undefined &&
      statements.every(tellsNoArns);
    for (const slot of slotsOf(action)) {
      const memoKey =
        key === null
          ? null
          : anyResource
            ? `${key}|any|${formatClass(slot.format)}`
            : `${key}|${slot.type}|${slot.format}`;
      const shared = memoKey === null ? undefined : slotMemo.get(memoKey);
      const slotFound =
        shared === undefined
          ? slotGrants(input, slot)
          : restamp(shared, action, input.accessLevel, slot, anyResource ? { account, partition } : null);
      if (memoKey !== null && shared === undefined) slotMemo.set(memoKey, slotFound);
      evaluations += shared === undefined ? slotFound.evaluations : 0;
      complete &&= slotFound.complete;
      for (const g of slotFound.grants) grants.push(g);
    }
  }
  grants.sort(byGrant);
  const limits =
    evidence.resourcePolicies.length === 0 ? [IDENTITY_SIDE, ...ALWAYS_LIMITS] : [...ALWAYS_LIMITS];
  if (!complete)
    limits.push({
      code: 'sampled',
      message:
        'some actions combine more condition keys or resource patterns than were tried; their grants may be incomplete',
    });
  return {
    ok: true,
    value: {
      principal,
      identity: { kind: identity.kind, arn: identity.entity?.arn ?? null, account },
      grants,
      missingEvidence: missingOf(
        found.missing.filter((m) => m.subject !== probe),
        scopes.flatMap((s) => s.missing),
      ),
      limits,
      unknownActions: space.unknown,
      tested: { actions: tested, requests: evaluations },
    },
  };
}

/** The query's missing evidence, then what the resource policies' sets lack besides (each entry once). */
function missingOf(own: readonly MissingEvidence[], scopes: readonly MissingEvidence[]): MissingEvidence[] {
  const out = [...own];
  const seen = new Set(own.map((m) => `${m.code}\u0000${m.subject}`));
  for (const m of scopes) {
    const key = `${m.code}\u0000${m.subject}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/** The resource policies that can take part for an action, each with its set's statements matching it. */
function governedFor(
  scopes: readonly ResourcePolicyScope[] | undefined,
  action: ActionPoint,
): GovernedStatements[] {
  const out: GovernedStatements[] = [];
  if (scopes === undefined) return out;
  for (const scope of scopes)
    if (scopeConcerns(scope, action))
      out.push({ scope, statements: statementsFor(scope.set, action, scope.applicable) });
  return out;
}

/** Whether an applicable statement of the resource policy allows the action. */
function allowsOnResource(g: GovernedStatements): boolean {
  return g.statements.some(
    (s) => s.compiled.origin.layer === 'resource' && s.compiled.statement.effect === 'Allow',
  );
}

/** Actions (and `service:*`) some built-in rule concerns, lower-cased. */
const BUILT_IN_ACTIONS = new Set(Object.values(BUILT_IN_RULES).flatMap((r) => r.actions));

function concernsBuiltIn(lower: string): boolean {
  return BUILT_IN_ACTIONS.has(lower) || BUILT_IN_ACTIONS.has(`${lower.slice(0, lower.indexOf(':'))}:*`);
}

/** What an action's grants depend on besides its name: the set, its statements, the keys it can send. */
function slotKey(
  rcp: boolean,
  action: ActionPoint,
  statements: readonly RelevantStatement[],
  base: RequestBase,
): string {
  let sends = '';
  for (const s of statements)
    for (const c of s.compiled.clauses)
      if (!isKnownKey(c.clause.key.toLowerCase(), base))
        sends += actionSendsKey(action, c.clause.key, base.snapshot) ? '1' : '0';
  return `${rcp ? 'rcp' : ''}|${statements.map((s) => statementId(s.compiled)).join(',')}|${sends}`;
}

/** Whether a statement's resource patterns are all `*` (no ARN pattern, no policy variable). */
function tellsNoArns(s: RelevantStatement): boolean {
  return (s.compiled.statement.resource?.values ?? []).every(
    (v) => !v.value.startsWith('arn:') && !v.value.includes('${'),
  );
}

/** How a resource type's format places its ARNs: none (`*`), in the principal's account, or named. */
function formatClass(format: string | null): string {
  if (format === null) return 'none';
  const account = arnSegments(format)?.[4] ?? '';
  return account === '' || account.startsWith('${') ? 'own' : `named ${account}`;
}

const PLACEHOLDER_FILLS: Readonly<Record<string, string>> = { Region: 'us-east-1' };

/**
 * An ARN of a format with its placeholders filled (`${Account}` with the principal's account, others
 * with their name in kebab case), as `arnWitnesses` fills a fresh one, without its search.
 */
const filled = new Map<string, string>();

function filledFormat(format: string, account: string, partition: string): string {
  const key = `${partition}\u0000${account}\u0000${format}`;
  let arn = filled.get(key);
  if (arn === undefined) {
    arn = fillFormat(format, account, partition);
    if (filled.size > 20_000) filled.clear();
    filled.set(key, arn);
  }
  return arn;
}

function fillFormat(format: string, account: string, partition: string): string {
  return format.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name: string) =>
    name === 'Account' || name === 'AccountId'
      ? account
      : name === 'Partition'
        ? partition
        : (PLACEHOLDER_FILLS[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()),
  );
}

/** Another action's grants of the same shape, named for this action and its resource type. */
function restamp(
  shared: SlotGrants,
  action: ActionPoint,
  accessLevel: AccessLevel,
  slot: ResourceSlot,
  /** The principal's account and partition when the grants came from another resource type (a fresh ARN of this one). */
  owner: { readonly account: string; readonly partition: string } | null,
): SlotGrants {
  const own =
    owner === null
      ? null
      : slot.format === null
        ? '*'
        : filledFormat(slot.format, owner.account, owner.partition);
  return {
    ...shared,
    grants: shared.grants.map((g) => {
      const escalation = escalationFor(action.lower, g.resource);
      return {
        ...g,
        action: action.name,
        service: action.service,
        accessLevel,
        resourceType: slot.type,
        example: { ...g.example, resource: own ?? g.example.resource },
        escalation:
          escalation === null
            ? null
            : { code: escalation.code, summary: escalation.summary, source: escalation.source },
      };
    }),
  };
}

/** The set with a stand-in resource policy that trusts the account (delegating to its IAM policies). */
function trustingInput(input: PolicySetInput, account: string, partition: string): PolicySetInput {
  return {
    ...input,
    resourcePolicy: {
      name: 'resource policy trusting the account',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:${partition}:iam::${account}:root` },
            Action: '*',
            Resource: '*',
          },
        ],
      },
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byGrant(a: WhatCanGrant, b: WhatCanGrant): number {
  return (
    compareText(a.service, b.service) ||
    ACCESS_LEVELS.indexOf(a.accessLevel) - ACCESS_LEVELS.indexOf(b.accessLevel) ||
    compareText(a.action, b.action) ||
    compareText(a.resourceType ?? '', b.resourceType ?? '') ||
    compareText(a.resource, b.resource)
  );
}

function principalUnknown(principal: string, missing: readonly { message: string }[]): Diagnostic {
  return {
    code: 'what-can-principal-unknown',
    severity: 'error',
    message: `the account authorization details do not hold \`${principal}\``,
    path: '',
    help: missing[0]?.message ?? 'give the authorization details of the account that holds the principal',
  };
}

function serviceUnknown(service: string): Diagnostic {
  return {
    code: 'what-can-service-unknown',
    severity: 'error',
    message: `\`${service}\` is not a service prefix the service catalog knows`,
    path: '',
    help: 'give the prefix actions are written with, such as `s3` or `ec2`',
  };
}
