import type { MissingEvidence } from './missing-evidence.js';
import { missingEvidence } from './missing-evidence.js';
import type { OrgPolicy, OrgPolicyType, OrgSnapshot } from './parse-organization.js';

/** One level of SCPs or RCPs: the root, an OU or the account, with the policies attached to it. */
export interface OrgLevel {
  /** The root, OU or account id. */
  readonly target: string;
  readonly policies: readonly OrgPolicy[];
}

/**
 * The SCP or RCP levels that govern an account: `levels` root first, `null` when the account is not
 * governed by that policy type (no snapshot, the management account, the type not in use, or the
 * account not in the snapshot — the last with a missing-evidence entry).
 */
export interface OrgLevels {
  readonly levels: readonly OrgLevel[] | null;
  readonly missing: readonly MissingEvidence[];
}

/** Services whose resources RCPs can govern (spec C.5; the RCP page keeps the live list). */
const RCP_SERVICES = new Set([
  's3',
  'sts',
  'kms',
  'sqs',
  'secretsmanager',
  'ecr',
  'dynamodb',
  'logs',
  'cognito-idp',
  'aoss',
]);

/**
 * True when resource control policies can apply to a request on `service`.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export function rcpCovers(service: string): boolean {
  return RCP_SERVICES.has(service);
}

/**
 * The levels of `type` for `account`: one level per parent (root first) and one for the account
 * itself, each listing the policies attached to that target. An SCP level allows only what its
 * policies allow, so an empty SCP level denies everything (as AWS does when `FullAWSAccess` is
 * detached); an RCP level implicitly carries `RCPFullAWSAccess`.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
export function orgLevelsFor(org: OrgSnapshot | null, account: string, type: OrgPolicyType): OrgLevels {
  const noun = type === 'SERVICE_CONTROL_POLICY' ? 'service control policies' : 'resource control policies';
  if (org === null) {
    const code = type === 'SERVICE_CONTROL_POLICY' ? 'scps-unknown' : 'rcps-unknown';
    return { levels: null, missing: [missingEvidence(code, { subject: account, account })] };
  }
  if (org.managementAccountId === account) return { levels: null, missing: [] };
  const ofType = org.policies.filter((p) => p.type === type);
  // a snapshot without any policy of the type: the type is not enabled in the organization
  if (ofType.length === 0) return { levels: null, missing: [] };
  const parents = org.targets[account];
  if (parents === undefined) {
    return {
      levels: null,
      missing: [missingEvidence('org-account-not-listed', { subject: account, account, kind: noun })],
    };
  }
  const levels = [...parents, account].map((target) => ({
    target,
    policies: ofType.filter((p) => p.targets.includes(target)),
  }));
  return { levels, missing: [] };
}
