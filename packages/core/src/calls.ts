/**
 * @packageDocumentation
 * `@whydenied/core/calls`. What one API call authorizes, for advanced use: the call rules, the checks a call makes, and the service catalog's
 * typed view of actions, resource types and condition keys.
 */

export type { CallChecks, CallDescription, CallNote, CallNoteCode } from './calls/call-model.js';
export type { CallRule, RuleInput } from './calls/call-rule.js';
export type { CallCheck, Check, CheckOrigin, CheckTiming } from './calls/check.js';
export { parametersFromCloudTrail } from './calls/cloudtrail-parameters.js';
export { callFromFailure, expandCall, type FailedCall } from './calls/expand-call.js';
export { CALL_RULES, DEFAULT_CALL_RULE, ruleFor } from './calls/rules/index.js';
export type {
  ActionInfo,
  ActionResourceType,
  ConditionKeyInfo,
  ResourceTypeInfo,
  ServiceInfo,
} from './catalog/service-info.js';
