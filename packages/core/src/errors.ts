/**
 * @packageDocumentation
 * `@whydenied/core/errors`. Reading AWS errors for advanced use: the reader under `analyze`, CloudTrail records, principals, decoded
 * authorization messages, and `diagnose` over evidence already built.
 */

export { actionForOperation, type OperationAction, servicesForOperation } from './catalog/operations.js';
export type {
  DecodedCondition,
  DecodedContext,
  DecodedForm,
  DecodedMessage,
  DecodedPrincipal,
  DecodedStatement,
} from './decoded/decoded-model.js';
export {
  type DecodedLayer,
  guessLayer,
  type LayerEvidence,
  type LayerGuess,
} from './decoded/statement-layer.js';
export { checkFromDecoded, checksForFailure } from './diagnose/checks-for-failure.js';
export {
  callParameters,
  type DiagnoseInput,
  type Diagnosis,
  diagnose,
  type Finding,
  type Fix,
} from './diagnose/diagnose.js';
export {
  type CloudTrailCall,
  type CloudTrailFailure,
  type CloudTrailFailures,
  readCloudTrail,
} from './errors/cloudtrail.js';
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
export { normaliseAction, type ReadErrorOptions, readError } from './errors/read-error.js';
