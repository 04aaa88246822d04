import type { Diagnosis } from '@whydenied/core';
import type { SimulatedCheck } from './simulate.js';

/**
 * Where AWS's simulator and whydenied's engine agree on the failed call's checks, and why they differ
 * where they do: the simulator evaluates identity-based policies, permissions boundaries and (for
 * accounts in an organization) SCPs, but not RCPs, session policies, VPC endpoint policies, or a
 * resource policy that was not passed to it.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
export interface SimulatorAgreement {
  readonly action: string;
  readonly resource: string;
  /** The simulator's decision. */
  readonly aws: SimulatedCheck['decision'];
  /** The engine's: a finding's decision, or `Allowed` when no finding names the check. */
  readonly whydenied: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
  /** The layer that decided the engine's deny. */
  readonly layer: string | null;
  readonly agree: boolean;
  /** Why they differ, as far as the simulator's known limits explain it; `null` when they agree. */
  readonly explanation: string | null;
}

/** Layers the simulator does not evaluate, and how to say so. */
const UNSEEN: Readonly<Record<string, string>> = {
  rcp: 'the simulator does not evaluate resource control policies (RCPs)',
  session: 'the simulator does not evaluate session policies',
  'vpc-endpoint': 'the simulator does not evaluate VPC endpoint policies',
  resource: 'the simulator evaluates a resource policy only when one is passed to it (none was)',
  'trust-policy': "the simulator does not evaluate a role's trust policy for the principal's own calls",
};

/** Compares the simulator's answers with the diagnosis's findings, check by check. */
export function simulatorAgreement(
  simulated: readonly SimulatedCheck[],
  diagnosis: Pick<Diagnosis, 'findings'>,
): SimulatorAgreement[] {
  return simulated.map((s) => {
    const finding = diagnosis.findings.find(
      (f) => f.action.toLowerCase() === s.action.toLowerCase() && f.resource === s.resource,
    );
    const whydenied = finding?.decision ?? 'Allowed';
    const layer = finding?.layer ?? null;
    const agree =
      (s.decision === 'allowed' && whydenied === 'Allowed') ||
      (s.decision === 'explicitDeny' && whydenied === 'ExplicitDeny') ||
      (s.decision === 'implicitDeny' && whydenied === 'ImplicitDeny');
    return {
      action: s.action,
      resource: s.resource,
      aws: s.decision,
      whydenied,
      layer,
      agree,
      explanation: agree ? null : explain(s, whydenied, layer),
    };
  });
}

function explain(
  s: SimulatedCheck,
  whydenied: SimulatorAgreement['whydenied'],
  layer: string | null,
): string {
  if (s.decision === 'allowed' && layer !== null && UNSEEN[layer] !== undefined)
    return UNSEEN[layer] as string;
  if (s.missingContext.length > 0) {
    return `the simulator lacked context values (${s.missingContext.join(', ')}): give them with --context`;
  }
  if (s.decision !== 'allowed' && whydenied === 'Allowed') {
    return s.allowedByOrganizations === false
      ? 'the simulator says an SCP denies it, but the organization snapshot read allows it: its SCPs may have changed, or the snapshot lacks a level'
      : 'the simulator denies what the evidence allows: the policies may have changed since they were read, or a condition key has a value the simulator assumed';
  }
  return 'the decisions differ in kind (explicit or implicit deny): the simulator hides SCP statements and reports the first deny it meets';
}
