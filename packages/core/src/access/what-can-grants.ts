import { arnPatternMatchesFormat } from '../catalog/arn-format.js';
import type { ActionPoint } from '../compare/action-points.js';
import { arnWitnesses } from '../compare/arn-witnesses.js';
import { resourceMatcher } from '../compare/resource-points.js';
import { builtInRulesFor } from '../engine/built-in-rules.js';
import { parseCaller } from '../engine/caller.js';
import type { CompiledPolicySet, CompiledStatement } from '../engine/compile-policy-set.js';
import { joinParts, parseTemplate, resolveTemplate } from '../engine/policy-variables.js';
import { arnSegments } from '../matching/arn.js';
import { conditionCategory } from './access-conditions.js';
import { escalationFor } from './what-can-escalation.js';
import type {
  AccessLevel,
  DecidingStatement,
  GrantVia,
  OpenCondition,
  WhatCanGrant,
} from './what-can-model.js';
import {
  decideRequest,
  type RelevantStatement,
  type RequestBase,
  type RequestOutcome,
} from './what-can-requests.js';
import { governingScope, type ResourcePolicyScope } from './what-can-resource-policies.js';

/**
 * The grants of one action on one resource type: ARNs of the type that realize every combination of
 * the relevant statements' resource patterns (so that every ARN of the type is decided like one of
 * them) are decided with the engine; the allowed ones are grouped by their narrowest allowing pattern,
 * conditions and deciding statements, and the denied ones inside a group give its carve-outs.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** One resource type of an action (`format` `null`: the action is requested on `*`). */
export interface ResourceSlot {
  readonly type: string | null;
  readonly format: string | null;
}

/** What one action's grants are computed from. */
export interface SlotInput {
  readonly set: CompiledPolicySet;
  /** The same set with a stand-in resource policy that trusts the account (trust and key policies). */
  readonly trusting: () => CompiledPolicySet;
  readonly action: ActionPoint;
  readonly accessLevel: AccessLevel;
  readonly statements: readonly RelevantStatement[];
  readonly base: RequestBase;
  /** The principal's account: only its resources (and those whose ARN names no account) are listed. */
  readonly account: string;
  /** The principal's partition (`aws`, `aws-cn`...): requests name resources of the same partition. */
  readonly partition: string;
  /** The query's resource pattern, when given. */
  readonly resource: string | null;
  /**
   * The resource policies that can take part for this action, each with its set's statements that
   * match the action: the ARNs they govern are decided with their set (also in other accounts).
   */
  readonly governed?: readonly GovernedStatements[];
  /** False when no identity statement allows the action: only the ARNs a resource policy governs can be allowed. */
  readonly identityAllows?: boolean;
}

/** A resource policy that can take part, and the statements of its set that match the action. */
export interface GovernedStatements {
  readonly scope: ResourcePolicyScope;
  readonly statements: readonly RelevantStatement[];
}

/** The grants of a slot, and how much was tested. */
export interface SlotGrants {
  readonly grants: WhatCanGrant[];
  readonly evaluations: number;
  readonly complete: boolean;
}

type Patterns = { patterns: string[]; negated: boolean } | null;

/** Per query (its caller's keys), each statement's patterns: a shared policy resolves per caller. */
const patternsOf = new WeakMap<RequestBase, WeakMap<CompiledStatement, Patterns>>();

/** A statement's `Resource`/`NotResource` patterns with the caller's variables substituted. */
function statementPatterns(s: CompiledStatement, base: RequestBase): Patterns {
  let byStatement = patternsOf.get(base);
  if (byStatement === undefined) {
    byStatement = new WeakMap();
    patternsOf.set(base, byStatement);
  }
  let found = byStatement.get(s);
  if (found === undefined) {
    const element = s.statement.resource;
    if (element === null) found = null;
    else {
      const patterns: string[] = [];
      for (const v of element.values) {
        const template = parseTemplate(v.value);
        if (template === undefined) patterns.push(v.value);
        else {
          const parts = resolveTemplate(template, base.known);
          if (parts !== undefined) patterns.push(joinParts(parts));
        }
      }
      found = { patterns, negated: element.negated };
    }
    byStatement.set(s, found);
  }
  return found;
}

function matches(pattern: string, arn: string): boolean {
  return pattern === '*' || resourceMatcher(pattern).matches(arn);
}

const witnessCache = new Map<string, { witnesses: readonly string[]; complete: boolean }>();

/** ARNs of `format` in `partition` and `account` (or naming none) for every combination of `patterns`. */
function witnessesFor(format: string, patterns: readonly string[], account: string, partition: string) {
  const compatible = [...new Set(patterns)]
    .filter((p) => p.startsWith('arn:') && arnPatternMatchesFormat(p, format))
    .sort();
  const key = `${format}\u0000${partition}\u0000${account}\u0000${compatible.join('\u0000')}`;
  let found = witnessCache.get(key);
  if (found === undefined && compatible.length === 0) {
    // no pattern tells ARNs of the format apart: one fresh ARN, in the principal's account
    const fresh = arnWitnesses([], [format]).witnesses[0];
    const segments = fresh === undefined ? undefined : arnSegments(fresh);
    const placeholder = arnSegments(format)?.[4]?.startsWith('${') === true;
    if (segments !== undefined && (placeholder || segments[4] === '')) {
      if (placeholder) segments[4] = account;
      segments[1] = partition;
      found = { witnesses: [segments.join(':')], complete: true };
    }
  }
  if (found === undefined) {
    const all = arnWitnesses([...compatible, `arn:${partition}:*:*:${account}:*`], [format], 4000);
    const witnesses = all.witnesses.filter((w) => {
      const segments = arnSegments(w);
      const owner = segments?.[4] ?? '';
      return segments?.[1] === partition && (owner === '' || owner === account);
    });
    found = { witnesses, complete: all.complete };
    if (witnessCache.size > 4000) witnessCache.clear();
    witnessCache.set(key, found);
  }
  return found;
}

/** Whether every witness `q` matches is matched by `c` (exact over witnesses of every combination). */
function within(q: string, c: string, witnesses: readonly string[]): boolean {
  if (c === '*' || q === c) return true;
  return witnesses.every((w) => !matches(q, w) || matches(c, w));
}

interface Decided {
  readonly arn: string;
  readonly outcome: RequestOutcome;
  /** The built-in rule requiring the resource's own policy, when the stand-in trusting one allowed. */
  readonly trusted: string | null;
  /** The statements it was decided over (with its resource policy's, when one governs it). */
  readonly statements: readonly RelevantStatement[];
  /** The resource policy that governs it. */
  readonly governed: GovernedStatements | null;
}

/**
 * The ARNs of a slot to decide: those of the principal's account that realize every combination of
 * the patterns (when an identity statement allows), and those each resource policy governs, in its
 * resource's account, with its statements' patterns.
 */
function slotWitnesses(
  input: SlotInput,
  format: string,
  patterns: readonly string[],
  governing: (arn: string) => GovernedStatements | undefined,
): { witnesses: readonly string[]; complete: boolean } {
  const governed = input.governed ?? [];
  if (governed.length === 0) return witnessesFor(format, patterns, input.account, input.partition);
  // the resource policies' ARNs without wildcards are witnesses of themselves (an account's many roles
  // whose trust policies name the principal would make the combinations search slow)
  const all = [...patterns];
  const named = new Set<string>();
  for (const g of governed) {
    const add = (p: string) => {
      if (!/[*?]|\$\{/.test(p)) named.add(p);
      else all.push(p);
    };
    for (const p of g.scope.governed) add(p);
    for (const s of g.statements)
      if (s.compiled.origin.layer === 'resource')
        for (const p of statementPatterns(s.compiled, input.base)?.patterns ?? []) add(p);
  }
  const ofFormat = [...named].filter(
    (p) => arnSegments(p)?.[1] === input.partition && arnPatternMatchesFormat(p, format),
  );
  const out = new Set<string>();
  let complete = true;
  const identity = input.identityAllows !== false;
  if (identity) {
    const own = witnessesFor(format, all, input.account, input.partition);
    complete &&= own.complete;
    for (const w of own.witnesses) out.add(w);
    for (const w of ofFormat) if (ownedBy(w, input.account)) out.add(w);
  }
  // other accounts' resources (and, without an identity allow, the account's) only where a policy governs them
  const accounts = new Set<string>();
  for (const g of governed) if (!identity || g.scope.account !== input.account) accounts.add(g.scope.account);
  for (const account of accounts) {
    const found = witnessesFor(format, all, account, input.partition);
    complete &&= found.complete;
    for (const w of [...found.witnesses, ...ofFormat])
      if (ownedBy(w, account) && governing(w)?.scope.account === account) out.add(w);
  }
  return { witnesses: [...out], complete };
}

/** The grants of one action on one resource type. */
export function slotGrants(input: SlotInput, slot: ResourceSlot): SlotGrants {
  const { base, statements } = input;
  if (slot.format === null && input.resource !== null && input.resource !== '*')
    return { grants: [], evaluations: 0, complete: true };
  const patterns = statements.flatMap((s) => statementPatterns(s.compiled, base)?.patterns ?? []);
  if (input.resource !== null) patterns.push(input.resource);
  const governedList = input.governed ?? [];
  const governing = governingScope(governedList);
  const found =
    slot.format === null
      ? { witnesses: input.identityAllows === false ? [] : ['*'], complete: true }
      : slotWitnesses(input, slot.format, patterns, governing);
  const witnesses =
    input.resource === null || slot.format === null
      ? found.witnesses
      : found.witnesses.filter((w) => matches(input.resource as string, w));
  let evaluations = 0;
  let complete = found.complete;
  const caller = parseCaller(base.principal, base.sessionIssuer ?? undefined);
  const decided: Decided[] = [];
  for (const arn of witnesses) {
    const governed = governedList.length === 0 ? null : (governing(arn) ?? null);
    if (governed === null && input.identityAllows === false) continue;
    const over = governed === null ? statements : governed.statements;
    const relevant = over.filter((s) => {
      const r = s.compiled.resource;
      return r === null || r.matches(arn, base.known);
    });
    const builtIn = builtInRulesFor(input.action.lower, arn, caller, base.known);
    const memoizable = builtIn.decisive === null && builtIn.requirement === null;
    const set = governed === null ? input.set : governed.scope.set;
    let outcome = decideRequest(set, input.action, arn, relevant, base, memoizable);
    let trusted: string | null = null;
    evaluations += outcome.evaluations;
    // the stand-in trusting policy only where no resource policy of the evidence governs the ARN
    const own =
      outcome.allowed === 'never' && governed === null && grantsOnIdentity(relevant)
        ? (builtIn.requirement?.id ?? null)
        : null;
    if (own !== null) {
      outcome = decideRequest(input.trusting(), input.action, arn, relevant, base, false);
      evaluations += outcome.evaluations;
      if (outcome.allowed !== 'never') trusted = own;
    }
    complete &&= outcome.complete;
    decided.push({ arn, outcome, trusted, statements: over, governed });
  }
  const groups = new Map<
    string,
    { grant: WhatCanGrant; region: string[]; members: Set<string>; governed: GovernedStatements | null }
  >();
  for (const d of decided) {
    if (d.outcome.allowed === 'never' || d.outcome.result === null) continue;
    const deciding = decidingStatements(d.outcome, d.statements);
    const refs = d.outcome.result.statements
      .filter((s) => s.matched && s.effect === 'Allow')
      .map((s): DecidingStatement => ({ layer: s.layer, policy: s.policy, sid: s.sid, index: s.index }));
    // marked with the resource policy when one of its statements allows; its resource bounds the grant
    const via: GrantVia | null =
      d.governed !== null && refs.some((r) => r.layer === 'resource')
        ? { kind: 'resource-policy', policy: d.governed.scope.name }
        : null;
    const bounds = via === null || d.governed === null ? [] : d.governed.scope.governed;
    const narrowest =
      slot.format === null
        ? { resource: '*', within: [] }
        : narrowestPattern(
            d.arn,
            [...deciding, ...conditionalDenies(d, d.statements, base)],
            input,
            found.witnesses,
            bounds.filter((p) => matches(p, d.arn)),
          );
    const conditions =
      d.outcome.allowed === 'conditional' ? openConditions(d, deciding, d.statements, base) : [];
    const key = JSON.stringify([narrowest, conditions, refs, d.trusted, via]);
    const known = groups.get(key);
    if (known !== undefined) {
      known.members.add(d.arn);
      continue;
    }
    const lower = input.action.lower;
    const escalation = escalationFor(lower, narrowest.resource);
    groups.set(key, {
      members: new Set([d.arn]),
      governed: via === null ? null : d.governed,
      region: [narrowest.resource, ...narrowest.within],
      grant: {
        action: input.action.name,
        service: input.action.service,
        accessLevel: input.accessLevel,
        resourceType: slot.type,
        resource: narrowest.resource,
        within: narrowest.within,
        except: [],
        exact: true,
        conditions,
        statements: refs,
        resourcePolicyRequired: d.trusted,
        via,
        escalation:
          escalation === null
            ? null
            : { code: escalation.code, summary: escalation.summary, source: escalation.source },
        example: { resource: d.arn, context: d.outcome.context },
      },
    });
  }
  const grants: WhatCanGrant[] = [];
  for (const { grant, region, members, governed } of groups.values()) {
    if (slot.format === null) {
      grants.push(grant);
      continue;
    }
    // the ARNs a grant speaks of: its resource policy's, or the principal's account's for the identity side's
    const inside = decided.filter(
      (d) =>
        (governed === null ? ownedBy(d.arn, input.account) : d.governed === governed) &&
        region.every((p) => matches(p, d.arn)),
    );
    // a resource a policy of its own allows whatever the context (listed with that policy) agrees with the grant
    const agrees = (d: Decided) =>
      members.has(d.arn) || (d.governed !== null && d.outcome.allowed === 'always');
    // ARNs of the region denied, or allowed otherwise (other conditions), are carved out
    const except = new Set<string>();
    for (const d of inside) {
      if (agrees(d)) continue;
      const found = carveOuts(d.arn, d.statements, base);
      // a resource under a resource policy that decides otherwise: what that policy governs is carved out
      if (found.length === 0 && d.governed !== null)
        for (const p of d.governed.scope.governed) if (matches(p, d.arn)) found.push(p);
      for (const p of found) except.add(p);
    }
    const list = [...except].sort();
    const exact = inside.every((d) => agrees(d) === !list.some((p) => matches(p, d.arn)));
    grants.push({ ...grant, except: list, exact });
  }
  return { grants, evaluations, complete };
}

/** Whether an ARN is of `account` or names none (S3). */
function ownedBy(arn: string, account: string): boolean {
  const owner = arnSegments(arn)?.[4] ?? '';
  return owner === '' || owner === account;
}

/** Whether an identity policy's Allow matches (so a denial may be the resource's own policy missing). */
function grantsOnIdentity(relevant: readonly RelevantStatement[]): boolean {
  return relevant.some(
    (s) => s.compiled.statement.effect === 'Allow' && s.compiled.origin.layer === 'identity',
  );
}

/** The `Deny` statements that apply to `arn` only when a condition on an open key holds. */
function conditionalDenies(
  d: Decided,
  statements: readonly RelevantStatement[],
  base: RequestBase,
): RelevantStatement[] {
  return statements.filter((s) => {
    if (s.compiled.statement.effect !== 'Deny') return false;
    if (!s.compiled.clauses.some((c) => d.outcome.open.has(c.clause.key.toLowerCase()))) return false;
    const r = s.compiled.resource;
    return (
      (r === null || r.matches(d.arn, base.known)) && statementPatterns(s.compiled, base)?.negated === false
    );
  });
}

/** The compiled statements behind the matched Allow summaries of a result. */
function decidingStatements(
  outcome: RequestOutcome,
  statements: readonly RelevantStatement[],
): RelevantStatement[] {
  const out: RelevantStatement[] = [];
  for (const s of outcome.result?.statements ?? []) {
    if (!s.matched || s.effect !== 'Allow') continue;
    const found = statements.find(
      (r) =>
        r.compiled.origin.layer === s.layer &&
        r.compiled.origin.policy === s.policy &&
        r.compiled.statement.index === s.index,
    );
    if (found !== undefined) out.push(found);
  }
  return out;
}

/**
 * The narrowest of the allowing patterns that match `arn` (one per allowing statement, and the
 * query's): the one inside all others, or the identity policy's with the others it overlaps.
 */
function narrowestPattern(
  arn: string,
  deciding: readonly RelevantStatement[],
  input: SlotInput,
  witnesses: readonly string[],
  /** Patterns of the resource policy's own resource that match `arn`, when it allows. */
  bounds: readonly string[],
): { resource: string; within: string[] } {
  const candidates: string[] = [...bounds];
  for (const s of deciding) {
    const found = statementPatterns(s.compiled, input.base);
    if (found === null || found.negated) candidates.push('*');
    else candidates.push(found.patterns.find((p) => matches(p, arn)) ?? '*');
  }
  if (input.resource !== null) candidates.push(input.resource);
  const unique = [...new Set(candidates)];
  const narrowest = unique.find((q) => unique.every((c) => within(q, c, witnesses)));
  if (narrowest !== undefined) return { resource: narrowest, within: [] };
  const first = unique[0] ?? '*';
  return {
    resource: first,
    within: unique
      .slice(1)
      .filter((c) => !within(first, c, witnesses))
      .sort(),
  };
}

/** Patterns that explain why `arn` is denied: matching `Deny` resources, an allow's matching `NotResource`. */
function carveOuts(arn: string, statements: readonly RelevantStatement[], base: RequestBase): string[] {
  const out: string[] = [];
  for (const s of statements) {
    const found = statementPatterns(s.compiled, base);
    if (found === null) continue;
    const deny = s.compiled.statement.effect === 'Deny';
    if (deny && !found.negated) {
      for (const p of found.patterns) if (p !== '*' && matches(p, arn)) out.push(p);
    }
    if (!deny && found.negated) for (const p of found.patterns) if (matches(p, arn)) out.push(p);
  }
  return out;
}

/** The open conditions of an allowed request: the allowing statements' (`requires`), the denying ones' (`unless`). */
function openConditions(
  d: Decided,
  deciding: readonly RelevantStatement[],
  statements: readonly RelevantStatement[],
  base: RequestBase,
): OpenCondition[] {
  const out: OpenCondition[] = [];
  const add = (s: RelevantStatement, effect: OpenCondition['effect']) => {
    for (const clause of s.compiled.clauses) {
      if (!d.outcome.open.has(clause.clause.key.toLowerCase())) continue;
      out.push({
        effect,
        key: clause.clause.key,
        category: conditionCategory(clause.clause.key),
        operator: clause.clause.operator,
        values: clause.clause.values.map((v) => v.value),
        layer: s.compiled.origin.layer,
        policy: s.compiled.origin.policy,
        sid: s.compiled.statement.sid,
      });
    }
  };
  for (const s of deciding) add(s, 'requires');
  for (const s of statements) {
    if (s.compiled.statement.effect !== 'Deny') continue;
    const r = s.compiled.resource;
    if (r !== null && !r.matches(d.arn, base.known)) continue;
    // a Deny whose settled clauses already fail never applies
    if (
      s.compiled.clauses.some((c) => !d.outcome.open.has(c.clause.key.toLowerCase()) && !c.test(base.known))
    )
      continue;
    add(s, 'unless');
  }
  return out;
}
