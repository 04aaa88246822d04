import type { PlanPrediction } from '@whydenied/core/plan';
import { type SarifResultInput, type SarifRuleInput, toSarif } from './sarif.js';

const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';

/** The two kinds of `plan` results: a denial the evidence decides, and one that turns on an unknown. */
const RULES: readonly SarifRuleInput[] = [
  {
    id: 'predicted-denial',
    description: 'a call Terraform will make for this resource is denied by the policies given',
    help: 'change the policy the denial names (the fix in `whydenied plan` output), or the resource so that the call is allowed',
    helpUri: HELP_URI,
    severity: 'error',
  },
  {
    id: 'predicted-denial-uncertain',
    description:
      'a call Terraform will make for this resource is denied unless a value known only after apply, or evidence not given, allows it',
    help: 'give the missing evidence (the resource policy) or the value, and run `whydenied plan` again',
    helpUri: HELP_URI,
    severity: 'warning',
  },
];

/** `plan --format sarif`: one result per predicted denial, at its resource change in the plan file. */
export function planSarif(prediction: PlanPrediction, planFile: string): Record<string, unknown> {
  const results: SarifResultInput[] = prediction.resources.flatMap((resource) =>
    resource.denials.map((d) => ({
      ruleId: d.certain ? 'predicted-denial' : 'predicted-denial-uncertain',
      severity: d.certain ? ('error' as const) : ('warning' as const),
      message: `${resource.address}: ${d.call} needs ${d.action} on ${d.resource}, ${d.decision === 'ExplicitDeny' ? 'explicitly denied' : 'not allowed'} at the ${d.layer} layer${d.sid === null ? '' : ` (statement ${d.sid})`}`,
      file: planFile,
      line: resource.span.start.line,
      column: resource.span.start.column,
      endLine: resource.span.end.line,
      endColumn: resource.span.end.column,
      logicalLocation: resource.address,
      identity: `${resource.address}\u0000${d.call}\u0000${d.action}\u0000${d.resource}`,
    })),
  );
  return toSarif({
    tool: { name: 'whydenied', version: '0.1.0', informationUri: 'https://github.com/whydenied/whydenied' },
    rules: RULES,
    results,
  });
}
