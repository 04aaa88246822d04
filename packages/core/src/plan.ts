/**
 * @packageDocumentation
 * `@whydenied/core/plan`. Denials predicted for a Terraform plan before apply: the plan reader, the
 * table of the calls the AWS provider makes per resource type, and the prediction.
 */

export { PlannedValues } from './plan/plan-values.js';
export {
  type ChangeCoverage,
  type ExpandedCall,
  type PlanPrediction,
  type PredictedDenial,
  type PredictPlanInput,
  predictPlan,
  type ResourcePrediction,
} from './plan/predict.js';
export { type PlanAction, type PlanReading, type ResourceChange, readPlan } from './plan/read-plan.js';
export {
  RESOURCE_CALLS,
  resourceCallsFor,
  SUPPORTED_RESOURCE_TYPES,
  type SupportedResourceType,
} from './plan/resource-calls.js';
export type { PlannedCall, ResourceCalls } from './plan/resource-model.js';
