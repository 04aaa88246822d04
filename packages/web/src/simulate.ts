import {
  type AuthorizationRequest,
  compilePolicySet,
  type Evidence,
  evaluate,
  type NamedPolicyInput,
  type PolicySetInput,
  parseJson,
  policySetFor,
  type SimulateJson,
  toSimulateJson,
} from '@whydenied/core';
import { parseContextLines } from './inputs.js';

/** The layers the editor's policy can stand in for. */
export const SIMULATE_LAYERS = ['identity', 'permissions-boundary', 'resource', 'scp'] as const;
export type SimulateLayer = (typeof SIMULATE_LAYERS)[number];

/** What the simulate panel evaluates. */
export interface SimulateInput {
  readonly policyText: string;
  readonly policyName: string;
  readonly layer: SimulateLayer;
  readonly request: {
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly contextText: string;
  };
  /** With evidence: the editor's policy replaces (or joins) the evidence's policies for the request. */
  readonly evidence: Evidence | null;
}

export type SimulateOutcome =
  | { readonly ok: true; readonly value: SimulateJson }
  | { readonly ok: false; readonly reason: string };

function replaceNamed(list: readonly NamedPolicyInput[], policy: NamedPolicyInput): NamedPolicyInput[] {
  return list.some((p) => p.name === policy.name)
    ? list.map((p) => (p.name === policy.name ? policy : p))
    : [...list, policy];
}

/** Puts the editor's policy into the set at its layer. */
function place(set: PolicySetInput, policy: NamedPolicyInput, layer: SimulateLayer): PolicySetInput {
  switch (layer) {
    case 'identity':
      return { ...set, identityPolicies: replaceNamed(set.identityPolicies ?? [], policy) };
    case 'permissions-boundary':
      return { ...set, permissionsBoundary: policy };
    case 'resource':
      return { ...set, resourcePolicy: policy };
    case 'scp': {
      const levels = set.scps ?? [];
      const at = levels.findIndex((level) => level.some((p) => p.name === policy.name));
      if (at >= 0) return { ...set, scps: levels.map((l, i) => (i === at ? replaceNamed(l, policy) : l)) };
      return { ...set, scps: [...levels, [policy]] };
    }
  }
}

/**
 * Evaluates one request with the engine, like `whydenied simulate`: the editor's policy at its layer,
 * with the evidence's other policies for that request when evidence is given.
 */
export function simulateEditorPolicy(input: SimulateInput): SimulateOutcome {
  const { principal, action, resource } = input.request;
  if (principal.trim() === '' || action.trim() === '') {
    return { ok: false, reason: 'give a principal and an action' };
  }
  const parsed = parseJson(input.policyText);
  if (!parsed.ok)
    return { ok: false, reason: `the editor's policy is not JSON: ${parsed.diagnostic.message}` };
  const policy: NamedPolicyInput = {
    name: input.policyName === '' ? 'editor' : input.policyName,
    document: parsed.value,
  };
  const target = { principal: principal.trim(), action: action.trim(), resource: resource.trim() || '*' };
  const fromEvidence = input.evidence === null ? null : policySetFor(input.evidence, target);
  const context = parseContextLines(input.request.contextText);
  const request: AuthorizationRequest =
    fromEvidence === null
      ? { ...target, context }
      : { ...fromEvidence.request, context: { ...fromEvidence.request.context, ...context } };
  const compiled = compilePolicySet(place(fromEvidence?.input ?? {}, policy, input.layer));
  if (!compiled.ok) {
    const first = compiled.diagnostics[0];
    return {
      ok: false,
      reason: first === undefined ? 'the policies do not compile' : `${first.message} at \`${first.path}\``,
    };
  }
  return { ok: true, value: toSimulateJson(evaluate(compiled.value, request)) };
}
