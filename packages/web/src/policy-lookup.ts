import {
  createPointerLocator,
  type Evidence,
  type EvidencePolicySet,
  type Finding,
  type NamedPolicyInput,
  type PolicySetInput,
  policySetFor,
  type Span,
} from '@whydenied/core';

/** Every named policy of a policy set, in evaluation order. */
export function policiesOf(input: PolicySetInput): NamedPolicyInput[] {
  return [
    ...(input.identityPolicies ?? []),
    ...(input.permissionsBoundary === undefined ? [] : [input.permissionsBoundary]),
    ...(input.sessionPolicies ?? []),
    ...(input.resourcePolicy === undefined ? [] : [input.resourcePolicy]),
    ...(input.scps ?? []).flat(),
    ...(input.rcps ?? []).flat(),
    ...(input.vpcEndpointPolicy === undefined ? [] : [input.vpcEndpointPolicy]),
  ];
}

/** The policy set the evidence gives for the finding's check, or null without a caller. */
export function policySetForFinding(
  evidence: Evidence,
  principal: string | null,
  finding: Pick<Finding, 'action' | 'resource'>,
): EvidencePolicySet | null {
  if (principal === null) return null;
  return policySetFor(evidence, { principal, action: finding.action, resource: finding.resource });
}

/** The deciding statement's policy, printed, with the statement and its failing conditions located. */
export interface DecidingPolicy {
  readonly name: string;
  readonly text: string;
  readonly statement: Span | null;
  /** The condition keys the request failed (or, for a deny, met). */
  readonly conditions: readonly Span[];
}

/** Finds the deciding statement of a finding in the evidence and locates it in the printed policy. */
export function decidingPolicy(
  evidence: Evidence | null,
  principal: string | null,
  finding: Finding,
): DecidingPolicy | null {
  if (evidence === null || finding.policy === null) return null;
  const set = policySetForFinding(evidence, principal, finding);
  const policy = set === null ? undefined : policiesOf(set.input).find((p) => p.name === finding.policy);
  if (policy === undefined) return null;
  const text = JSON.stringify(policy.document, null, 2);
  const locator = createPointerLocator(text);
  const statements = (policy.document as { Statement?: unknown }).Statement;
  const base =
    finding.statementIndex === null
      ? null
      : Array.isArray(statements)
        ? `/Statement/${finding.statementIndex}`
        : '/Statement';
  const conditions = finding.decision === 'ExplicitDeny' ? finding.conditions : finding.failedConditions;
  const spans: Span[] = [];
  if (base !== null) {
    for (const c of conditions) {
      const span = locateCondition(locator, base, c.operator, c.key, policy.document);
      if (span !== null) spans.push(span);
    }
  }
  return {
    name: policy.name,
    text,
    statement: base === null ? null : locator.locate(base),
    conditions: spans,
  };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The span of a condition's key, found case-insensitively as AWS compares operator and key names. */
function locateCondition(
  locator: ReturnType<typeof createPointerLocator>,
  base: string,
  operator: string,
  key: string,
  document: unknown,
): Span | null {
  const statement = pointerValue(document, base);
  const block = (statement as { Condition?: unknown } | undefined)?.Condition;
  if (typeof block !== 'object' || block === null) return null;
  const op = Object.keys(block).find((k) => k.toLowerCase() === operator.toLowerCase());
  if (op === undefined) return null;
  const keys = (block as Record<string, unknown>)[op];
  if (typeof keys !== 'object' || keys === null) return null;
  const found = Object.keys(keys).find((k) => k.toLowerCase() === key.toLowerCase());
  if (found === undefined) return null;
  return locator.locate(`${base}/Condition/${escapePointer(op)}/${escapePointer(found)}`);
}

function pointerValue(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const segment of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
