/**
 * Entry points: from a described call to the checks AWS makes, and from a read error to a call
 * description.
 */
import type { FailureFacts } from '../errors/failure.js';
import { scopeOf } from './arns.js';
import type { CallChecks, CallDescription, CallNote } from './call-model.js';
import { ParameterReader } from './parameters.js';
import { DEFAULT_CALL_RULE, ruleFor } from './rules/index.js';

/**
 * The (action, resource, context) checks AWS evaluates for one call, with assumptions marked.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function expandCall(call: CallDescription): CallChecks {
  const notes: CallNote[] = [];
  const rule = ruleFor(call.service, call.operation);
  const parameters = new ParameterReader(call.parameters, notes);
  const checks = rule.expand({ call, scope: scopeOf(call), parameters, notes });
  parameters.finish();
  return { rule: rule.id, checks, notes };
}

/** What a failure adds to a call description: the error's facts and the region it came from. */
export interface FailedCall {
  readonly failure: FailureFacts;
  readonly region?: string | null;
}

/**
 * A call description from a read error, plus whatever parameters are known. The operation falls
 * back to the action name; for calls no rule knows, the error's resource becomes the `resource`
 * parameter. Returns `undefined` when the error names neither service nor action.
 */
export function callFromFailure(
  failed: FailedCall,
  parameters: Readonly<Record<string, unknown>> = {},
): CallDescription | undefined {
  const { failure } = failed;
  const [actionService, actionName] = failure.action?.split(':') ?? [];
  const service = failure.service ?? actionService;
  const operation = failure.operation ?? actionName;
  if (service === undefined || operation === undefined) return undefined;
  const known = ruleFor(service, operation) !== DEFAULT_CALL_RULE;
  const withResource =
    !known && failure.resource !== null && parameters.resource === undefined
      ? { ...parameters, resource: failure.resource }
      : parameters;
  return {
    service,
    operation,
    ...(failed.region ? { region: failed.region } : {}),
    ...(failure.principal !== null && failure.principal !== 'anonymous'
      ? { principal: failure.principal }
      : {}),
    parameters: withResource,
  };
}
