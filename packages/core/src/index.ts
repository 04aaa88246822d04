/**
 * @packageDocumentation
 * The platform-neutral core of whydenied. It imports nothing from Node or the DOM; the CLI and the
 * web page inject input and render output.
 */

// --- the one entry of every front end ---
export {
  type AnalyzedInput,
  type Analysis,
  type AnalyzeInput,
  type AnalyzeOptions,
  analyze,
  type FailedEvent,
} from './analyze/analyze.js';
export { INPUT_KIND_NAME, INPUT_KINDS, type InputKind, recognizeInput } from './analyze/input-kind.js';
export { parseContextPairs, parseParameterPairs } from './analyze/key-value-pairs.js';
export {
  evaluateWhatIf,
  type SharedCase,
  sharedCase,
  WHAT_IF_LAYERS,
  type WhatIf,
  type WhatIfLayer,
} from './analyze/what-if.js';

// --- diagnostics and JSON ---
export {
  type Diagnostic,
  formatDiagnostic,
  formatLocation,
  type Position,
  type Severity,
  type Span,
} from './diagnostics/diagnostic.js';
export type { Result } from './diagnostics/result.js';
export { isJsonObject } from './json/is-json-object.js';
export { parseJson } from './json/parse-json.js';
export { createPointerLocator, type PointerLocator } from './json/pointer-position.js';

// --- errors: reading pasted AWS errors ---
export { actionForOperation, type OperationAction, servicesForOperation } from './catalog/operations.js';
export type {
  DenyType,
  EncodedMessage,
  EncodedMessageState,
  ErrorReading,
  FactSource,
  FailureFacts,
  FailureKind,
  PrincipalInfo,
  PrincipalKind,
  PrincipalOrigin,
  Unknown,
  UnknownCode,
} from './errors/failure.js';
export { parsePrincipal } from './errors/principal.js';
export {
  type CloudTrailCall,
  type CloudTrailFailure,
  type CloudTrailFailures,
  readCloudTrail,
} from './errors/cloudtrail.js';
export { normaliseAction, type ReadErrorOptions, readError } from './errors/read-error.js';

// --- diagnose: from a pasted error to an explanation ---
export {
  type DiagnoseInput,
  type Diagnosis,
  diagnose,
  type Finding,
  type Fix,
} from './diagnose/diagnose.js';
export { checkFromDecoded } from './diagnose/checks-for-failure.js';
export { KIND_HEADLINE, LAYER_NAME, OWNER, requestContextLine } from './diagnose/labels.js';
export type {
  DecidingPolicy,
  EvaluatedContextEntry,
  EvaluatedRequest,
  LocatedNode,
} from './diagnose/finding-detail.js';
export type { NextStep } from './diagnose/next-steps.js';

// --- policy and engine: parsing and evaluating policies ---
export { type ArnMatcher, type Arn, compileArnPattern, parseArn } from './matching/arn.js';
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
export { type Caller, type CallerKind, parseCaller } from './engine/caller.js';
export {
  type CompiledPolicy,
  type CompiledPolicySet,
  compilePolicy,
  compilePolicySet,
  type NamedPolicyInput,
  type PolicySetInput,
} from './engine/compile-policy-set.js';
export type { ConditionOutcome } from './engine/conditions/evaluate-condition.js';
export { CONDITION_OPERATORS } from './engine/conditions/registry.js';
export type { ConditionOperator } from './engine/conditions/condition-operator.js';
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
  parseSimulationCase,
  type SimulationCase,
  simulateCase,
} from './engine/simulation-case.js';

// --- catalog and lint ---
export { type Catalog, type CatalogSnapshot, createCatalog } from './catalog/catalog.js';
export type {
  CatalogSource,
  RawAction,
  RawActionResourceType,
  RawConditionKey,
  RawResourceType,
  RawServiceData,
  RawServiceName,
} from './catalog/catalog-source.js';
export { createDataFileSource, type DataFileReader } from './catalog/data-file-source.js';
export type {
  ActionInfo,
  ActionResourceType,
  ConditionKeyInfo,
  ResourceTypeInfo,
  ServiceInfo,
} from './catalog/service-info.js';

// --- calls: what one API call authorizes ---
export type { CallChecks, CallDescription, CallNote, CallNoteCode } from './calls/call-model.js';
export type { CallCheck, Check, CheckOrigin, CheckTiming } from './calls/check.js';
export type { CallRule, RuleInput } from './calls/call-rule.js';
export { parametersFromCloudTrail } from './calls/cloudtrail-parameters.js';
export { callFromFailure, expandCall, type FailedCall } from './calls/expand-call.js';
export { CALL_RULES, DEFAULT_CALL_RULE, ruleFor } from './calls/rules/index.js';
export {
  formatTemplate,
  LINT_POLICY_KINDS,
  type LintContext,
  type LintPolicyKind,
  type LintRule,
  type LintRuleMeta,
  type MessageTemplate,
  type RuleFinding,
} from './lint/lint-rule.js';
export {
  detectKind,
  type LintOptions,
  type LintPolicyResult,
  type LintSource,
  lintPolicy,
} from './lint/lint-policy.js';
export { type LintFinding, lintPolicyText } from './lint/lint-text.js';
export { LINT_RULES } from './lint/rules/index.js';

// --- evidence: accounts, organizations, resource policies ---
export type {
  AccountSnapshot,
  AttachedPolicy,
  BoundaryReference,
  IamEntity,
  IamGroup,
  IamRole,
  IamUser,
  InlinePolicy,
  InstanceProfileReference,
  ManagedPolicy,
} from './evidence/account-model.js';
export {
  buildEvidence,
  type Evidence,
  type EvidenceParts,
  NO_EVIDENCE,
  type ResourcePolicyEvidence,
  resourcePolicyName,
} from './evidence/evidence.js';
export {
  type MissingEvidence,
  type MissingEvidenceCode,
  missingEvidence,
} from './evidence/missing-evidence.js';
export { type OrgLevel, type OrgLevels, orgLevelsFor, rcpCovers } from './evidence/org-levels.js';
export { parseAccountDetails } from './evidence/parse-account-details.js';
export {
  type OrgPolicy,
  type OrgPolicyType,
  type OrgSnapshot,
  parseOrganization,
} from './evidence/parse-organization.js';
export { type EvidencePolicySet, policySetFor } from './evidence/policy-set-for.js';
export type { EntityRef, PolicyOrigin, PolicyProvenance } from './evidence/provenance.js';
export type { FixOperation, FixTarget } from './fix/fix-model.js';
export type { RawRecord } from './evidence/raw-reader.js';
export {
  governs,
  policyHolderOf,
  RESOURCE_POLICY_KINDS,
  type ResourcePolicyKind,
} from './evidence/resource-policies.js';
export {
  type FoundResourcePolicy,
  isTrustAction,
  type ResourcePolicyLookup,
  resourcePolicyFor,
} from './evidence/resource-policy-for.js';
export {
  findRole,
  type IdentityMatch,
  type IdentityPolicy,
  type IdentityResolution,
  type ResolvedBoundary,
  type ResolvedIdentity,
  resolveIdentity,
} from './evidence/resolve-identity.js';

// --- decoded messages and redaction ---
export type {
  DecodedCondition,
  DecodedContext,
  DecodedForm,
  DecodedMessage,
  DecodedPrincipal,
  DecodedStatement,
} from './decoded/decoded-model.js';
export {
  type ExplainDecision,
  type ExplainedCondition,
  type ExplainedStatement,
  type Explanation,
  explainDecoded,
} from './decoded/explain-decoded.js';
export type { ExplainStep, ExplainStepCode } from './decoded/explain-steps.js';
export { parseDecodedMessage } from './decoded/parse-decoded.js';
export {
  type DecodedLayer,
  type LayerEvidence,
  type LayerGuess,
  guessLayer,
} from './decoded/statement-layer.js';
export {
  type RedactOptions,
  type RedactResult,
  type RestoreResult,
  redact,
  restore,
} from './redact/redact.js';
export {
  parseRedactionMap,
  REDACTION_KINDS,
  type RedactionEntry,
  type RedactionKind,
  type RedactionMap,
} from './redact/redaction-map.js';

// --- compare: what a new policy allows that the old one does not ---
export { comparePolicies } from './compare/compare-policies.js';
export type { ComparedPolicy } from './compare/read-compared-policy.js';
export {
  type AccessRow,
  COMPARE_LAYERS,
  type CompareLayer,
  type CompareLimit,
  type CompareOptions,
  type Comparison,
  type ConditionValue,
  type ExampleRequest,
  type KeySummary,
  type StatementRef,
} from './compare/compare-model.js';
