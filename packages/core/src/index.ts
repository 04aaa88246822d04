/**
 * @packageDocumentation
 * The platform-neutral core of whydenied: it imports nothing from Node or the DOM. Front ends give
 * `analyze` their inputs as text and render the Diagnosis it returns; the same entry also evaluates
 * `simulate` cases, explains decoded messages, lints, compares and redacts policies. Advanced parts
 * have subpath entries: `@whydenied/core/engine`, `/evidence`, `/errors`, `/calls`, `/lint`.
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

// --- what a diagnosis holds ---
export type { Diagnosis, Finding, Fix } from './diagnose/diagnose.js';
export type { SuggestedStatement } from './fix/suggest-statements.js';
export type {
  DecidingPolicy,
  EvaluatedContextEntry,
  EvaluatedRequest,
  LocatedNode,
} from './diagnose/finding-detail.js';
export { KIND_HEADLINE, LAYER_NAME, OWNER, requestContextLine } from './diagnose/labels.js';
export type { NextStep } from './diagnose/next-steps.js';
export type {
  DenyType,
  FailureFacts,
  FailureKind,
  PrincipalInfo,
  PrincipalKind,
  Unknown,
  UnknownCode,
} from './errors/failure.js';
export type { Evidence } from './evidence/evidence.js';
export type { MissingEvidence, MissingEvidenceCode } from './evidence/missing-evidence.js';
export type { LayerName, PolicyLayer } from './engine/layers.js';
export type { AuthorizationRequest, ContextValue } from './engine/request.js';

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
export { parseJson } from './json/parse-json.js';

// --- simulate, explain, lint, compare, redact ---
export type { SimulateJson } from './engine/contract-output.js';
export { simulateCase } from './engine/simulation-case.js';
export {
  type ExplainDecision,
  type ExplainedCondition,
  type ExplainedStatement,
  type Explanation,
  explainDecoded,
} from './decoded/explain-decoded.js';
export type { ExplainStep, ExplainStepCode } from './decoded/explain-steps.js';
export { parseDecodedMessage } from './decoded/parse-decoded.js';
export type { DecodedMessage } from './decoded/decoded-model.js';
export { LINT_POLICY_KINDS, type LintPolicyKind } from './lint/lint-rule.js';
export { type LintFinding, lintPolicyText } from './lint/lint-text.js';
export {
  type FileLintFinding,
  type FileLintResult,
  LINT_INPUT_KINDS,
  type LintInputKind,
  lintText,
} from './lint/lint-file.js';
export type { PolicyRef } from './lint/sources/policy-place.js';
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
export {
  type RedactAllResult,
  type RedactOptions,
  type RedactResult,
  type RestoreResult,
  redact,
  redactAll,
  restore,
} from './redact/redact.js';
export {
  parseRedactionMap,
  REDACTION_KINDS,
  type RedactionEntry,
  type RedactionKind,
  type RedactionMap,
} from './redact/redaction-map.js';

// --- the service catalog the front ends inject ---
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
