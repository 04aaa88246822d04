import type { NamedPolicyInput, PolicySetInput } from '../engine/compile-policy-set.js';
import type { LayerName } from '../engine/layers.js';
import type { AuthorizationRequest, ContextValue } from '../engine/request.js';
import { parsePrincipal } from '../errors/principal.js';
import type { FixTarget } from '../fix/fix-model.js';
import { parseArn } from '../matching/arn.js';
import type { Evidence } from './evidence.js';
import { type MissingEvidence, missingEvidence } from './missing-evidence.js';
import { type OrgLevel, orgLevelsFor, rcpCovers } from './org-levels.js';
import type { OrgSnapshot } from './parse-organization.js';
import type { EntityRef, PolicyOrigin, PolicyProvenance } from './provenance.js';
import type { RawRecord } from './raw-reader.js';
import { type IdentityPolicy, type ResolvedIdentity, resolveIdentity } from './resolve-identity.js';
import { resourcePolicyFor } from './resource-policy-for.js';

/** The policies the engine evaluates for one request, each traced back to where it came from. */
export interface EvidencePolicySet {
  /** The engine's input (the `simulate` case shape), named so that findings can print the names. */
  readonly input: PolicySetInput;
  /** Each policy name of `input` → its origin and the target a fix must change. */
  readonly provenance: ReadonlyMap<string, PolicyProvenance>;
  /**
   * Context keys the evidence tells: `aws:PrincipalTag/*` from the principal's tags, `aws:userid`, and the
   * organization keys of a principal whose account the snapshot places.
   */
  readonly contextFromEvidence: Readonly<Record<string, ContextValue>>;
  /** The role ARN (with its path) behind an assumed-role session, when the evidence holds the role. */
  readonly sessionIssuer: string | null;
  /** The request ready for the engine: the evidence's context, then `--context` values, which win. */
  readonly request: AuthorizationRequest;
  /** The identity behind the principal, when found. */
  readonly identity: ResolvedIdentity | null;
  /** What the evidence lacks, with the command that supplies each piece. */
  readonly missing: readonly MissingEvidence[];
}

/**
 * What is known of a policy's {@link FixTarget} as the evidence reads it; the rest comes with its name
 * in the set. Without a `policyName`, the policy is called by that name (resource policies).
 */
type KnownFix = Pick<FixTarget, 'kind' | 'operation' | 'owner' | 'target' | 'account'> & {
  readonly policyName?: string;
};

/** Allocates unique, readable policy names and records each one's provenance. */
class PolicyBook {
  readonly provenance = new Map<string, PolicyProvenance>();

  /** `preferred` when free, else `fallback`, else `fallback #2`, `#3`... */
  add(
    preferred: string,
    fallback: string,
    layer: LayerName,
    origin: PolicyOrigin,
    known: KnownFix,
    document: RawRecord,
  ): NamedPolicyInput {
    let name = preferred;
    if (this.provenance.has(name)) name = fallback;
    for (let n = 2; this.provenance.has(name); n++) name = `${fallback} #${n}`;
    const fix: FixTarget = {
      // a role's trust policy takes the resource-policy slot in the engine; the contract names it apart
      layer: origin.kind === 'trust-policy' ? 'trust-policy' : layer,
      kind: known.kind,
      operation: known.operation,
      owner: known.owner,
      target: known.target,
      account: known.account,
      setName: name,
      policyName: known.policyName ?? name,
      document,
      ...(origin.kind === 'scp' || origin.kind === 'rcp' ? { level: origin.level } : {}),
    };
    this.provenance.set(name, { name, layer, origin, fix });
    return { name, document };
  }
}

/**
 * Assembles, from the evidence, the exact policy set AWS evaluates for a request: the identity's
 * inline and managed policies (a user's with its groups'), its permissions boundary, the SCP levels
 * of the principal's account and the RCP levels of the resource's account (root → OUs → account,
 * the management account exempt), and the resource-based policy (given with `--resource-policy`,
 * matched by ARN or by the resource that carries it; a role's trust policy for `sts:AssumeRole*`).
 * Each policy gets a unique name and its provenance; what the evidence lacks is listed in `missing`.
 * Only who (`principal`), what (`action`) and on what (`resource`) of the request choose the set.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
export function policySetFor(
  evidence: Evidence,
  request: Pick<AuthorizationRequest, 'principal' | 'action' | 'resource'>,
): EvidencePolicySet {
  const book = new PolicyBook();
  const missing: MissingEvidence[] = [];
  const input: { -readonly [K in keyof PolicySetInput]: PolicySetInput[K] } = {};

  const resolution = resolveIdentity(evidence, request.principal);
  const identity = resolution.found ? resolution.identity : null;
  for (const m of resolution.found ? resolution.identity.missing : resolution.missing) missing.push(m);
  if (identity !== null) {
    input.identityPolicies = identityPolicies(book, identity.policies);
    const boundary = identity.boundary;
    if (
      boundary?.document &&
      identity.entity !== null &&
      boundary.account !== null &&
      boundary.pointer !== null
    ) {
      const origin: PolicyOrigin = {
        kind: 'permissions-boundary',
        policyName: boundary.name,
        arn: boundary.arn,
        versionId: boundary.versionId,
        awsManaged: boundary.awsManaged,
        attachedTo: [identity.entity],
        account: boundary.account,
        pointer: boundary.pointer,
      };
      input.permissionsBoundary = book.add(
        boundary.name,
        `boundary:${boundary.name}`,
        'permissions-boundary',
        origin,
        managedFix(boundary.arn, boundary.name, boundary.awsManaged, identity.entity),
        boundary.document,
      );
    }
  }

  const principal = parsePrincipal(request.principal);
  const callerAccount = identity?.account ?? principal.account;
  const org = evidence.organization;
  if (org?.managementAccountId) input.managementAccountId = org.managementAccountId;
  // SCPs bound the principals of member accounts (root users included), not services or anonymous callers
  if (callerAccount !== null && principal.kind !== 'service' && principal.kind !== 'anonymous') {
    const scps = orgLevelsFor(org, callerAccount, 'SERVICE_CONTROL_POLICY');
    for (const m of scps.missing) missing.push(m);
    if (scps.levels !== null) input.scps = levelPolicies(book, scps.levels, 'scp', org);
  }

  const resourceArn = parseArn(request.resource);
  let resourceAccount = resourceArn?.account || null;
  if (resourceArn !== undefined && resourceAccount === null) {
    const given = contextString(evidence.context, 'aws:ResourceAccount', 's3:ResourceAccount');
    if (given !== null) {
      resourceAccount = given;
      input.resourceAccount = given;
    } else if (resourceArn.service === 's3' && callerAccount !== null) {
      const bucket = resourceArn.resource.split('/')[0] ?? '';
      missing.push(
        missingEvidence('resource-account-unknown', {
          subject: request.resource,
          account: callerAccount,
          name: bucket,
        }),
      );
    }
  }
  // RCPs bound the resources of member accounts for the services they cover (STS: a role's AssumeRole*);
  // the engine takes an unknown owner to be the caller's account
  const rcpAccount = resourceAccount ?? callerAccount;
  const service = request.action.slice(0, Math.max(0, request.action.indexOf(':'))).toLowerCase();
  if (resourceArn !== undefined && rcpAccount !== null && rcpCovers(service)) {
    const rcps = orgLevelsFor(org, rcpAccount, 'RESOURCE_CONTROL_POLICY');
    for (const m of rcps.missing) missing.push(m);
    if (rcps.levels !== null) input.rcps = levelPolicies(book, rcps.levels, 'rcp', org);
  }

  const resource = resourcePolicyFor(evidence, request.action, request.resource);
  for (const m of resource.missing) missing.push(m);
  if (resource.policy !== null) {
    const { name, origin, fix, document } = resource.policy;
    input.resourcePolicy = book.add(name, `resource:${name}`, 'resource', origin, fix, document);
  }

  const contextFromEvidence = {
    ...(identity === null ? {} : principalContext(identity)),
    ...organizationContext(org, principal.kind, callerAccount),
  };
  const sessionIssuer =
    identity !== null && principal.kind === 'assumed-role' && identity.entity?.type === 'role'
      ? identity.entity.arn
      : null;
  const merged: AuthorizationRequest = {
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    context: { ...contextFromEvidence, ...evidence.context },
    ...(sessionIssuer === null ? {} : { sessionIssuer }),
  };
  return {
    input,
    provenance: book.provenance,
    contextFromEvidence,
    sessionIssuer,
    request: merged,
    identity,
    missing,
  };
}

/** Names and provenance of identity policies; a managed policy attached several times is evaluated once. */
function identityPolicies(book: PolicyBook, policies: readonly IdentityPolicy[]): NamedPolicyInput[] {
  const out: NamedPolicyInput[] = [];
  const managed = new Map<string, EntityRef[]>();
  for (const p of policies) {
    if (p.kind === 'managed') {
      const arn = p.arn ?? p.name;
      const owners = managed.get(arn);
      if (owners !== undefined) {
        if (!owners.some((o) => o.arn === p.owner.arn)) owners.push(p.owner);
        continue;
      }
      const attachedTo = [p.owner];
      managed.set(arn, attachedTo);
      const origin: PolicyOrigin = {
        kind: 'managed',
        policyName: p.name,
        arn,
        versionId: p.versionId ?? null,
        awsManaged: p.awsManaged === true,
        attachedTo,
        account: p.account,
        pointer: p.pointer,
      };
      const fix = managedFix(arn, p.name, p.awsManaged === true, p.owner);
      out.push(book.add(p.name, arn, 'identity', origin, fix, p.document));
      continue;
    }
    const kind = p.kind;
    const preferred =
      kind === 'inline-group' ? `group:${p.owner.name}/${p.name}` : `${p.owner.name}/${p.name}`;
    const origin: PolicyOrigin = {
      kind,
      policyName: p.name,
      owner: p.owner,
      account: p.account,
      pointer: p.pointer,
    };
    const operation =
      kind === 'inline-user' ? 'PutUserPolicy' : kind === 'inline-group' ? 'PutGroupPolicy' : 'PutRolePolicy';
    const fix: KnownFix = {
      kind: `${kind}-policy`,
      operation,
      target: p.owner.arn,
      owner: 'account',
      account: p.account,
      policyName: p.name,
    };
    out.push(book.add(preferred, `${p.owner.type}:${preferred}`, 'identity', origin, fix, p.document));
  }
  return out;
}

/**
 * The fix target of a managed policy: a new default version of a customer managed policy; for an
 * AWS managed policy, which cannot be edited, the entity it is attached to (add a policy there).
 */
function managedFix(arn: string, name: string, awsManaged: boolean, attachedTo: EntityRef): KnownFix {
  if (awsManaged) {
    const account = parseArn(attachedTo.arn)?.account ?? null;
    return {
      kind: 'managed-policy',
      operation: null,
      target: attachedTo.arn,
      owner: 'account',
      account,
      policyName: name,
    };
  }
  return {
    kind: 'managed-policy',
    operation: 'CreatePolicyVersion',
    target: arn,
    owner: 'account',
    account: parseArn(arn)?.account ?? null,
    policyName: name,
  };
}

/** The engine's SCP or RCP levels, each policy named `scp:<id> <name>` (with `@<target>` if attached at several levels). */
function levelPolicies(
  book: PolicyBook,
  levels: readonly OrgLevel[],
  layer: Extract<LayerName, 'scp' | 'rcp'>,
  org: OrgSnapshot | null,
): NamedPolicyInput[][] {
  return levels.map((level, index) =>
    level.policies.map((p) => {
      const preferred = `${layer}:${p.id} ${p.name}`;
      const origin: PolicyOrigin = {
        kind: layer,
        policyId: p.id,
        policyName: p.name,
        attachedAt: level.target,
        level: index,
        pointer: p.pointer,
      };
      const fix: KnownFix = {
        kind: layer,
        operation: 'UpdatePolicy',
        target: p.id,
        owner: 'organization',
        account: org?.managementAccountId ?? null,
        policyName: p.name,
      };
      return book.add(preferred, `${preferred} @${level.target}`, layer, origin, fix, p.document);
    }),
  );
}

/** Principals of an account, the kinds AWS sends the organization keys for. */
const ACCOUNT_PRINCIPALS: ReadonlySet<string> = new Set([
  'user',
  'role',
  'assumed-role',
  'federated-user',
  'root',
]);

/**
 * `aws:PrincipalOrgID` and `aws:PrincipalOrgPaths` of a principal whose account the snapshot places in
 * the organization (its path: the organization, the root and each OU, `/` after each). AWS sends them
 * only for principals of member accounts; for an account the snapshot does not place, or a snapshot
 * without the organization's id, nothing is known and the keys stay unknown (not absent). The
 * management account is in the organization; its path is known only when the snapshot lists its parents.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
 */
function organizationContext(
  org: OrgSnapshot | null | undefined,
  kind: string,
  account: string | null,
): Record<string, ContextValue> {
  const id = org?.organizationId ?? null;
  if (org == null || id === null || account === null || !ACCOUNT_PRINCIPALS.has(kind)) return {};
  const parents = org.targets[account];
  if (parents !== undefined) {
    return { 'aws:PrincipalOrgID': id, 'aws:PrincipalOrgPaths': [`${id}/${parents.join('/')}/`] };
  }
  return account === org.managementAccountId ? { 'aws:PrincipalOrgID': id } : {};
}

/** `aws:PrincipalTag/<key>` for each tag of the user or role, and `aws:userid` where the unique id is known. */
function principalContext(identity: ResolvedIdentity): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(identity.tags)) context[`aws:PrincipalTag/${key}`] = value;
  if (identity.id !== null) {
    const info = parsePrincipal(identity.principal);
    if (info.kind === 'user') context['aws:userid'] = identity.id;
    else if (info.kind === 'assumed-role' && identity.sessionName !== null)
      context['aws:userid'] = `${identity.id}:${identity.sessionName}`;
  }
  return context;
}

/** The first of `keys` given in the context (key names are case-insensitive) as a single value. */
function contextString(context: Readonly<Record<string, ContextValue>>, ...keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(context)) {
    if (wanted.has(key.toLowerCase()) && typeof value === 'string') return value;
  }
  return null;
}
