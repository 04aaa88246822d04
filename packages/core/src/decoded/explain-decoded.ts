import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePrincipal, splitArn } from '../errors/principal.js';
import { normaliseAction } from '../errors/read-error.js';
import type { DecodedCondition, DecodedMessage, DecodedStatement } from './decoded-model.js';
import { buildExplainSteps, type ExplainStep } from './explain-steps.js';
import { type DecodedLayer, guessLayer, LAYER_REASONS, type LayerEvidence } from './statement-layer.js';

/** The decision a decoded message records. */
export type ExplainDecision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';

/** A statement condition next to what the request carried for the same key. */
export interface ExplainedCondition extends DecodedCondition {
  /** The request's values for the key (matched case-insensitively); `null` when the request had none. */
  readonly requestValues: readonly string[] | null;
}

/** One matched statement with its probable layer. Contract fields first: `sid`, `effect`, `layer`. */
export interface ExplainedStatement {
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
  readonly layer: DecodedLayer | null;
  /** What the layer guess rests on. */
  readonly layerEvidence: LayerEvidence;
  /** The layer guess in words. */
  readonly layerReason: string;
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly ExplainedCondition[];
}

/**
 * A decoded message in plain terms. The first five fields are the contract's `explain --format json`
 * object; the rest are details for people and the web page.
 */
export interface Explanation {
  readonly decision: ExplainDecision;
  /** The action checked, service prefix lower-cased; completed from `aws:Service` when unprefixed. */
  readonly action: string | null;
  readonly resource: string | null;
  readonly principal: string | null;
  readonly statements: readonly ExplainedStatement[];
  /** The action exactly as the message wrote it. */
  readonly actionAsWritten: string | null;
  /** `aws:userid` of the caller. */
  readonly principalId: string | null;
  /** The IAM user name, present for users. */
  readonly principalName: string | null;
  readonly account: string | null;
  readonly region: string | null;
  readonly service: string | null;
  /** `aws:Type`: which resource type of a multi-resource call was checked (`instance`, `volume`…). */
  readonly resourceType: string | null;
  /** The request context: keys and values, pseudo keys included. */
  readonly context: readonly DecodedCondition[];
  readonly nextSteps: readonly ExplainStep[];
  /** What could not be read from the message (truncation, missing fields). */
  readonly diagnostics: readonly Diagnostic[];
}

const ACCOUNT_ID = /^\d{12}$/;
/** `[redacted:AWS_ACCOUNT]`, `<REMOVED>`: redactions that may hold a colon. */
const REDACTION = /\[[^\]\s]*\]|<[^>\s]*>/g;

/** Splits an ARN whose fields may have been redacted by hand (`[redacted:X]` holds a colon). */
function splitRedactedArn(value: string): ReturnType<typeof splitArn> {
  return splitArn(value.replace(REDACTION, 'redacted'));
}

/**
 * Explains a decoded authorization message: the decision (explicit or implicit deny), each matched
 * statement with its probable policy layer and why, the condition keys with the request's values,
 * and what to look at next; the message's warnings (truncation, missing fields) come along.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function explainDecoded(message: DecodedMessage): Explanation {
  const { context } = message;
  const decision: ExplainDecision = message.allowed
    ? 'Allowed'
    : message.explicitDeny
      ? 'ExplicitDeny'
      : 'ImplicitDeny';
  const resourceArn = context.resource === null ? null : splitRedactedArn(context.resource);
  const service =
    contextValue(message, 'aws:Service') ??
    serviceOf(context.action) ??
    (resourceArn === null || resourceArn.service === '' ? null : resourceArn.service);
  const action = actionOf(context.action, service);
  const principalArn = context.principal?.arn ?? null;
  const principalAccount = principalArn === null ? null : parsePrincipal(principalArn).account;
  const accountValue = contextValue(message, 'aws:Account');
  const account =
    (accountValue !== null && ACCOUNT_ID.test(accountValue) ? accountValue : null) ??
    principalAccount ??
    (resourceArn !== null && ACCOUNT_ID.test(resourceArn.account) ? resourceArn.account : null);
  const region =
    contextValue(message, 'aws:Region') ??
    (resourceArn === null || resourceArn.region === '' ? null : resourceArn.region);
  const statements = message.statements.map((s) => explainStatement(s, message));
  const base = {
    decision,
    action,
    resource: context.resource,
    principal: principalArn,
    statements,
    actionAsWritten: context.action,
    principalId: context.principal?.id ?? null,
    principalName: context.principal?.name ?? null,
    account,
    region,
    service,
    resourceType: contextValue(message, 'aws:Type') ?? resourceTypeOf(resourceArn),
    context: context.conditions,
  };
  const diagnostics = message.warnings;
  return { ...base, nextSteps: buildExplainSteps(base, diagnostics), diagnostics };
}

function explainStatement(statement: DecodedStatement, message: DecodedMessage): ExplainedStatement {
  const guess = guessLayer(statement, message.context.principal);
  return {
    sid: statement.sid,
    effect: statement.effect,
    layer: guess.layer,
    layerEvidence: guess.evidence,
    layerReason: LAYER_REASONS[guess.evidence](guess.value),
    principals: statement.principals,
    actions: statement.actions,
    resources: statement.resources,
    conditions: statement.conditions.map((c) => ({ ...c, requestValues: requestValues(message, c.key) })),
  };
}

/** The request's values for a key; condition keys are case-insensitive. */
function requestValues(message: DecodedMessage, key: string): readonly string[] | null {
  const lower = key.toLowerCase();
  const found = message.context.conditions.find((c) => c.key.toLowerCase() === lower);
  return found === undefined ? null : found.values;
}

function contextValue(message: DecodedMessage, key: string): string | null {
  const values = requestValues(message, key);
  const first = values?.[0];
  return first === undefined || first === '' ? null : first;
}

function serviceOf(action: string | null): string | null {
  const colon = action?.indexOf(':') ?? -1;
  return action !== null && colon > 0 ? action.slice(0, colon).toLowerCase() : null;
}

function actionOf(action: string | null, service: string | null): string | null {
  if (action === null) return null;
  if (action.includes(':')) return normaliseAction(action);
  return service === null ? action : `${service.toLowerCase()}:${action}`;
}

/** `instance/*` → `instance`; `function:name` → `function`; S3 → `bucket` or `object`; else `null`. */
function resourceTypeOf(arn: ReturnType<typeof splitArn>): string | null {
  if (arn === null) return null;
  if (arn.service === 's3' && arn.account === '') return arn.resource.includes('/') ? 'object' : 'bucket';
  const cut = arn.resource.search(/[/:]/);
  return cut > 0 ? arn.resource.slice(0, cut) : null;
}
