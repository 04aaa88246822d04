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

/** Asks the simulator about each check (one call per check, with the context values known). */
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
  const seen = new Set<string>();
  for (const check of checks) {
    const key = `${check.action} ${check.resource}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await session.call<Json>('iam:SimulatePrincipalPolicy', {
      PolicySourceArn: policySourceArn,
      ActionNames: [check.action],
      ResourceArns: [check.resource],
      ...(entries.length === 0 ? {} : { ContextEntries: entries }),
    });
    if (!result.ok) {
      gaps.push(gapOf('iam:SimulatePrincipalPolicy', policySourceArn, result));
      return out;
    }
    for (const r of (result.value.EvaluationResults as Json[] | undefined) ?? []) {
      const decision = String(r.EvalDecision);
      const organizations = r.OrganizationsDecisionDetail as Json | undefined;
      out.push({
        action: String(r.EvalActionName ?? check.action),
        resource: String(r.EvalResourceName ?? check.resource),
        decision:
          decision === 'allowed' ? 'allowed' : decision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny',
        matched: ((r.MatchedStatements as Json[] | undefined) ?? []).map((m) => ({
          id: String(m.SourcePolicyId ?? ''),
          type: String(m.SourcePolicyType ?? ''),
        })),
        allowedByOrganizations:
          typeof organizations?.AllowedByOrganizations === 'boolean'
            ? organizations.AllowedByOrganizations
            : null,
        missingContext: ((r.MissingContextValues as unknown[] | undefined) ?? []).map(String),
      });
    }
  }
  return out;
}
