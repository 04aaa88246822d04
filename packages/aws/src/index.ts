/**
 * @packageDocumentation
 * Live, read-only evidence gathering for whydenied through the AWS SDK v3: the CLI loads it only for
 * `diagnose --live` and `collect`; core and the web page never import it.
 */
export {
  type EvidenceFile,
  gatherEvidence,
  type LiveCaller,
  type LiveEvidence,
  type LiveRequest,
} from './gather.js';
export type { LiveGap } from './gaps.js';
export { liveModePolicy } from './least-privilege.js';
export { OPERATIONS, type OperationName, READ_VERBS } from './operations.js';
export { AwsSession, type CallRecord, type SessionOptions } from './session.js';
export type { SimulatedCheck } from './simulate.js';
export { type SimulatorAgreement, simulatorAgreement } from './simulator-agreement.js';
export { collectScript } from './script.js';
export {
  listTrailObjects,
  openTrailObject,
  type TrailObject,
  type TrailObjectsFailure,
  type TrailObjectsRequest,
} from './trail-objects.js';
