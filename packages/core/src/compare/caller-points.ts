import { parseCaller } from '../engine/caller.js';
import { matchPrincipalEntry } from '../engine/principal-match.js';
import { buildRequestContext, type RequestContext } from '../engine/request-context.js';
import { parseArn } from '../matching/arn.js';
import type { PolicyStatement, PrincipalEntry } from '../policy/policy-model.js';
import type { KeyUse } from './key-space.js';

/**
 * The callers a comparison is evaluated for. Identity-style layers (identity, permissions boundary,
 * SCP) name no principal: one IAM role session stands for every caller, and the keys AWS derives from
 * the caller (`aws:PrincipalArn`...) vary like any other key. Resource-style layers (resource, RCP)
 * decide by `Principal`: the callers are the principals either policy names (a session of a named
 * role, a role of a named account, the named user, service, provider or canonical user), those that
 * `aws:PrincipalArn` and `aws:PrincipalAccount` conditions name, and a role session, a service and an
 * anonymous caller neither names; two callers that every `Principal` entry and every condition on a
 * derived key treat alike count once.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

/** A caller to evaluate with. */
export interface CallerPoint {
  readonly principal: string;
  readonly sessionIssuer?: string;
  /** The keys AWS derives from this caller. */
  readonly context: RequestContext;
}

/** The caller of identity-style comparisons: a session of a role no policy names. */
export const IDENTITY_CALLER = 'arn:aws:sts::111122223333:assumed-role/compared-role/session';

/**
 * The context keys AWS derives from the caller (see `buildRequestContext`); in resource-style layers
 * they come from the caller instead of varying.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export const CALLER_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:username',
  'aws:userid',
  'aws:principaltype',
  'aws:principalisawsservice',
  'aws:principalservicename',
]);

/** Derived keys every IAM role session carries, so never absent. */
export const SESSION_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:principalisawsservice',
]);

/** A caller and the keys AWS derives from it. */
export function callerPoint(principal: string, sessionIssuer?: string): CallerPoint {
  const caller = parseCaller(principal, sessionIssuer);
  return {
    principal,
    ...(sessionIssuer === undefined ? {} : { sessionIssuer }),
    context: buildRequestContext(caller, {}),
  };
}

/** Callers that a principal ARN or account names. */
function callersFor(value: string): CallerPoint[] {
  const text = value.replaceAll('*', 'other').replaceAll('?', 'x');
  if (/^\d{12}$/.test(text)) return [callerPoint(`arn:aws:sts::${text}:assumed-role/other-role/session`)];
  const arn = parseArn(text);
  if (arn === undefined) return [callerPoint(text)];
  const slash = arn.resource.indexOf('/');
  const type = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  if (arn.service === 'iam' && arn.resource === 'root') {
    return [
      callerPoint(`arn:${arn.partition}:sts::${arn.account}:assumed-role/other-role/session`),
      callerPoint(text),
    ];
  }
  if (arn.service === 'iam' && type === 'role') {
    return [callerPoint(`arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/session`, text)];
  }
  return [callerPoint(text)];
}

/**
 * The callers for resource-style layers, deduplicated by how every principal entry and every
 * condition on a derived key of both policies treats them.
 */
export function callerPoints(
  statements: readonly PolicyStatement[],
  callerKeyUses: readonly KeyUse[],
): CallerPoint[] {
  const entries: PrincipalEntry[] = statements.flatMap((s) => s.principal?.entries ?? []);
  const candidates: CallerPoint[] = [];
  for (const entry of entries) {
    if (entry.value === '*') continue;
    if (entry.type === 'AWS') for (const c of callersFor(entry.value)) candidates.push(c);
    else candidates.push(callerPoint(entry.value));
  }
  for (const use of callerKeyUses) {
    const key = use.clause.clause.key.toLowerCase();
    if (key !== 'aws:principalarn' && key !== 'aws:principalaccount') continue;
    for (const v of use.clause.clause.values) for (const c of callersFor(v.value)) candidates.push(c);
  }
  const named = new Set(entries.map((e) => e.value));
  let account = 999988887777;
  while ([...named].some((v) => v.includes(String(account)))) account -= 1;
  candidates.push(
    callerPoint(`arn:aws:sts::${account}:assumed-role/other-role/session`),
    callerPoint('example.amazonaws.com'),
    callerPoint('anonymous'),
  );
  const seen = new Set<string>();
  const out: CallerPoint[] = [];
  for (const candidate of candidates) {
    const caller = parseCaller(candidate.principal, candidate.sessionIssuer);
    let vector = entries.map((e) => matchPrincipalEntry(e, caller, candidate.context) ?? '-').join(',');
    for (const use of callerKeyUses) vector += use.clause.test(candidate.context) ? '1' : '0';
    if (seen.has(vector)) continue;
    seen.add(vector);
    out.push(candidate);
  }
  return out;
}
