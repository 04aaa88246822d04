import type { CallDescription, InstanceProfileRole } from '../calls/call-model.js';
import type { Check } from '../calls/check.js';
import { callFromFailure, expandCall } from '../calls/expand-call.js';
import { ruleFor } from '../calls/rules/index.js';
import type { DecodedMessage } from '../decoded/decoded-model.js';
import type { ContextValue } from '../engine/request.js';
import type { ErrorReading } from '../errors/failure.js';
import { compileArnPattern } from '../matching/arn.js';

/** Pseudo keys of a decoded context that describe the request rather than being condition keys (spec B.3). */
const PSEUDO_KEYS = new Set([
  'aws:resource',
  'aws:account',
  'aws:type',
  'aws:service',
  'aws:arn',
  'aws:region',
]);

const DECODE_PAGE = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html';
const DENIED_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';

/** The first value of a decoded context key (`key` lower-case). */
function decodedValue(message: DecodedMessage, key: string): string | undefined {
  return message.context.conditions.find((c) => c.key.toLowerCase() === key)?.values[0];
}

/**
 * The action a decoded authorization message names; an older message writes it without the service
 * prefix, taken then from `aws:Service`. `null` when the message names none.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function decodedAction(message: DecodedMessage): string | null {
  const action = message.context.action;
  if (action === null || action.includes(':')) return action;
  const service = decodedValue(message, 'aws:service');
  return service === undefined ? null : `${service}:${action}`;
}

/**
 * The check a decoded authorization message describes (spec B: one message, one evaluation): its
 * action (see {@link decodedAction}), resource, caller and context keys; `aws:Region` stands in for
 * `aws:RequestedRegion` when the message has no other. The caller is the message's, else `caller`
 * (the error's); `null` when the message names no action or no caller is known.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function checkFromDecoded(message: DecodedMessage, caller: string | null = null): Check | null {
  const { context } = message;
  const action = decodedAction(message);
  const principal = context.principal?.arn ?? caller;
  if (action === null || principal === null) return null;
  const entries: [string, ContextValue][] = [];
  for (const c of context.conditions) {
    if (PSEUDO_KEYS.has(c.key.toLowerCase())) continue;
    entries.push([c.key, c.values.length === 1 ? (c.values[0] as string) : c.values]);
  }
  const region = decodedValue(message, 'aws:region');
  if (region !== undefined && !entries.some(([k]) => k.toLowerCase() === 'aws:requestedregion')) {
    entries.push(['aws:RequestedRegion', region]);
  }
  return {
    principal,
    action,
    resource: context.resource ?? '*',
    context: Object.fromEntries(entries),
    origin: 'decoded',
    resourceType: null,
    assumed: [],
    assumedWhy: {},
    when: 'call',
    why: 'the decoded authorization message names this request',
    source: DECODE_PAGE,
  };
}

/**
 * The checks to evaluate for a failed call: every check the call makes (RunInstances' resources,
 * PassRole, tag-on-create...), the one the error names first, or, with a decoded message, the exact
 * check it names first and the call's others after it.
 * Checks AWS makes later, at launch, are left out: they cannot fail the call. `instanceProfiles` (from
 * the account authorization details) give the role each instance profile the call names holds.
 */
export function checksForFailure(
  reading: ErrorReading,
  decoded: DecodedMessage | null,
  parameters: Readonly<Record<string, unknown>> = {},
  instanceProfiles: readonly InstanceProfileRole[] = [],
): Check[] {
  const principal = decoded?.context.principal?.arn ?? reading.failure.principal;
  if (principal === null || principal === 'anonymous') {
    return [];
  }
  // what the error leaves out and the decoded message says: the region, the caller's account
  const where = {
    region: reading.region ?? (decoded === null ? null : (decodedValue(decoded, 'aws:region') ?? null)),
    account:
      reading.principalInfo?.account ?? /^arn:[^:]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? null,
  };
  const fromCall = callChecks(reading, principal, parameters, instanceProfiles, where);
  const fromDecoded = decoded === null ? null : checkFromDecoded(decoded, principal);
  if (fromDecoded === null) return fromCall;
  // a decoded message adds, never subtracts: its check is exact (AWS's own request context), and the
  // call's other checks stay, marked as possibly not reached (AWS stops at the first that fails)
  const wanted = fromDecoded.action.toLowerCase();
  const same = fromCall.findIndex(
    (c) =>
      c.action.toLowerCase() === wanted &&
      (c.resource === fromDecoded.resource || compileArnPattern(c.resource).matches(fromDecoded.resource)),
  );
  const companion = fromCall[same];
  const exact: Check = {
    ...fromDecoded,
    resourceType: companion?.resourceType ?? null,
    // what the call sends with this check (`iam:PassedToService`) where the message does not list it
    context: { ...(companion?.context ?? {}), ...fromDecoded.context },
  };
  const others = fromCall
    .filter((_, i) => i !== same)
    .map(
      (c): Check => ({
        ...c,
        assumed: c.assumed.includes('check') ? c.assumed : [...c.assumed, 'check'],
        assumedWhy: {
          ...c.assumedWhy,
          check:
            'AWS reports the first check that fails (the decoded one): whether it reached this one is not known',
        },
      }),
    );
  return [exact, ...others];
}

/** Every check the call makes, the one the error names first, all for `principal`. */
function callChecks(
  reading: ErrorReading,
  principal: string,
  parameters: Readonly<Record<string, unknown>>,
  instanceProfiles: readonly InstanceProfileRole[],
  where: { readonly region: string | null; readonly account: string | null },
): Check[] {
  const { failure } = reading;
  const call = callFromFailure({ failure, region: where.region }, parameters);
  const { account } = where;
  const expanded =
    call === undefined
      ? []
      : expandCall({ ...call, ...(account === null ? {} : { account }), instanceProfiles }).checks.filter(
          (c) => c.when === 'call',
        );
  const checks: Check[] = expanded.map((c) => ({ ...c, principal, origin: 'call' }));
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
  // the expansion's check it replaces says why AWS makes it
  const replaced = checks[named];
  const first: Check = {
    principal,
    action: failure.action,
    resource: stated ?? sameAction?.resource ?? '*',
    context,
    origin: 'error',
    resourceType: replaced?.resourceType ?? null,
    assumed: stated === null ? ['resource'] : [],
    assumedWhy: stated === null ? { resource: 'the error does not name the resource' } : {},
    when: 'call',
    why: replaced?.why ?? 'the error names this action as the one denied',
    source: replaced?.source ?? DENIED_PAGE,
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
