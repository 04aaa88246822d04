/**
 * @packageDocumentation
 * The platform-neutral core of whydenied. It imports nothing from Node or the DOM; the CLI and the
 * web page inject input and render output.
 */

// --- diagnostics and JSON ---
export type { Diagnostic, Position, Severity, Span } from './diagnostics/diagnostic.js';
export { type JsonParseResult, parseJson } from './json/parse-json.js';

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
  PolicyLayer,
  PrincipalInfo,
  PrincipalKind,
  PrincipalOrigin,
  Unknown,
  UnknownCode,
} from './errors/failure.js';
export { parsePrincipal } from './errors/principal.js';
export {
  normaliseAction,
  type ReadErrorOptions,
  type ReadErrorResult,
  readError,
} from './errors/read-error.js';

// --- diagnose: from a pasted error to an explanation ---
export {
  type DiagnoseInput,
  type DiagnoseResult,
  type Diagnosis,
  diagnose,
  type Finding,
  type Fix,
} from './diagnose/diagnose.js';
export type { NextStep } from './diagnose/next-steps.js';

// --- policy and engine: parsing and evaluating policies ---
