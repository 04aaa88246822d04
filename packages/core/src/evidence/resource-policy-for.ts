import type { FixOperation, FixTarget, FixTargetKind } from '../fix/fix-model.js';
import { parseArn } from '../matching/arn.js';
import type { Evidence, ResourcePolicyEvidence } from './evidence.js';
import { type MissingEvidence, missingEvidence } from './missing-evidence.js';
import type { PolicyOrigin } from './provenance.js';
import type { RawRecord } from './raw-reader.js';
import { findRole } from './resolve-identity.js';
import { governs, policyHolderOf } from './resource-policies.js';

/**
 * The resource-based policy found for a request, with its provenance and what is known of its fix
 * target before it takes its place (and name) in the policy set.
 */
export interface FoundResourcePolicy {
  readonly name: string;
  readonly origin: PolicyOrigin;
  readonly fix: Pick<FixTarget, 'kind' | 'operation' | 'owner' | 'target' | 'account'>;
  readonly document: RawRecord;
}

/** The resource-based policy of a request, or `null`, and what the evidence lacks about it. */
export interface ResourcePolicyLookup {
  readonly policy: FoundResourcePolicy | null;
  readonly missing: readonly MissingEvidence[];
}

/** True for role ARNs. */
function isRoleArn(resource: string): boolean {
  const arn = parseArn(resource);
  return arn?.service === 'iam' && arn.resource.startsWith('role/');
}

/**
 * True for the actions AWS authorizes against a role's trust policy.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
 */
export function isTrustAction(action: string): boolean {
  const a = action.toLowerCase();
  return (
    a.startsWith('sts:assumerole') ||
    a === 'sts:tagsession' ||
    a === 'sts:setsourceidentity' ||
    a === 'sts:setcontext'
  );
}

/**
 * Finds the resource-based policy that governs a request: a `--resource-policy` given for the
 * resource's ARN, else one given for the resource that carries its policy (an object's bucket, a
 * qualified function's function, a secret named without its suffix); for `sts:AssumeRole*` on a
 * role, the role's trust policy from the `--account` files. When a service has resource policies
 * and none was given, says so with the command that prints it.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html
 */
export function resourcePolicyFor(
  evidence: Evidence,
  action: string,
  resource: string,
): ResourcePolicyLookup {
  // a role's trust policy governs only the actions that assume or tag a session of it
  if (isRoleArn(resource) && !isTrustAction(action)) return { policy: null, missing: [] };
  const given =
    evidence.resourcePolicies.find((p) => p.arn === resource) ??
    evidence.resourcePolicies.find((p) => governs(p.arn, resource));
  if (given !== undefined) return { policy: fromGiven(given), missing: [] };
  if (isRoleArn(resource)) {
    const found = findRole(evidence, resource);
    const roleName = resource.slice(resource.lastIndexOf('/') + 1);
    const trustPolicy = found?.role.trustPolicy ?? null;
    const pointer = found?.role.trustPolicyPointer ?? null;
    if (found === undefined || trustPolicy === null || pointer === null) {
      return {
        policy: null,
        missing: [missingEvidence('trust-policy-missing', { subject: resource, name: roleName })],
      };
    }
    const { role, account } = found;
    const ref = { type: 'role' as const, name: role.name, arn: role.arn };
    return {
      policy: {
        name: `trust-policy:${role.name}`,
        origin: { kind: 'trust-policy', role: ref, account, pointer },
        fix: {
          kind: 'trust-policy',
          operation: 'UpdateAssumeRolePolicy',
          target: role.arn,
          owner: 'resource-owner',
          account,
        },
        document: trustPolicy,
      },
      missing: [],
    };
  }
  const held = policyHolderOf(resource);
  if (held === undefined) return { policy: null, missing: [] };
  const entry = missingEvidence('resource-policy-missing', {
    subject: held.holder,
    kind: held.kind.label,
    command: held.kind.fetch(held.holder, held.holderArn),
  });
  return { policy: null, missing: [entry] };
}

/** Resource policies whose change has a command of its own; the others are `resource-policy`. */
const KIND_OF_OPERATION: Partial<Record<FixOperation, FixTargetKind>> = {
  UpdateAssumeRolePolicy: 'trust-policy',
  PutBucketPolicy: 'bucket-policy',
  PutKeyPolicy: 'key-policy',
};

function fromGiven(given: ResourcePolicyEvidence): FoundResourcePolicy {
  const held = policyHolderOf(given.arn);
  const arn = parseArn(given.arn);
  const trust = isRoleArn(given.arn);
  const holder = held?.holder ?? given.arn;
  const label = held?.kind.label ?? (trust ? 'trust policy' : 'resource policy');
  const operation = held?.kind.operation ?? (trust ? 'UpdateAssumeRolePolicy' : null);
  return {
    name: given.name,
    origin: { kind: 'resource-policy', holderArn: holder, label },
    fix: {
      kind: (operation === null ? undefined : KIND_OF_OPERATION[operation]) ?? 'resource-policy',
      operation,
      target: holder,
      owner: 'resource-owner',
      account: arn?.account || null,
    },
    document: given.document,
  };
}
