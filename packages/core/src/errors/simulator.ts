import type { PolicyLayer } from '../engine/layers.js';
import { stringField } from './cloudtrail.js';
import type { DenialSentence } from './denial-sentence.js';
import type { DenyType } from './failure.js';

/**
 * The first denied result of IAM's policy simulator as a paste shows it (`aws iam simulate-principal-policy` or
 * `simulate-custom-policy` output, the command perhaps above it: aws-containers/amazon-ecs-exec-checker#70), as a
 * denial's facts: the action and resource it evaluated, `implicitDeny` or `explicitDeny`, the layer that decided
 * where the result says (`OrganizationsDecisionDetail.AllowedByOrganizations: false`, a service control policy;
 * `PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary: false`, the boundary; an explicit deny's matched
 * statement of a resource-based policy), else the identity-based policies the simulator evaluates; the caller from
 * the command's `--policy-source-arn`. `null` when the text holds no denied result. Each search is bounded.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 * @see https://docs.aws.amazon.com/cli/latest/reference/iam/simulate-principal-policy.html
 */
export function readSimulatorText(text: string): DenialSentence | null {
  for (let at = text.indexOf('"EvalActionName"'); at >= 0; ) {
    const next = text.indexOf('"EvalActionName"', at + 1);
    const result = text.slice(
      at,
      next < 0 ? Math.min(text.length, at + 20_000) : Math.min(next, at + 20_000),
    );
    const denied = deniedResult(
      text,
      result,
      at,
      stringField(result, 'EvalActionName'),
      stringField(result, 'EvalResourceName'),
    );
    if (denied !== null) return denied;
    at = next;
  }
  // (a result pasted without its action's name, the action then the one the pasted command asked about: `aws iam
  // simulate-principal-policy … --action-names "ssmmessages:CreateControlChannel"` over `{"EvaluationResults":
  // [{"EvalDecision": "implicitDeny", …}]}`, aws-containers/amazon-ecs-exec-checker#44)
  if (text.includes('"EvalActionName"')) return null;
  const at = text.indexOf('"EvalDecision"');
  if (at < 0) return null;
  return deniedResult(text, text.slice(at, at + 20_000), at, askedAction(text), null);
}

/** A result the simulator denied, as the denial sentence it stands for; null where it allowed. */
function deniedResult(
  text: string,
  result: string,
  at: number,
  action: string | null,
  resource: string | null,
): DenialSentence | null {
  const decision = stringField(result, 'EvalDecision');
  if (decision !== 'implicitDeny' && decision !== 'explicitDeny') return null;
  const denyType: DenyType = decision === 'explicitDeny' ? 'explicit' : 'implicit';
  return {
    principal: callerOf(text),
    principalSlot: false,
    action,
    resource,
    resourceSlot: resource !== null,
    resourceRebuilt: false,
    reasonLayer: layerOf(result, denyType),
    denyType,
    policyArn: null,
    transitiveThroughScp: false,
    authorizationId: null,
    detailsUrl: null,
    offset: at,
  };
}

/** The one action the pasted command's `--action-names` asks about, or null where it asks about several or none. */
function askedAction(text: string): string | null {
  const at = text.indexOf('--action-names');
  if (at < 0) return null;
  const asked =
    /^--action-names[ =]+["']?([a-z0-9-]{2,40}:[A-Za-z0-9]{2,100})["']?(?=[ \t]*(?:\n|$|--))/.exec(
      text.slice(at, at + 200),
    );
  return asked?.[1] ?? null;
}

/**
 * The layer a denied result names: an explicit deny's own statements' (a resource-based policy's among them, else the
 * identity's) where it lists them, else organizations' policies, the boundary, the identity-based policies the simulator
 * evaluates.
 */
function layerOf(result: string, denyType: DenyType): PolicyLayer {
  // (every matched statement's policy type: `user`, `group`, `role`, `aws-managed`, `user-managed`, `resource`, `none`)
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html
  const types = [...result.slice(0, 20_000).matchAll(/"SourcePolicyType"\s*:\s*"([a-z-]{1,20})"/g)].map(
    (m) => m[1],
  );
  if (denyType === 'explicit' && types.length > 0)
    return types.includes('resource') ? 'resource' : 'identity';
  if (/"AllowedByOrganizations"\s*:\s*false\b/.test(result)) return 'scp';
  if (/"AllowedByPermissionsBoundary"\s*:\s*false\b/.test(result)) return 'permissions-boundary';
  return 'identity';
}

/** The ARN after the pasted command's `--policy-source-arn`. */
function callerOf(text: string): string | null {
  const at = text.indexOf('--policy-source-arn');
  if (at < 0) return null;
  return (
    /^--policy-source-arn[ =]+["']?(arn:[\w-]+:(?:iam|sts)::[^\s"']{1,400})/.exec(
      text.slice(at, at + 460),
    )?.[1] ?? null
  );
}
