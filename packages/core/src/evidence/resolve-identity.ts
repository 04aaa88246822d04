import { parsePrincipal } from '../errors/principal.js';
import { parseArn } from '../matching/arn.js';
import type { AccountSnapshot, IamEntity, IamRole, IamUser, ManagedPolicy } from './account-model.js';
import type { Evidence } from './evidence.js';
import { type MissingEvidence, missingEvidence } from './missing-evidence.js';
import type { EntityRef } from './provenance.js';
import type { RawRecord } from './raw-reader.js';

/** One identity-based policy of a user or role, with the entity it is embedded in or attached to. */
export interface IdentityPolicy {
  readonly kind: 'inline-user' | 'inline-role' | 'inline-group' | 'managed';
  /** The policy's own name (`PolicyName`). */
  readonly name: string;
  /** The managed policy's ARN. */
  readonly arn?: string;
  /** The user or role it is embedded in, or the user, role or group it is attached to. */
  readonly owner: EntityRef;
  /** The managed policy's default version id. */
  readonly versionId?: string;
  readonly awsManaged?: boolean;
  readonly document: RawRecord;
  /** The account whose `--account` file held the document, and the document's pointer in it. */
  readonly account: string;
  readonly pointer: string;
}

/** A permissions boundary: its ARN always, its document when the evidence holds it. */
export interface ResolvedBoundary {
  readonly arn: string;
  readonly name: string;
  readonly versionId: string | null;
  readonly awsManaged: boolean;
  /** `null` when the managed policy is not in the `--account` files (see `missing`). */
  readonly document: RawRecord | null;
  readonly account: string | null;
  readonly pointer: string | null;
}

/** How the principal was matched to the evidence. */
export type IdentityMatch = 'user' | 'role' | 'instance-profile' | 'root' | 'federated-user';

/** The identity behind a principal, with everything the evidence says about its permissions. */
export interface ResolvedIdentity {
  readonly kind: 'user' | 'role' | 'root' | 'federated-user';
  readonly matchedBy: IdentityMatch;
  /** The principal as given. */
  readonly principal: string;
  readonly account: string;
  /** The IAM user or role (with its path in the ARN); `null` for root and federated users. */
  readonly entity: EntityRef | null;
  /** The unique id (`AIDA…`, `AROA…`), when the file gives it. */
  readonly id: string | null;
  /** The session name of an assumed-role session (an instance id for instance-profile sessions). */
  readonly sessionName: string | null;
  readonly policies: readonly IdentityPolicy[];
  readonly boundary: ResolvedBoundary | null;
  /** Tags of the user or role, the source of `aws:PrincipalTag/*`. */
  readonly tags: Readonly<Record<string, string>>;
  /** The role's trust policy. */
  readonly trustPolicy: RawRecord | null;
  /** The groups of a user that the evidence holds. */
  readonly groups: readonly EntityRef[];
  /** What the evidence lacks about this identity (missing groups, managed policy documents...). */
  readonly missing: readonly MissingEvidence[];
}

/** The identity, or why the evidence does not hold it and what would. */
export type IdentityResolution =
  | { readonly found: true; readonly identity: ResolvedIdentity }
  | { readonly found: false; readonly missing: readonly MissingEvidence[] };

/**
 * Finds the identity behind a principal in the evidence: an IAM user; the role of an assumed-role
 * session (by role name within the account, whatever its path, so IAM Identity Center roles under
 * `/aws-reserved/sso.amazonaws.com/` and instance-profile sessions `…/i-0abc…` are found too; by
 * instance profile name when no role has that name); a role or instance profile ARN; the account
 * root; a federated user (whose federating IAM user the ARN does not tell). Returns the identity's
 * policies with their provenance, its boundary, tags, trust policy and groups.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
export function resolveIdentity(evidence: Evidence, principalArn: string): IdentityResolution {
  const info = parsePrincipal(principalArn);
  // services and anonymous callers have no identity-based policies to look up
  if (info.kind === 'service' || info.kind === 'anonymous') return { found: false, missing: [] };
  const profile = instanceProfileOf(principalArn);
  const accountId = profile?.account ?? info.account;
  if (accountId === null || (info.kind === 'unknown' && profile === undefined)) {
    return {
      found: false,
      missing: [missingEvidence('principal-account-unknown', { subject: principalArn })],
    };
  }
  const base = { principal: principalArn, account: accountId, sessionName: info.sessionName };
  if (info.kind === 'root') return { found: true, identity: bare(base, 'root') };
  const snapshot = evidence.accounts.find((a) => a.accountId === accountId);
  if (info.kind === 'federated-user') {
    const missing = [
      missingEvidence('federated-user-issuer-unknown', { subject: principalArn }),
      missingEvidence('session-policy-unknown', { subject: principalArn }),
    ];
    return { found: true, identity: { ...bare(base, 'federated-user'), missing } };
  }
  if (snapshot === undefined) {
    return {
      found: false,
      missing: [missingEvidence('account-details-missing', { subject: principalArn, account: accountId })],
    };
  }
  const notFound = (kind: string, name: string): IdentityResolution => {
    const missing = [
      missingEvidence('principal-not-found', { subject: principalArn, account: accountId, kind, name }),
    ];
    if (snapshot.truncated)
      missing.push(missingEvidence('account-details-truncated', { subject: accountId, account: accountId }));
    return { found: false, missing };
  };
  if (info.kind === 'user') {
    const user = findByName(snapshot.users, info.name ?? '');
    return user
      ? { found: true, identity: ofUser(evidence, snapshot, user, base) }
      : notFound('user', info.name ?? '');
  }
  if (profile !== undefined) {
    const role = roleOfInstanceProfile(snapshot, profile.name);
    return role
      ? { found: true, identity: ofRole(evidence, snapshot, role, base, 'instance-profile') }
      : notFound('instance profile', profile.name);
  }
  // a role ARN, or an assumed-role session (Identity Center and instance-profile sessions included)
  const name = info.name ?? '';
  const role = findByName(snapshot.roles, name);
  if (role) return { found: true, identity: ofRole(evidence, snapshot, role, base, 'role') };
  const viaProfile = roleOfInstanceProfile(snapshot, name);
  if (viaProfile)
    return { found: true, identity: ofRole(evidence, snapshot, viaProfile, base, 'instance-profile') };
  return notFound('role', name);
}

interface Base {
  readonly principal: string;
  readonly account: string;
  readonly sessionName: string | null;
}

function bare(base: Base, kind: 'root' | 'federated-user'): ResolvedIdentity {
  return {
    ...base,
    kind,
    matchedBy: kind,
    entity: null,
    id: null,
    policies: [],
    boundary: null,
    tags: {},
    trustPolicy: null,
    groups: [],
    missing: [],
  };
}

/** The account and name of an `arn:…:iam::ACCOUNT:instance-profile/path/NAME` principal. */
function instanceProfileOf(principal: string): { account: string; name: string } | undefined {
  const arn = parseArn(principal);
  if (arn?.service !== 'iam' || !arn.resource.startsWith('instance-profile/')) return undefined;
  return { account: arn.account, name: arn.resource.slice(arn.resource.lastIndexOf('/') + 1) };
}

/** Each entity list's entities by exact name and by lower-cased name (the first of each), built once. */
const nameIndex = new WeakMap<
  readonly IamEntity[],
  { exact: Map<string, IamEntity>; lower: Map<string, IamEntity> }
>();

/** IAM names are unique case-insensitively: an exact match first, then one ignoring case. */
function findByName<T extends IamEntity>(entities: readonly T[], name: string): T | undefined {
  let index = nameIndex.get(entities);
  if (index === undefined) {
    index = { exact: new Map(), lower: new Map() };
    for (const e of entities) {
      if (!index.exact.has(e.name)) index.exact.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (!index.lower.has(lower)) index.lower.set(lower, e);
    }
    nameIndex.set(entities, index);
  }
  return (index.exact.get(name) ?? index.lower.get(name.toLowerCase())) as T | undefined;
}

function roleOfInstanceProfile(snapshot: AccountSnapshot, profileName: string): IamRole | undefined {
  return snapshot.roles.find((r) => r.instanceProfiles.some((p) => p.name === profileName));
}

const refOf = (type: EntityRef['type'], e: IamEntity): EntityRef => ({ type, name: e.name, arn: e.arn });

/** Managed policies of every account file by ARN (AWS managed ones may be in any of them). */
const managedIndex = new WeakMap<Evidence, Map<string, { policy: ManagedPolicy; account: string }>>();

function managedPolicy(evidence: Evidence, arn: string) {
  let index = managedIndex.get(evidence);
  if (index === undefined) {
    index = new Map();
    for (const account of evidence.accounts) {
      for (const policy of account.managedPolicies) {
        const known = index.get(policy.arn);
        if (known === undefined || (known.policy.document === null && policy.document !== null))
          index.set(policy.arn, { policy, account: account.accountId });
      }
    }
    managedIndex.set(evidence, index);
  }
  return index.get(arn);
}

/** Collects an entity's inline and attached policies, recording the managed policies the evidence lacks. */
class PolicyCollector {
  readonly policies: IdentityPolicy[] = [];
  readonly missing: MissingEvidence[] = [];

  constructor(
    private readonly evidence: Evidence,
    private readonly account: string,
  ) {}

  add(entity: IamEntity, owner: EntityRef, inlineKind: IdentityPolicy['kind']): void {
    for (const p of entity.inlinePolicies) {
      this.policies.push({
        kind: inlineKind,
        name: p.name,
        owner,
        document: p.document,
        account: this.account,
        pointer: p.pointer,
      });
    }
    for (const attached of entity.attachedPolicies) {
      const found = this.managed(attached.arn);
      if (found === undefined) continue;
      const { policy, account, document } = found;
      this.policies.push({
        kind: 'managed',
        name: policy.name,
        arn: policy.arn,
        owner,
        ...(policy.defaultVersionId === null ? {} : { versionId: policy.defaultVersionId }),
        awsManaged: policy.awsManaged,
        document,
        account,
        pointer: policy.pointer,
      });
    }
  }

  /** The managed policy with its default document, or `undefined` with a missing-evidence entry. */
  managed(arn: string): { policy: ManagedPolicy; account: string; document: RawRecord } | undefined {
    const found = managedPolicy(this.evidence, arn);
    const aws = parseArn(arn)?.account === 'aws';
    if (found === undefined) {
      if (!this.missing.some((m) => m.subject === arn))
        this.missing.push(
          missingEvidence('managed-policy-missing', { subject: arn, kind: aws ? 'aws' : 'customer' }),
        );
      return undefined;
    }
    if (found.policy.document === null) {
      if (!this.missing.some((m) => m.subject === arn))
        this.missing.push(missingEvidence('managed-policy-version-missing', { subject: arn }));
      return undefined;
    }
    return { ...found, document: found.policy.document };
  }

  boundary(arn: string | undefined): ResolvedBoundary | null {
    if (arn === undefined) return null;
    const found = this.managed(arn);
    if (found === undefined) {
      return {
        arn,
        name: arn.slice(arn.lastIndexOf('/') + 1),
        versionId: null,
        awsManaged: parseArn(arn)?.account === 'aws',
        document: null,
        account: null,
        pointer: null,
      };
    }
    return {
      arn,
      name: found.policy.name,
      versionId: found.policy.defaultVersionId,
      awsManaged: found.policy.awsManaged,
      document: found.document,
      account: found.account,
      pointer: found.policy.pointer,
    };
  }
}

function ofUser(evidence: Evidence, snapshot: AccountSnapshot, user: IamUser, base: Base): ResolvedIdentity {
  const collector = new PolicyCollector(evidence, snapshot.accountId);
  collector.add(user, refOf('user', user), 'inline-user');
  const groups: EntityRef[] = [];
  for (const name of user.groups) {
    const group = findByName(snapshot.groups, name);
    if (group === undefined) {
      collector.missing.push(
        missingEvidence('group-not-found', { subject: user.arn, account: snapshot.accountId, name }),
      );
      continue;
    }
    const ref = refOf('group', group);
    groups.push(ref);
    collector.add(group, ref, 'inline-group');
  }
  return {
    ...base,
    kind: 'user',
    matchedBy: 'user',
    entity: refOf('user', user),
    id: user.id,
    policies: collector.policies,
    boundary: collector.boundary(user.boundary?.arn),
    tags: user.tags,
    trustPolicy: null,
    groups,
    missing: collector.missing,
  };
}

function ofRole(
  evidence: Evidence,
  snapshot: AccountSnapshot,
  role: IamRole,
  base: Base,
  matchedBy: IdentityMatch,
): ResolvedIdentity {
  const collector = new PolicyCollector(evidence, snapshot.accountId);
  collector.add(role, refOf('role', role), 'inline-role');
  return {
    ...base,
    kind: 'role',
    matchedBy,
    entity: refOf('role', role),
    id: role.id,
    policies: collector.policies,
    boundary: collector.boundary(role.boundary?.arn),
    tags: role.tags,
    trustPolicy: role.trustPolicy,
    groups: [],
    missing: collector.missing,
  };
}

/** The role named by a role ARN in the evidence's account files, for its trust policy. */
export function findRole(
  evidence: Evidence,
  roleArn: string,
): { role: IamRole; account: string } | undefined {
  const arn = parseArn(roleArn);
  if (arn?.service !== 'iam' || !arn.resource.startsWith('role/')) return undefined;
  const snapshot = evidence.accounts.find((a) => a.accountId === arn.account);
  const role = snapshot && findByName(snapshot.roles, arn.resource.slice(arn.resource.lastIndexOf('/') + 1));
  return role && snapshot ? { role, account: snapshot.accountId } : undefined;
}
