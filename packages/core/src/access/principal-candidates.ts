import type { Evidence } from '../evidence/evidence.js';
import { parseArn } from '../matching/arn.js';
import type { PolicyDocument } from '../policy/policy-model.js';

/**
 * The principals an access query evaluates: every IAM user and role of the account files, and the
 * principals a resource-based policy names that those files do not hold (another account, a user or
 * role of an account not given, a service, an identity provider, an S3 canonical user).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */

/** What kind of principal a row of an access query is. */
export type AccessPrincipalKind = 'user' | 'role' | 'account' | 'service' | 'federated' | 'canonical-user';

/**
 * Whose identity-based policies decide for the principal: read from an account file (`evidence`), held
 * by an account that was not given (`unknown`: the principal's own account must also allow), or none
 * (services, identity providers and canonical users have no identity policies).
 */
export type IdentityEvidence = 'evidence' | 'unknown' | 'none';

/** A principal to evaluate, and how the engine is asked about it. */
export interface AccessPrincipal {
  /** The principal as reported: a user or role ARN, an account's root ARN, a service or provider name. */
  readonly principal: string;
  readonly kind: AccessPrincipalKind;
  /** Its account; `null` for services, identity providers and canonical users. */
  readonly account: string | null;
  /** Where it was found: an account file, or only the resource-based policy. */
  readonly source: 'account' | 'resource-policy';
  readonly identity: IdentityEvidence;
  /**
   * The request's principal for the engine: the user's ARN; a session of the role; for an account, a
   * session of a role of that account standing for any of its principals; the service or provider.
   */
  readonly caller: string;
  /** The role ARN (with its path) behind `caller` when it is a role session. */
  readonly sessionIssuer: string | null;
}

/** The session name of the role sessions an access query evaluates. */
export const QUERY_SESSION = 'whydenied-query';

/** The role standing for every principal of an account named in a resource policy. */
export const ANY_ROLE = 'whydenied-any-principal';

/** A session of `roleArn` (`arn:aws:iam::…:role/path/name` → `arn:aws:sts::…:assumed-role/name/…`). */
export function roleSession(roleArn: string): string | null {
  const arn = parseArn(roleArn);
  if (arn === undefined || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return null;
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  return `arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/${QUERY_SESSION}`;
}

/** Every user and every role of the account files, in file order. */
export function accountPrincipals(evidence: Evidence): AccessPrincipal[] {
  const out: AccessPrincipal[] = [];
  for (const account of evidence.accounts) {
    for (const user of account.users) {
      out.push({
        principal: user.arn,
        kind: 'user',
        account: account.accountId,
        source: 'account',
        identity: 'evidence',
        caller: user.arn,
        sessionIssuer: null,
      });
    }
    for (const role of account.roles) {
      const session = roleSession(role.arn);
      if (session === null) continue;
      out.push({
        principal: role.arn,
        kind: 'role',
        account: account.accountId,
        source: 'account',
        identity: 'evidence',
        caller: session,
        sessionIssuer: role.arn,
      });
    }
  }
  return out;
}

/**
 * The principals the `Allow` statements of a resource-based policy name that the account files do not
 * hold. An account (`"AWS": "111122223333"` or its root ARN) delegates to all its principals (PRIN): it
 * is one row, evaluated as a session of a role of that account. `"*"` names no one in particular and
 * gives no row (`anyone` is true instead).
 */
export function resourcePolicyPrincipals(
  evidence: Evidence,
  document: PolicyDocument,
): { principals: AccessPrincipal[]; anyone: boolean } {
  const givenAccounts = new Set(evidence.accounts.map((a) => a.accountId));
  const held = new Set<string>();
  for (const account of evidence.accounts) {
    for (const user of account.users) held.add(user.arn);
    for (const role of account.roles) held.add(role.arn);
  }
  const out = new Map<string, AccessPrincipal>();
  let anyone = false;
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow' || statement.principal === null || statement.principal.negated) continue;
    for (const entry of statement.principal.entries) {
      const value = entry.value;
      if (out.has(value)) continue;
      if (entry.type === 'Service' || entry.type === 'Federated' || entry.type === 'CanonicalUser') {
        const kind =
          entry.type === 'Service' ? 'service' : entry.type === 'Federated' ? 'federated' : 'canonical-user';
        out.set(value, {
          principal: value,
          kind,
          account: null,
          source: 'resource-policy',
          identity: 'none',
          caller: value,
          sessionIssuer: null,
        });
        continue;
      }
      if (value === '*') {
        anyone = true;
        continue;
      }
      const found = awsPrincipal(value, givenAccounts, held);
      if (found !== null) out.set(value, found);
    }
  }
  return { principals: [...out.values()], anyone };
}

/** An `AWS` principal entry as a row, or `null` when the account files already hold it. */
function awsPrincipal(
  value: string,
  givenAccounts: ReadonlySet<string>,
  held: ReadonlySet<string>,
): AccessPrincipal | null {
  const account = /^\d{12}$/.test(value) ? value : null;
  const arn = account === null ? parseArn(value) : undefined;
  if (account !== null || (arn?.service === 'iam' && arn.resource === 'root')) {
    const id = account ?? (arn?.account as string);
    if (givenAccounts.has(id)) return null;
    const partition = arn?.partition ?? 'aws';
    const standIn = `arn:${partition}:iam::${id}:role/${ANY_ROLE}`;
    return {
      principal: `arn:${partition}:iam::${id}:root`,
      kind: 'account',
      account: id,
      source: 'resource-policy',
      identity: 'unknown',
      caller: roleSession(standIn) as string,
      sessionIssuer: standIn,
    };
  }
  if (arn === undefined || held.has(value)) return null;
  if (arn.service === 'iam' && arn.resource.startsWith('user/')) {
    return {
      principal: value,
      kind: 'user',
      account: arn.account,
      source: 'resource-policy',
      identity: 'unknown',
      caller: value,
      sessionIssuer: null,
    };
  }
  const session = roleSession(value);
  if (session !== null) {
    return {
      principal: value,
      kind: 'role',
      account: arn.account,
      source: 'resource-policy',
      identity: 'unknown',
      caller: session,
      sessionIssuer: value,
    };
  }
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
    return {
      principal: value,
      kind: 'role',
      account: arn.account,
      source: 'resource-policy',
      identity: 'unknown',
      caller: value,
      sessionIssuer: null,
    };
  }
  return null;
}
