import type { ContextValue } from '@whydenied/core';
import { gapOf, type LiveGap } from './gaps.js';
import type { AwsSession } from './session.js';

/**
 * AWS's own policy simulator asked about each check of the failed call, for a cross-check with the
 * engine. The simulator evaluates the principal's identity-based policies and permissions boundary
 * and, for an account in an organization, its SCPs (without showing their statements); it does not
 * evaluate RCPs or session policies, and a resource policy only when one is passed in.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */

type Json = Record<string, unknown>;

/** The simulator's answer for one check. */
export interface SimulatedCheck {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** The policies whose statements matched (`SourcePolicyId`, `SourcePolicyType`). */
  readonly matched: readonly { readonly id: string; readonly type: string }[];
  /** Whether the organization's SCPs allowed it, when the simulator says. */
  readonly allowedByOrganizations: boolean | null;
  /** Context keys the simulator needed and was not given. */
  readonly missingContext: readonly string[];
}

/**
 * Asks the simulator about each check: one call per action with all its resources, and the context
 * values known.
 */
export async function simulateChecks(
  session: AwsSession,
  policySourceArn: string,
  checks: readonly { readonly action: string; readonly resource: string }[],
  context: Readonly<Record<string, ContextValue>>,
  gaps: LiveGap[],
): Promise<SimulatedCheck[]> {
  const entries = Object.entries(context).map(([key, value]) => ({
    ContextKeyName: key,
    ContextKeyValues: typeof value === 'string' ? [value] : [...value],
    ContextKeyType: typeof value === 'string' ? 'string' : 'stringList',
  }));
  const out: SimulatedCheck[] = [];
  // one call per action, with every resource its checks name (the simulator answers each pair)
  const byAction = new Map<string, Set<string>>();
  for (const check of checks) {
    const resources = byAction.get(check.action) ?? new Set<string>();
    resources.add(check.resource);
    byAction.set(check.action, resources);
  }
  for (const [action, resources] of byAction) {
    const result = await session.call<Json>('iam:SimulatePrincipalPolicy', {
      PolicySourceArn: policySourceArn,
      ActionNames: [action],
      ResourceArns: [...resources],
      ...(entries.length === 0 ? {} : { ContextEntries: entries }),
    });
    if (!result.ok) {
      gaps.push(gapOf('iam:SimulatePrincipalPolicy', policySourceArn, result));
      return out;
    }
    for (const r of (result.value.EvaluationResults as Json[] | undefined) ?? []) {
      const decision = String(r.EvalDecision);
      const organizations = r.OrganizationsDecisionDetail as Json | undefined;
      const base = {
        action: String(r.EvalActionName ?? action),
        decision: (decision === 'allowed'
          ? 'allowed'
          : decision === 'explicitDeny'
            ? 'explicitDeny'
            : 'implicitDeny') as SimulatedCheck['decision'],
        matched: ((r.MatchedStatements as Json[] | undefined) ?? []).map((m) => ({
          id: String(m.SourcePolicyId ?? ''),
          type: String(m.SourcePolicyType ?? ''),
        })),
        allowedByOrganizations:
          typeof organizations?.AllowedByOrganizations === 'boolean'
            ? organizations.AllowedByOrganizations
            : null,
        missingContext: ((r.MissingContextValues as unknown[] | undefined) ?? []).map(String),
      };
      // with several resources, AWS answers each in ResourceSpecificResults
      const specific = (r.ResourceSpecificResults as Json[] | undefined) ?? [];
      // (one result per action now; older answers gave one per resource, each with the aggregate)
      if (specific.length > 0) {
        for (const one of specific) {
          const d = String(one.EvalResourceDecision);
          out.push({
            ...base,
            resource: String(one.EvalResourceName),
            decision: d === 'allowed' ? 'allowed' : d === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny',
            missingContext: ((one.MissingContextValues as unknown[] | undefined) ?? []).map(String),
          });
        }
      } else {
        out.push({ ...base, resource: String(r.EvalResourceName ?? [...resources][0]) });
      }
    }
  }
  return out;
}
