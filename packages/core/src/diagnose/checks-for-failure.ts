import type { CallDescription } from '../calls/call-model.js';
import { callFromFailure, expandCall } from '../calls/expand-call.js';
import { ruleFor } from '../calls/rules/index.js';
import type { DecodedMessage } from '../decoded/decoded-model.js';
import type { ContextValue } from '../engine/request.js';
import type { ErrorReading } from '../errors/failure.js';
import { compileArnPattern } from '../matching/arn.js';
import type { CheckToEvaluate } from './evaluate-checks.js';

/** The check a decoded authorization message describes (spec B: one message, one evaluation). */
export interface DecodedCheck {
  readonly principal: string | null;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextValue>>;
}

/** Pseudo keys of a decoded context that describe the request rather than being condition keys (spec B.3). */
const PSEUDO_KEYS = new Set([
  'aws:resource',
  'aws:account',
  'aws:type',
  'aws:service',
  'aws:arn',
  'aws:region',
]);

/**
 * The check a decoded authorization message describes: its action (an older message writes it without
 * the service prefix, taken then from `aws:Service`), resource, caller and context keys; `aws:Region`
 * stands in for `aws:RequestedRegion` when the message has no other.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function checkFromDecoded(message: DecodedMessage): DecodedCheck | null {
  const { context } = message;
  const value = (key: string) => context.conditions.find((c) => c.key.toLowerCase() === key)?.values[0];
  let action = context.action;
  if (action !== null && !action.includes(':')) {
    const service = value('aws:service');
    action = service === undefined ? null : `${service}:${action}`;
  }
  if (action === null) return null;
  const entries: [string, ContextValue][] = [];
  for (const c of context.conditions) {
    if (PSEUDO_KEYS.has(c.key.toLowerCase())) continue;
    entries.push([c.key, c.values.length === 1 ? (c.values[0] as string) : c.values]);
  }
  const region = value('aws:region');
  if (region !== undefined && !entries.some(([k]) => k.toLowerCase() === 'aws:requestedregion')) {
    entries.push(['aws:RequestedRegion', region]);
  }
  return {
    principal: context.principal?.arn ?? null,
    action,
    resource: context.resource ?? '*',
    context: Object.fromEntries(entries),
  };
}

/**
 * The checks to evaluate for a failed call: the one a decoded message names; else every check the
 * call makes (RunInstances' resources, PassRole, tag-on-create...), the one the error names first.
 * Checks AWS makes later, at launch, are left out: they cannot fail the call.
 */
export function checksForFailure(
  reading: ErrorReading,
  decoded: DecodedCheck | null,
  parameters: Readonly<Record<string, unknown>> = {},
): CheckToEvaluate[] {
  const principal = decoded?.principal ?? reading.failure.principal;
  if (principal === null || principal === 'anonymous') {
    return [];
  }
  if (decoded !== null) {
    return [
      {
        principal,
        action: decoded.action,
        resource: decoded.resource,
        context: decoded.context,
        source: 'decoded',
        assumed: [],
      },
    ];
  }
  const { failure } = reading;
  const call = callFromFailure({ failure, region: reading.region }, parameters);
  const account = reading.principalInfo?.account ?? null;
  const expanded =
    call === undefined
      ? []
      : expandCall(account === null ? call : { ...call, account }).checks.filter((c) => c.when === 'call');
  const checks: CheckToEvaluate[] = expanded.map((c) => ({
    principal,
    action: c.action,
    resource: c.resource,
    context: c.context,
    source: 'call',
    assumed: c.assumed,
  }));
  if (failure.action === null) {
    return checks;
  }
  // the check the error itself names goes first, with the context the expansion gives it
  const action = failure.action.toLowerCase();
  const exact = checks.findIndex(
    (c) =>
      c.action.toLowerCase() === action && (failure.resource === null || c.resource === failure.resource),
  );
  // the error names the resource the expansion could only assume (`subnet/*` for the default subnet):
  // the named one replaces it, or the fix would grant every subnet
  const stated = failure.resource;
  const named =
    exact >= 0 || stated === null
      ? exact
      : checks.findIndex(
          (c) =>
            c.action.toLowerCase() === action &&
            c.assumed.includes('resource') &&
            compileArnPattern(c.resource).matches(stated),
        );
  const sameAction = checks.find((c) => c.action.toLowerCase() === action);
  const context =
    named >= 0
      ? (checks[named]?.context ?? {})
      : (sameAction?.context ?? { ...passRoleContext(call, action), ...createActionContext(call, action) });
  const first: CheckToEvaluate = {
    principal,
    action: failure.action,
    resource: stated ?? sameAction?.resource ?? '*',
    context,
    source: 'error',
    assumed: stated === null ? ['resource'] : [],
  };
  return [first, ...checks.filter((_, i) => i !== named)];
}

/** `iam:PassedToService` for a PassRole denial the error names, from the rule of the call that passes it. */
function passRoleContext(
  call: CallDescription | undefined,
  action: string,
): Readonly<Record<string, ContextValue>> {
  const service =
    action === 'iam:passrole' && call !== undefined
      ? ruleFor(call.service, call.operation).passesRoleTo
      : undefined;
  return service === undefined ? {} : { 'iam:PassedToService': service };
}

/**
 * `ec2:CreateAction` for a tag-on-create denial the error names: tags a creating call applies are
 * authorized as `ec2:CreateTags` with the creating operation's name in `ec2:CreateAction` (spec D.3).
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
 */
function createActionContext(
  call: CallDescription | undefined,
  action: string,
): Readonly<Record<string, ContextValue>> {
  return action === 'ec2:createtags' &&
    call !== undefined &&
    call.service.toLowerCase() === 'ec2' &&
    call.operation !== 'CreateTags'
    ? { 'ec2:CreateAction': call.operation }
    : {};
}
