import { compilePolicySet, type PolicySetInput } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { PolicyLayer } from '../engine/layers.js';
import type { AuthorizationRequest } from '../engine/request.js';
import type { FixVerification } from './fix-model.js';

/** A value no real request carries, for probes. */
const PROBE = 'whydenied-probe';

/**
 * Evaluates a fix with the engine before it is shown: every denied request must be allowed with it,
 * and no probe request near them may become allowed that was not before: the same action on a
 * sibling resource, another action of the service on the same resource, another caller, and each
 * pinned condition key with another value.
 */
export function verifyFix(
  before: PolicySetInput,
  after: PolicySetInput,
  requests: readonly AuthorizationRequest[],
  layer: PolicyLayer,
  ownResourceOnly = false,
): FixVerification {
  const old = compilePolicySet(before);
  const fixed = compilePolicySet(after);
  if (!fixed.ok || !old.ok) {
    return { allowsChecks: false, widened: [], probes: 0 };
  }
  const allowsChecks = requests.every(
    (r) => evaluate(fixed.value, r, { trace: 'none' }).decision === 'Allowed',
  );
  // another caller is only a meaningful probe where the changed policy names principals
  const probeCallers =
    layer === 'resource' || layer === 'trust-policy' || layer === 'rcp' || layer === 'vpc-endpoint';
  // a trust policy or a key policy governs only its own role or key: another one has its own policy
  const probeSiblings = layer !== 'trust-policy' && !ownResourceOnly;
  const probes = requests.flatMap((r) => probesOf(r, probeCallers, probeSiblings));
  const widened = probes
    .filter(
      (p) =>
        evaluate(old.value, p.request, { trace: 'none' }).decision !== 'Allowed' &&
        evaluate(fixed.value, p.request, { trace: 'none' }).decision === 'Allowed',
    )
    .map((p) => p.label);
  return { allowsChecks, widened, probes: probes.length };
}

function probesOf(
  base: AuthorizationRequest,
  probeCallers: boolean,
  probeSiblings: boolean,
): { label: string; request: AuthorizationRequest }[] {
  const probes: { label: string; request: AuthorizationRequest }[] = [];
  // a resource with `*` stands for one not yet created (`instance/*`): the grant is that ARN itself
  if (probeSiblings && !base.resource.includes('*')) {
    const sibling = `${base.resource}-${PROBE}`;
    // labels say what the probe stands for: its made-up names are never shown
    probes.push({
      label: `${base.action} on other resources than \`${base.resource}\``,
      request: { ...base, resource: sibling },
    });
  }
  const service = base.action.slice(0, base.action.indexOf(':'));
  const other = `${service}:WhydeniedProbeAction`;
  probes.push({
    label: `other \`${service}\` actions than \`${base.action}\` on \`${base.resource}\``,
    request: { ...base, action: other },
  });
  const caller = probeCallers ? otherCaller(base.principal) : null;
  if (caller !== null) {
    const { sessionIssuer: _, ...rest } = base;
    probes.push({
      label: `${base.action} by other callers than the caller`,
      request: { ...rest, principal: caller },
    });
  }
  for (const key of Object.keys(base.context)) {
    if (/^(iam:PassedToService|ec2:CreateAction|kms:ViaService)$/i.test(key)) {
      probes.push({
        label: `${base.action} with another \`${key}\` than the call's`,
        request: { ...base, context: { ...base.context, [key]: PROBE } },
      });
    }
  }
  return probes;
}

/** Another principal of the same account, to probe that a resource-policy grant names only the caller. */
function otherCaller(principal: string): string | null {
  const m = /^arn:([^:]*):(?:iam|sts)::(\d{12}):/.exec(principal);
  return m === null ? null : `arn:${m[1]}:iam::${m[2]}:user/${PROBE}`;
}
