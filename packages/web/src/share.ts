import {
  type Diagnosis,
  type Evidence,
  parseJson,
  parseSimulationCase,
  type RedactionMap,
  redact,
} from '@whydenied/core';
import { policySetForFinding } from './policy-lookup.js';

/** A case file for `whydenied simulate --case FILE`, redacted, or why none can be made. */
export type ShareResult =
  | { readonly ok: true; readonly text: string; readonly replaced: number }
  | { readonly ok: false; readonly reason: string };

/**
 * The `simulate` case of the deciding check: its request and, with evidence, the policies AWS
 * evaluates for it. When the inputs were not redacted already, the case is redacted here, so what
 * leaves the page is always redacted; the map stays in the page.
 */
export function shareCase(
  diagnosis: Diagnosis,
  evidence: Evidence | null,
  context: Readonly<Record<string, string | readonly string[]>>,
  alreadyRedacted: RedactionMap | null,
): ShareResult {
  const principal = diagnosis.failure.principal;
  const first = diagnosis.findings[0];
  const action = first?.action ?? diagnosis.failure.action;
  const resource = first?.resource ?? diagnosis.failure.resource ?? '*';
  if (principal === null) return { ok: false, reason: 'the error does not name the caller' };
  if (action === null) return { ok: false, reason: 'the error does not name the action' };
  const set = evidence === null ? null : policySetForFinding(evidence, principal, { action, resource });
  // the values a CloudTrail record gave count as in the diagnosis: over what the evidence derives,
  // under what the user typed
  const recorded = diagnosis.details.cloudTrail?.requestContext ?? {};
  const value =
    set === null
      ? { request: { principal, action, resource, context: { ...recorded, ...context } } }
      : {
          request: { ...set.request, context: { ...set.request.context, ...recorded, ...context } },
          ...set.input,
        };
  const json = `${JSON.stringify(value, null, 2)}\n`;
  const redacted = alreadyRedacted === null ? redact(json) : { text: json, map: alreadyRedacted };
  const parsed = parseJson(redacted.text);
  if (!parsed.ok || !parseSimulationCase(parsed.value).ok) {
    return { ok: false, reason: 'the case could not be written in the `simulate` format' };
  }
  return { ok: true, text: redacted.text, replaced: redacted.map.entries.length };
}
