import { parseCaller } from '@whydenied/core/engine';

/** The user or role behind a principal ARN, as live mode reads it: core's caller parser decides. */

/** A user or role (of a session) named by an ARN; `null` for anything else. */
export function principalOf(arn: string): { type: 'role' | 'user'; name: string; account: string } | null {
  const caller = parseCaller(arn);
  if (caller.name === null || caller.account === null) return null;
  if (caller.kind === 'user') return { type: 'user', name: caller.name, account: caller.account };
  if (caller.kind === 'role' || caller.kind === 'assumed-role') {
    return { type: 'role', name: caller.name, account: caller.account };
  }
  return null;
}

/** Whether two principal ARNs are the same user, or sessions (or the role) of the same role. */
export function sameIdentity(a: string, b: string): boolean {
  const x = principalOf(a);
  const y = principalOf(b);
  if (x === null || y === null) return a === b;
  return x.type === y.type && x.name === y.name && x.account === y.account;
}
