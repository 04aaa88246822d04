import {
  type CompiledPolicy,
  type CompiledPolicySet,
  compilePolicySet,
  type PolicySetInput,
} from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { AuthorizationRequest } from '../engine/request.js';
import type { PolicyKind } from '../policy/parse-policy.js';
import type { PolicyStatement } from '../policy/policy-model.js';
import type { CompareLayer } from './compare-model.js';

/**
 * One policy alone at its layer, and what it says about a request. The engine evaluates the request
 * against a policy set holding only that policy; its trace says which statements matched, and the
 * layer's rule turns them into "allowed": a matching `Allow` and no matching `Deny`, or for an RCP
 * (which implicitly carries `RCPFullAWSAccess`) no matching `Deny`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** The policy kind `parsePolicy` checks for a layer: resource-style layers name a principal. */
export function kindOf(layer: CompareLayer): PolicyKind {
  return layer === 'resource' || layer === 'rcp' ? 'resource' : 'identity';
}

/** Resource-style layers decide by `Principal`; the others by the caller's own keys. */
export function isResourceStyle(layer: CompareLayer): boolean {
  return kindOf(layer) === 'resource';
}

/** Whether the layer allows what it does not deny. */
export function allowsImplicitly(layer: CompareLayer): boolean {
  return layer === 'rcp';
}

/** Compiles a policy set holding only `document` at `layer`. */
export function compileAtLayer(
  layer: CompareLayer,
  name: string,
  document: unknown,
): ReturnType<typeof compilePolicySet> {
  const policy = { name, document };
  const input: PolicySetInput =
    layer === 'identity'
      ? { identityPolicies: [policy] }
      : layer === 'permissions-boundary'
        ? { permissionsBoundary: policy }
        : layer === 'scp'
          ? { scps: [[policy]] }
          : layer === 'rcp'
            ? { rcps: [[policy]] }
            : { resourcePolicy: policy };
  return compilePolicySet(input);
}

/** The compiled policy of a set built by {@link compileAtLayer}. */
export function policyAtLayer(set: CompiledPolicySet, layer: CompareLayer): CompiledPolicy {
  const policy =
    layer === 'identity'
      ? set.identity[0]
      : layer === 'permissions-boundary'
        ? set.boundary
        : layer === 'scp'
          ? set.scps?.[0]?.[0]
          : layer === 'rcp'
            ? set.rcps?.[0]?.[0]
            : set.resource;
  if (policy === undefined || policy === null) throw new Error(`compare: no compiled policy at ${layer}`);
  return policy;
}

/** What the policy says about a request: allowed or not, and its first matching Allow and Deny. */
export interface LayerVerdict {
  readonly allowed: boolean;
  readonly allowing: PolicyStatement | null;
  readonly denying: PolicyStatement | null;
}

/** Evaluates `request` with the engine and reads the policy's verdict from the trace. */
export function layerVerdict(
  set: CompiledPolicySet,
  layer: CompareLayer,
  request: AuthorizationRequest,
): LayerVerdict {
  const result = evaluate(set, request, { trace: 'relevant' });
  let allowing: PolicyStatement | null = null;
  let denying: PolicyStatement | null = null;
  for (const t of result.trace) {
    if (t.origin.layer !== layer || !t.matched) continue;
    if (t.origin.statement.effect === 'Allow') allowing ??= t.origin.statement;
    else denying ??= t.origin.statement;
  }
  const allowed = denying === null && (allowsImplicitly(layer) || allowing !== null);
  return { allowed, allowing, denying };
}
