import { parseArn } from '../matching/arn.js';

/**
 * What kind of caller made a request, as read from its principal string.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
export type CallerKind =
  | 'root'
  | 'user'
  | 'role'
  | 'assumed-role'
  | 'federated-user'
  | 'service'
  | 'federated'
  | 'canonical-user'
  | 'anonymous'
  | 'unknown';

/** The caller of a request, parsed once from its principal string. */
export interface Caller {
  readonly kind: CallerKind;
  /** The principal as given. */
  readonly principal: string;
  readonly partition: string;
  /** The caller's account, `null` for service, federated, canonical and anonymous callers. */
  readonly account: string | null;
  /** User name, role name, or federated-user name. */
  readonly name: string | null;
  /** Session name of an assumed-role session. */
  readonly sessionName: string | null;
  /** Role ARN behind an assumed-role session, or IAM user ARN behind a federated user, when known. */
  readonly issuerArn: string | null;
  /** True for service-linked roles (role path `/aws-service-role/` or name `AWSServiceRoleFor…`). */
  readonly serviceLinked: boolean;
}

const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

function isCanonicalUserId(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const hex = c >= 97 && c <= 102;
    if (!digit && !hex) return false;
  }
  return true;
}

function lastSegment(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

function base(principal: string, kind: CallerKind): Caller {
  return {
    kind,
    principal,
    partition: 'aws',
    account: null,
    name: null,
    sessionName: null,
    issuerArn: null,
    serviceLinked: false,
  };
}

/**
 * Reads the caller from a principal string: IAM ARNs (root, user, role, assumed-role,
 * federated-user), service principals, identity providers, canonical user ids and `anonymous`.
 * `sessionIssuer` overrides the role or user ARN behind a session.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function parseCaller(principal: string, sessionIssuer?: string): Caller {
  if (principal === 'anonymous' || principal === '*') return base(principal, 'anonymous');
  if (WEB_IDENTITY_PROVIDERS.has(principal)) return base(principal, 'federated');
  if (isCanonicalUserId(principal)) return base(principal, 'canonical-user');
  const arn = parseArn(principal);
  if (arn === undefined) {
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) return base(principal, 'service');
    if (/^\d{12}$/.test(principal)) return rootOf(principal, 'aws');
    return base(principal, 'unknown');
  }
  const common = { principal, partition: arn.partition, account: arn.account };
  const slash = arn.resource.indexOf('/');
  const type = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const rest = slash < 0 ? '' : arn.resource.slice(slash + 1);
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return rootOf(arn.account, arn.partition, principal);
    if (type === 'user') {
      return { ...base(principal, 'user'), ...common, name: lastSegment(rest) };
    }
    if (type === 'role') {
      const name = lastSegment(rest);
      const serviceLinked = rest.startsWith('aws-service-role/') || name.startsWith('AWSServiceRoleFor');
      return { ...base(principal, 'role'), ...common, name, issuerArn: principal, serviceLinked };
    }
    if (type === 'saml-provider' || type === 'oidc-provider') return base(principal, 'federated');
  }
  if (arn.service === 'sts') {
    if (type === 'assumed-role') {
      const cut = rest.indexOf('/');
      const role = cut < 0 ? rest : rest.slice(0, cut);
      const sessionName = cut < 0 ? null : rest.slice(cut + 1);
      const issuerArn = sessionIssuer ?? `arn:${arn.partition}:iam::${arn.account}:role/${role}`;
      const serviceLinked =
        role.startsWith('AWSServiceRoleFor') || issuerArn.includes(':role/aws-service-role/');
      return {
        ...base(principal, 'assumed-role'),
        ...common,
        name: role,
        sessionName,
        issuerArn,
        serviceLinked,
      };
    }
    if (type === 'federated-user') {
      return {
        ...base(principal, 'federated-user'),
        ...common,
        name: rest,
        issuerArn: sessionIssuer ?? null,
      };
    }
  }
  return { ...base(principal, 'unknown'), ...common };
}

function rootOf(
  account: string,
  partition: string,
  principal = `arn:${partition}:iam::${account}:root`,
): Caller {
  return { ...base(principal, 'root'), partition, account };
}

/** True when the caller acts with IAM identity-based permissions (users, roles, sessions). */
export function hasIdentityPolicies(caller: Caller): boolean {
  return (
    caller.kind === 'user' ||
    caller.kind === 'role' ||
    caller.kind === 'assumed-role' ||
    caller.kind === 'federated-user'
  );
}

/** True when the caller is a principal of an AWS account (so SCPs and cross-account rules apply). */
export function isAccountPrincipal(caller: Caller): boolean {
  return caller.kind === 'root' || hasIdentityPolicies(caller);
}
