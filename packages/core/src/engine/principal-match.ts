import { parseArn } from '../matching/arn.js';
import type { PrincipalElement, PrincipalEntry } from '../policy/policy-model.js';
import type { Caller } from './caller.js';
import type { RequestContext } from './request-context.js';

/**
 * How a resource-based policy names the caller, strongest first:
 * - `direct`: the caller itself (IAM user, role session, federated-user session, root, or the
 *   service / provider / canonical user making the call), or everyone (`*`): in the same account it
 *   is not limited by an implicit deny in identity policies, boundary or session policy (EVAL-DA,
 *   BOUND). For `*` AWS says so twice: "For IAM users and role principals within your account, no
 *   other permissions are required" (PRIN, All principals), and boundaries and session policies "do
 *   not limit permissions granted using the `aws:PrincipalArn` condition key with a wildcard(*) in
 *   the Principal element" (PRIN, IAM role principals; EVAL-DA). The session-policies section of
 *   POL contrasts only a grant to the role or user ARN (limited) with one to the session ARN (not
 *   limited); `*` names neither. For a federated-user session AWS describes only a grant that
 *   "specifically references the federated user session" (STS GetFederationToken): `*` is read as
 *   for a role session (unverified);
 * - `issuer`: the role behind a session, or the IAM user behind a federated user: limited by the
 *   boundary and session policy, not by an implicit deny in identity policies (EVAL-DA, POL);
 * - `account`: the caller's account (`"111122223333"` or `:root`): delegation, the identity
 *   policies must allow too (PRIN).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
export type PrincipalGrant = 'direct' | 'issuer' | 'account';

const RANK: Readonly<Record<PrincipalGrant, number>> = { direct: 3, issuer: 2, account: 1 };

/** The stronger of two grants. */
export function strongerGrant(a: PrincipalGrant | null, b: PrincipalGrant | null): PrincipalGrant | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

function typeAndName(resource: string): { type: string; name: string; rest: string } {
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  const rest = slash < 0 ? '' : resource.slice(slash + 1);
  const last = rest.lastIndexOf('/');
  return { type, name: last < 0 ? rest : rest.slice(last + 1), rest };
}

/**
 * How one `Principal` entry names the caller, or `null` when it does not. `"*"` (and `{"AWS": "*"}`,
 * the same) names every caller: AWS documents it as all users, anonymous ones included; that it
 * names a service principal too is this engine's reading. `{"Service": "*"}` is not a valid principal.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export function matchPrincipalEntry(
  entry: PrincipalEntry,
  caller: Caller,
  context: RequestContext,
): PrincipalGrant | null {
  const value = entry.value;
  if (value === '*') return entry.type === 'AWS' ? 'direct' : null;
  if (entry.type === 'Service')
    return caller.kind === 'service' && value.toLowerCase() === caller.principal ? 'direct' : null;
  if (entry.type === 'Federated')
    return caller.kind === 'federated' && value === caller.principal ? 'direct' : null;
  if (entry.type === 'CanonicalUser')
    return caller.kind === 'canonical-user' && value === caller.principal ? 'direct' : null;
  if (caller.account === null) return null;
  if (/^\d{12}$/.test(value)) return accountGrant(value, caller);
  const arn = parseArn(value);
  if (arn === undefined) return uniqueIdGrant(value, caller, context);
  if (arn.service === 'iam' && arn.resource === 'root') return accountGrant(arn.account, caller);
  if (arn.account !== caller.account) return null;
  const { type, name, rest } = typeAndName(arn.resource);
  if (arn.service === 'iam' && type === 'user') {
    if (caller.kind === 'user' && caller.name === name) return 'direct';
    if (
      caller.kind === 'federated-user' &&
      caller.issuerArn !== null &&
      sameNamed(caller.issuerArn, 'user', name)
    )
      return 'issuer';
    return null;
  }
  if (arn.service === 'iam' && type === 'role') {
    return (caller.kind === 'assumed-role' || caller.kind === 'role') && caller.name === name
      ? 'issuer'
      : null;
  }
  if (arn.service === 'sts' && type === 'assumed-role') {
    return caller.kind === 'assumed-role' && `${caller.name}/${caller.sessionName}` === rest
      ? 'direct'
      : null;
  }
  if (arn.service === 'sts' && type === 'federated-user') {
    return caller.kind === 'federated-user' && caller.name === rest ? 'direct' : null;
  }
  return null;
}

function sameNamed(arnText: string, type: string, name: string): boolean {
  const arn = parseArn(arnText);
  if (arn === undefined) return false;
  const parsed = typeAndName(arn.resource);
  return parsed.type === type && parsed.name === name;
}

function accountGrant(account: string, caller: Caller): PrincipalGrant | null {
  if (caller.account !== account) return null;
  return caller.kind === 'root' ? 'direct' : 'account';
}

/** A unique id (`AIDA…` user, `AROA…` role) left in a policy after its identity was deleted (PRIN). */
function uniqueIdGrant(value: string, caller: Caller, context: RequestContext): PrincipalGrant | null {
  const userid = context.get('aws:userid')?.values[0];
  if (userid === undefined) return null;
  if (value.startsWith('AIDA') && caller.kind === 'user') return userid === value ? 'direct' : null;
  if (value.startsWith('AROA') && (caller.kind === 'assumed-role' || caller.kind === 'role')) {
    return userid.startsWith(`${value}:`) || userid === value ? 'issuer' : null;
  }
  return null;
}

/** The result of matching a `Principal`/`NotPrincipal` element. */
export interface PrincipalOutcome {
  readonly matched: boolean;
  /** For `Principal`: how the strongest matching entry names the caller. */
  readonly grant: PrincipalGrant | null;
  /** The entries that named the caller (for the trace). */
  readonly matchedEntries: readonly PrincipalEntry[];
}

/**
 * Matches a `Principal` or `NotPrincipal` element. For `NotPrincipal` the caller is seen as each of
 * its identities (itself, the role or user behind a session, its account); the statement applies
 * unless every one of them is listed (NOTPRIN). A caller with a permissions boundary is never
 * excluded by `NotPrincipal`, whatever it lists (BOUND).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export function matchPrincipal(
  element: PrincipalElement,
  caller: Caller,
  context: RequestContext,
  hasBoundary = false,
): PrincipalOutcome {
  let grant: PrincipalGrant | null = null;
  const matchedEntries: PrincipalEntry[] = [];
  const grants = new Set<PrincipalGrant>();
  let wildcard = false;
  for (const entry of element.entries) {
    const g = matchPrincipalEntry(entry, caller, context);
    if (g === null) continue;
    matchedEntries.push(entry);
    grants.add(g);
    if (entry.value === '*') wildcard = true;
    grant = strongerGrant(grant, g);
  }
  if (!element.negated) return { matched: grant !== null, grant, matchedEntries };
  if (hasBoundary) return { matched: true, grant: null, matchedEntries };
  if (wildcard) return { matched: false, grant: null, matchedEntries };
  const needed: PrincipalGrant[] = ['direct'];
  if (caller.kind === 'role') needed[0] = 'issuer';
  else if (caller.issuerArn !== null) needed.push('issuer');
  if (caller.account !== null && caller.kind !== 'root') needed.push('account');
  const allListed = needed.every((g) => grants.has(g));
  return { matched: !allListed, grant: null, matchedEntries };
}
