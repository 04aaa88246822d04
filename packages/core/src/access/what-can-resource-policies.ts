import type { ActionPoint } from '../compare/action-points.js';
import { type Caller, hasIdentityPolicies } from '../engine/caller.js';
import {
  type CompiledPolicySet,
  type CompiledStatement,
  compilePolicySet,
} from '../engine/compile-policy-set.js';
import { matchPrincipal } from '../engine/principal-match.js';
import type { RequestContext } from '../engine/request-context.js';
import type { Evidence } from '../evidence/evidence.js';
import type { MissingEvidence } from '../evidence/missing-evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { governs, policyHolderOf } from '../evidence/resource-policies.js';
import { isTrustAction } from '../evidence/resource-policy-for.js';
import { parseArn } from '../matching/arn.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { PolicyDocument } from '../policy/policy-model.js';

/**
 * The resource-based policies `what-can` evaluates: each one given in the evidence, and the trust
 * policy of each role of the account files, when one of its statements names the principal (its ARN,
 * the role behind its session, its account, `*`, or a `NotPrincipal` that leaves it out). Each comes
 * with the exact policy set AWS evaluates for a request on its resource (identity policies, boundary,
 * SCP and RCP levels, that policy), so that the engine applies AWS's rules: in the same account the
 * resource policy alone can grant, except a role's trust policy or a KMS key policy that names the
 * account (identity policies must allow too); across accounts both sides must allow.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
 */

/** One resource-based policy that can apply to the principal, with the set a request under it is decided with. */
export interface ResourcePolicyScope {
  /** The policy's name in its set (`bucket-policy:data`, `trust-policy:deploy`). */
  readonly name: string;
  /** The ARN it was given for (a role's ARN for a trust policy). */
  readonly arn: string;
  /** The account of its resources (the principal's when the ARN names none, as for S3). */
  readonly account: string;
  /** The identity policies, boundary, SCP and RCP levels, and this policy. */
  readonly set: CompiledPolicySet;
  /** Its statements whose `Principal` (or `NotPrincipal`) applies to the principal. */
  readonly applicable: readonly CompiledStatement[];
  /** Patterns of the resources it governs (the holder, what lies under it), for splitting and carve-outs. */
  readonly governed: readonly string[];
  /** The applicable `Allow` statements, as a document, for the action space. */
  readonly allows: PolicyDocument;
  /** Whether it is a role's trust policy (it governs the actions that assume or tag a session only). */
  readonly trust: boolean;
  /** What the evidence lacks for a request on its resource (the owner of a bucket, an RCP level...). */
  readonly missing: readonly MissingEvidence[];
  /** The service of the actions it can take part in (`s3`, `kms`...; `sts` for a trust policy). */
  readonly service: string;
}

/** The principal as the engine sees it. */
export interface ScopeCaller {
  readonly principal: string;
  readonly caller: Caller;
  readonly known: RequestContext;
  readonly account: string;
}

/** Every resource policy of the evidence (and role trust policy) with a statement that applies to the principal. */
export function resourcePolicyScopes(evidence: Evidence, who: ScopeCaller): ResourcePolicyScope[] {
  const out: ResourcePolicyScope[] = [];
  const given = new Set<string>();
  for (const p of evidence.resourcePolicies) {
    given.add(p.arn);
    const scope = namesPrincipal(p.document, who) ? scopeOf(evidence, who, p.arn) : null;
    if (scope !== null) out.push(scope);
  }
  for (const account of evidence.accounts)
    for (const role of account.roles) {
      if (given.has(role.arn) || role.trustPolicy === null || !namesPrincipal(role.trustPolicy, who))
        continue;
      const scope = scopeOf(evidence, who, role.arn);
      if (scope !== null) out.push(scope);
    }
  return out;
}

/**
 * Whether a statement of the document may apply to the principal (a `NotPrincipal` always may: with a
 * permissions boundary it never excludes): a cheap test before its policy set is assembled, so that
 * the trust policies of an account's many roles that name services only cost one parse each.
 */
function namesPrincipal(document: unknown, who: ScopeCaller): boolean {
  const parsed = parsePolicy(document);
  if (!parsed.ok) return true;
  return parsed.value.statements.some(
    (s) => s.principal !== null && matchPrincipal(s.principal, who.caller, who.known, true).matched,
  );
}

function scopeOf(evidence: Evidence, who: ScopeCaller, arn: string): ResourcePolicyScope | null {
  const parsed = parseArn(arn);
  if (parsed === undefined) return null;
  const trust = parsed.service === 'iam' && parsed.resource.startsWith('role/');
  const service = trust ? 'sts' : parsed.service;
  const found = policySetFor(evidence, {
    principal: who.principal,
    action: trust ? 'sts:AssumeRole' : `${service}:*`,
    resource: arn,
  });
  const name = found.input.resourcePolicy?.name;
  if (name === undefined) return null;
  const compiled = compilePolicySet(found.input);
  if (!compiled.ok || compiled.value.resource === null) return null;
  const set = compiled.value;
  const { statements, document } = compiled.value.resource;
  const hasBoundary = set.boundary !== null && hasIdentityPolicies(who.caller);
  const applicable = statements.filter(
    (s) =>
      s.statement.principal !== null &&
      matchPrincipal(s.statement.principal, who.caller, who.known, hasBoundary).matched,
  );
  if (applicable.length === 0) return null;
  return {
    name,
    arn,
    account: parsed.account || who.account,
    set,
    applicable,
    governed: governedPatterns(arn),
    allows: {
      ...document,
      statements: applicable.filter((s) => s.statement.effect === 'Allow').map((s) => s.statement),
    },
    trust,
    service,
    missing: found.missing,
  };
}

/** What lies under a holder, by service: a bucket's objects, a table's indexes and streams, a function's qualifiers, a secret's suffix. */
const UNDER: Readonly<Record<string, (holder: string) => string>> = {
  s3: (h) => `${h}/*`,
  dynamodb: (h) => `${h}/*`,
  lambda: (h) => `${h}:*`,
  secretsmanager: (h) => `${h}-??????`,
};

/** The holder's ARN and the pattern of what lies under it (only the holder for keys, queues, topics...). */
function governedPatterns(arn: string): string[] {
  const held = policyHolderOf(arn);
  if (held === undefined) return [arn];
  const under = UNDER[held.kind.service];
  return under === undefined ? [held.holder] : [held.holder, under(held.holder)];
}

/** Whether a scope's policy can take part in a request for `action` (its service; a trust policy's actions). */
export function scopeConcerns(scope: ResourcePolicyScope, action: ActionPoint): boolean {
  if (scope.trust ? !isTrustAction(action.lower) : action.service !== scope.service) return false;
  return scope.applicable.some((s) => s.matchesAction(action.lower));
}

/**
 * Finds the scope whose policy governs an ARN, as `resourcePolicyFor` finds it: the one given for the
 * ARN itself, else the one given for the resource that carries its policy (indexed once: an account's
 * roles may each have a trust policy that names the principal).
 */
export function governingScope<T extends { readonly scope: ResourcePolicyScope }>(
  scopes: readonly T[],
): (arn: string) => T | undefined {
  const byArn = new Map<string, T>();
  for (const s of scopes) if (!byArn.has(s.scope.arn)) byArn.set(s.scope.arn, s);
  const held = scopes.filter((s) => !s.scope.trust);
  return (arn) => byArn.get(arn) ?? held.find((s) => governs(s.scope.arn, arn));
}
