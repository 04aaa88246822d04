/**
 * @packageDocumentation
 * `@whydenied/core/engine`. The policy engine for advanced use: policies parsed into their model with JSON pointers, compiled once and evaluated
 * many times exactly as AWS does, with the per-statement trace; the linear-time wildcard and ARN matchers.
 */

export { type Caller, type CallerKind, parseCaller } from './engine/caller.js';
export {
  type CompiledPolicy,
  type CompiledPolicySet,
  compilePolicy,
  compilePolicySet,
  type NamedPolicyInput,
  type PolicySetInput,
} from './engine/compile-policy-set.js';
export type { ConditionOperator } from './engine/conditions/condition-operator.js';
export type { ConditionOutcome } from './engine/conditions/evaluate-condition.js';
export { CONDITION_OPERATORS } from './engine/conditions/registry.js';
export { type SimulateJson, toSimulateJson } from './engine/contract-output.js';
export { type EvaluateOptions, evaluate, requestHash } from './engine/evaluate.js';
export type {
  Decision,
  EvaluationResult,
  StatementOrigin,
  StatementSummary,
  StatementTrace,
} from './engine/evaluation-result.js';
export { LAYER_ORDER, type LayerName, type PolicyLayer } from './engine/layers.js';
export type { PrincipalGrant, PrincipalOutcome } from './engine/principal-match.js';
export type { AuthorizationRequest, ContextValue } from './engine/request.js';
export { buildRequestContext, type ContextEntry, type RequestContext } from './engine/request-context.js';
export {
  parseSimulationBatch,
  parseSimulationCase,
  type SimulationBatch,
  type SimulationCase,
  simulateCase,
} from './engine/simulation-case.js';
export { type Arn, type ArnMatcher, compileArnPattern, parseArn } from './matching/arn.js';
export {
  compileWildcard,
  matchWildcard,
  type WildcardMatcher,
  type WildcardOptions,
  type WildcardPart,
} from './matching/wildcard.js';
export {
  CONDITION_OPERATOR_NAMES,
  type ConditionOperatorName,
  splitOperator,
} from './policy/condition-operator-names.js';
export { type ParsePolicyOptions, type PolicyKind, parsePolicy } from './policy/parse-policy.js';
export type {
  ActionElement,
  ConditionClause,
  PolicyDocument,
  PolicyStatement,
  PolicyString,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  ResourceElement,
} from './policy/policy-model.js';
