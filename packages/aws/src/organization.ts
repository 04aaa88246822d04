import { gapOf, type LiveGap } from './gaps.js';
import { MAX_PAGES } from './identity.js';
import type { AwsSession } from './session.js';

/**
 * The organization snapshot whydenied's `--org` reads (`organizationId`, `managementAccountId`, each account's path of
 * targets root first, and the SCPs and RCPs attached along it), read from AWS Organizations. Only the
 * management account or a delegated administrator may read policies; a member account gets
 * AccessDenied, which is reported with the command its administrators can run instead.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html
 */

type Json = Record<string, unknown>;

/** The `--org` snapshot. */
export interface OrganizationSnapshot {
  organizationId?: string;
  managementAccountId: string;
  targets: Record<string, string[]>;
  policies: { id: string; name: string; type: string; document: unknown; targets: string[] }[];
}

const POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const;

/**
 * Reads the organization's policies on the paths of `accounts` (the caller's, and the resource's for
 * RCPs). `null` when the account is in no organization or the policies cannot be read (the gap says).
 */
export async function readOrganization(
  session: AwsSession,
  accounts: readonly string[],
  gaps: LiveGap[],
): Promise<{ snapshot: OrganizationSnapshot | null; inOrganization: boolean | null }> {
  const org = await session.call<Json>('organizations:DescribeOrganization', {});
  if (!org.ok) {
    if (org.code === 'AWSOrganizationsNotInUseException') return { snapshot: null, inOrganization: false };
    gaps.push(gapOf('organizations:DescribeOrganization', 'the organization', org));
    return { snapshot: null, inOrganization: null };
  }
  const organization = (org.value.Organization ?? {}) as Json;
  const snapshot: OrganizationSnapshot = {
    ...(typeof organization.Id === 'string' ? { organizationId: organization.Id } : {}),
    managementAccountId: String(organization.MasterAccountId ?? ''),
    targets: {},
    policies: [],
  };
  const byId = new Map<string, OrganizationSnapshot['policies'][number]>();
  for (const account of [...new Set(accounts)]) {
    const path = await pathOf(session, account, gaps);
    if (path === null) return { snapshot: null, inOrganization: true };
    snapshot.targets[account] = path;
    for (const target of [...path, account]) {
      for (const type of POLICY_TYPES) {
        const summaries = await policiesFor(session, target, type, gaps);
        if (summaries === null) return { snapshot: null, inOrganization: true };
        for (const summary of summaries) {
          const id = String(summary.Id);
          let policy = byId.get(id);
          if (policy === undefined) {
            const described = await session.call<Json>('organizations:DescribePolicy', { PolicyId: id });
            if (!described.ok) {
              gaps.push(gapOf('organizations:DescribePolicy', id, described));
              return { snapshot: null, inOrganization: true };
            }
            const content = ((described.value.Policy ?? {}) as Json).Content;
            policy = { id, name: String(summary.Name ?? id), type, document: content, targets: [] };
            byId.set(id, policy);
            snapshot.policies.push(policy);
          }
          if (!policy.targets.includes(target)) policy.targets.push(target);
        }
      }
    }
  }
  return { snapshot, inOrganization: true };
}

/** The targets above an account, root first (`ListParents` up to the root). */
async function pathOf(session: AwsSession, account: string, gaps: LiveGap[]): Promise<string[] | null> {
  const path: string[] = [];
  let child = account;
  for (let depth = 0; depth < 10; depth++) {
    const parents = await session.call<Json>('organizations:ListParents', { ChildId: child });
    if (!parents.ok) {
      gaps.push(gapOf('organizations:ListParents', child, parents));
      return null;
    }
    const parent = ((parents.value.Parents as Json[] | undefined) ?? [])[0];
    if (parent === undefined || typeof parent.Id !== 'string') break;
    path.unshift(parent.Id);
    if (parent.Type === 'ROOT') break;
    child = parent.Id;
  }
  return path;
}

async function policiesFor(
  session: AwsSession,
  target: string,
  type: string,
  gaps: LiveGap[],
): Promise<Json[] | null> {
  const out: Json[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await session.call<Json>('organizations:ListPoliciesForTarget', {
      TargetId: target,
      Filter: type,
      ...(next === undefined ? {} : { NextToken: next }),
    });
    if (!result.ok) {
      // RCPs not enabled in the organization: none apply
      if (type === 'RESOURCE_CONTROL_POLICY' && /PolicyTypeNotEnabled/.test(result.code)) return out;
      gaps.push(gapOf('organizations:ListPoliciesForTarget', `${target} (${type})`, result));
      return null;
    }
    out.push(...((result.value.Policies as Json[] | undefined) ?? []));
    next = typeof result.value.NextToken === 'string' ? result.value.NextToken : undefined;
    if (next === undefined) break;
  }
  return out;
}
