/** The user or role behind a principal ARN, as live mode reads it. */

/** A user or role (of a session) named by an ARN; `null` for anything else. */
export function principalOf(arn: string): { type: 'role' | 'user'; name: string; account: string } | null {
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  if (session?.[1] !== undefined && session[2] !== undefined)
    return { type: 'role', name: session[2], account: session[1] };
  const iam = /^arn:[^:]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (iam?.[1] !== undefined && iam[3] !== undefined) {
    return { type: iam[2] === 'role' ? 'role' : 'user', name: iam[3], account: iam[1] };
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
