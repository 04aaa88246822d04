import type { NamedPolicyInput, PolicySetInput } from '../engine/compile-policy-set.js';
import type { FixTarget } from './fix-model.js';

/**
 * The policy set with the target's document replaced by `document` (or added, for an identity
 * policy to create). Trust policies take the resource-policy slot, as the engine evaluates them.
 */
export function replacePolicy(set: PolicySetInput, target: FixTarget, document: unknown): PolicySetInput {
  const named: NamedPolicyInput = { name: target.setName, document };
  switch (target.layer) {
    case 'identity':
      return { ...set, identityPolicies: replaceIn(set.identityPolicies ?? [], named) };
    case 'session':
      return { ...set, sessionPolicies: replaceIn(set.sessionPolicies ?? [], named) };
    case 'permissions-boundary':
      return { ...set, permissionsBoundary: named };
    case 'resource':
    case 'trust-policy':
      return { ...set, resourcePolicy: named };
    case 'vpc-endpoint':
      return { ...set, vpcEndpointPolicy: named };
    case 'scp':
      return { ...set, scps: replaceInLevel(set.scps ?? [], target.level ?? 0, named) };
    case 'rcp':
      return { ...set, rcps: replaceInLevel(set.rcps ?? [], target.level ?? 0, named) };
  }
}

function replaceIn(list: readonly NamedPolicyInput[], named: NamedPolicyInput): NamedPolicyInput[] {
  const index = list.findIndex((p) => p.name === named.name);
  return index < 0 ? [...list, named] : list.map((p, i) => (i === index ? named : p));
}

function replaceInLevel(
  levels: readonly (readonly NamedPolicyInput[])[],
  level: number,
  named: NamedPolicyInput,
): NamedPolicyInput[][] {
  return levels.map((policies, i) => (i === level ? replaceIn(policies, named) : [...policies]));
}
