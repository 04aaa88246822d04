import type { Span } from '../diagnostics/diagnostic.js';
import { namedPolicies } from '../engine/compile-policy-set.js';
import type { ContextValue } from '../engine/request.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { createScanningLocator, type PointerLocator } from '../json/pointer-position.js';
import type { EvaluatedFinding } from './evaluate-checks.js';

/**
 * What is known of one context key of an evaluated request: its value, that AWS sends no value
 * (`absent`: a CloudTrail record shows it missing, or the service reference does not list the key for
 * this action and resource type), or nothing (`unknown`: a statement tests it, and neither the error
 * nor the evidence says its value, so it was evaluated as missing).
 */
export type EvaluatedContextEntry =
  | { readonly key: string; readonly state: 'known'; readonly value: ContextValue }
  | { readonly key: string; readonly state: 'absent' | 'unknown' };

/** The request the engine evaluated for a finding. */
export interface EvaluatedRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Known keys in key order, then the keys known absent, then the unknown keys a statement tests. */
  readonly context: readonly EvaluatedContextEntry[];
}

/** A node of the deciding policy's document: its JSON pointer and its place in {@link DecidingPolicy.text}. */
export interface LocatedNode {
  readonly pointer: string;
  readonly span: Span;
}

/** The deciding policy as evaluated, printed, with its statement and the conditions that decided located. */
export interface DecidingPolicy {
  /** The policy's name in the evaluated set (the finding's `policy`). */
  readonly name: string;
  readonly document: unknown;
  /** The document printed with two-space indentation, which the spans refer to. */
  readonly text: string;
  readonly statement: LocatedNode | null;
  /** The conditions the request failed (for an explicit deny: those that made it apply). */
  readonly conditions: readonly (LocatedNode & { readonly operator: string; readonly key: string })[];
}

/** The evaluated request of a finding, each context key marked known, absent or unknown. */
export function evaluatedRequestOf(finding: EvaluatedFinding, absent: readonly string[]): EvaluatedRequest {
  const { request } = finding;
  const known = Object.keys(request.context).sort();
  const seen = new Set(known.map((k) => k.toLowerCase()));
  const entries: EvaluatedContextEntry[] = known.map((key) => ({
    key,
    state: 'known',
    value: request.context[key] as ContextValue,
  }));
  // known absent: a CloudTrail record shows it missing, or AWS does not send it with this check
  for (const key of [...absent, ...finding.notSent]) {
    if (seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    entries.push({ key, state: 'absent' });
  }
  for (const key of [...finding.conditions.map((c) => c.key), ...finding.dependsOn]) {
    if (seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    entries.push({ key, state: 'unknown' });
  }
  return {
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    context: entries,
  };
}

/** The deciding policy of a finding, printed and located; `null` when no statement decided. */
export function decidingPolicyOf(finding: EvaluatedFinding): DecidingPolicy | null {
  if (finding.policy === null) return null;
  const named = namedPolicies(finding.governing.input).find((p) => p.name === finding.policy);
  if (named === undefined) return null;
  const document = documentValue(named.document);
  const { text, locator } = locatedDocument(document);
  const locate = (pointer: string): LocatedNode => ({ pointer, span: locator.locate(pointer) });
  const deciding = finding.decision === 'ExplicitDeny' ? finding.conditions : finding.failedConditions;
  return {
    name: named.name,
    document,
    text,
    statement: finding.statementPointer === null ? null : locate(finding.statementPointer),
    conditions: deciding.map((c) => ({ ...locate(c.pointer), operator: c.operator, key: c.key })),
  };
}

/**
 * A document's printed text and its locator, made once per document object: the findings of one
 * call (RunInstances makes several checks) often share their deciding policy, and printing and
 * parsing a policy of 100,000 statements again for each made diagnose far slower than simulate.
 */
const located = new WeakMap<object, { readonly text: string; readonly locator: PointerLocator }>();

function locatedDocument(document: unknown): { readonly text: string; readonly locator: PointerLocator } {
  const key = typeof document === 'object' && document !== null ? document : null;
  const known = key === null ? undefined : located.get(key);
  if (known !== undefined) return known;
  const text = JSON.stringify(document, null, 2);
  const made = { text, locator: createScanningLocator(text) };
  if (key !== null) located.set(key, made);
  return made;
}

/** A document as given: an object, or JSON text of one. */
function documentValue(document: unknown): unknown {
  if (isJsonObject(document) || typeof document !== 'string') return document;
  const parsed = parseJson(document);
  return parsed.ok ? parsed.value : document;
}
