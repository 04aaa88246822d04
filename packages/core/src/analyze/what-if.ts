import type { Diagnosis } from '../diagnose/diagnose.js';
import type { Result } from '../diagnostics/result.js';
import {
  compilePolicySet,
  type NamedPolicyInput,
  type PolicySetInput,
} from '../engine/compile-policy-set.js';
import { type SimulateJson, toSimulateJson } from '../engine/contract-output.js';
import { evaluate } from '../engine/evaluate.js';
import type { LayerName } from '../engine/layers.js';
import type { ContextValue } from '../engine/request.js';
import { parseSimulationCase } from '../engine/simulation-case.js';
import type { Evidence } from '../evidence/evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { parseJson } from '../json/parse-json.js';
import { redact } from '../redact/redact.js';
import type { RedactionMap } from '../redact/redaction-map.js';

/** The layers a policy under test can stand in for: a subset of the engine's layers. */
export const WHAT_IF_LAYERS = [
  'identity',
  'permissions-boundary',
  'resource',
  'scp',
] as const satisfies readonly LayerName[];
export type WhatIfLayer = (typeof WHAT_IF_LAYERS)[number];

/** A request to evaluate, and the policy that stands in at a layer. */
export interface WhatIf {
  readonly request: {
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly context?: Readonly<Record<string, ContextValue>>;
  };
  /** The policy under test: JSON text, its name, and the layer it stands at. */
  readonly policy: { readonly text: string; readonly name: string; readonly layer: WhatIfLayer };
  /** With evidence, the policy replaces (or joins) the evidence's policies for the request. */
  readonly evidence: Evidence | null;
}

function problem(code: string, message: string): Result<never> {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, path: '' }] };
}

/**
 * Evaluates one request with a policy under test, like `simulate`: the policy at its layer, alone or
 * with the evidence's other policies for that request (a policy of the same name is replaced).
 */
export function evaluateWhatIf(input: WhatIf): Result<SimulateJson> {
  const principal = input.request.principal.trim();
  const action = input.request.action.trim();
  if (principal === '' || action === '') return problem('what-if-request', 'give a principal and an action');
  const parsed = parseJson(input.policy.text);
  if (!parsed.ok) return parsed;
  const policy: NamedPolicyInput = { name: input.policy.name.trim() || 'policy', document: parsed.value };
  const target = { principal, action, resource: input.request.resource.trim() || '*' };
  const fromEvidence = input.evidence === null ? null : policySetFor(input.evidence, target);
  const context = input.request.context ?? {};
  const request =
    fromEvidence === null
      ? { ...target, context }
      : { ...fromEvidence.request, context: { ...fromEvidence.request.context, ...context } };
  const compiled = compilePolicySet(place(fromEvidence?.input ?? {}, policy, input.policy.layer));
  if (!compiled.ok) return compiled;
  return { ok: true, value: toSimulateJson(evaluate(compiled.value, request)) };
}

function replaceNamed(list: readonly NamedPolicyInput[], policy: NamedPolicyInput): NamedPolicyInput[] {
  return list.some((p) => p.name === policy.name)
    ? list.map((p) => (p.name === policy.name ? policy : p))
    : [...list, policy];
}

/** Puts the policy under test into the set at its layer. */
function place(set: PolicySetInput, policy: NamedPolicyInput, layer: WhatIfLayer): PolicySetInput {
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

/** A `simulate --case` file of the deciding check, redacted, with how many values were replaced. */
export interface SharedCase {
  readonly text: string;
  readonly replaced: number;
}

/**
 * The `simulate` case of the deciding check: its request as evaluated and, with evidence, the policies
 * AWS evaluates for it. The case is always redacted before it is returned (with `map` when the inputs
 * were redacted already), so that what leaves the front end names no real account or resource.
 */
export function sharedCase(
  diagnosis: Diagnosis,
  evidence: Evidence | null,
  context: Readonly<Record<string, ContextValue>>,
  map: RedactionMap | null,
): Result<SharedCase> {
  const first = diagnosis.findings[0];
  const principal = first?.request.principal ?? diagnosis.failure.principal;
  const action = first?.action ?? diagnosis.failure.action;
  const resource = first?.resource ?? diagnosis.failure.resource ?? '*';
  if (principal === null) return problem('share-no-principal', 'the error does not name the caller');
  if (action === null) return problem('share-no-action', 'the error does not name the action');
  const set = evidence === null ? null : policySetFor(evidence, { principal, action, resource });
  // the values a CloudTrail record gave count as in the diagnosis: over what the evidence derives,
  // under what the user gave
  const recorded = diagnosis.details.cloudTrail?.requestContext ?? {};
  const value =
    set === null
      ? { request: { principal, action, resource, context: { ...recorded, ...context } } }
      : {
          request: { ...set.request, context: { ...set.request.context, ...recorded, ...context } },
          ...set.input,
        };
  const json = `${JSON.stringify(value, null, 2)}\n`;
  const redacted = map === null ? redact(json) : { text: json, map };
  const parsed = parseJson(redacted.text);
  if (!parsed.ok || !parseSimulationCase(parsed.value).ok) {
    return problem('share-case', 'the case could not be written in the `simulate` format');
  }
  return { ok: true, value: { text: redacted.text, replaced: redacted.map.entries.length } };
}
