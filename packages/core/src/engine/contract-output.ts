import type { EvaluationResult, StatementSummary } from './evaluation-result.js';

/** The `simulate --format json` object of the contract. */
export interface SimulateJson {
  readonly decision: EvaluationResult['decision'];
  readonly layer: EvaluationResult['layer'];
  readonly statements: readonly StatementSummary[];
}

/** Projects an evaluation onto the exact fields of the contract's `simulate --format json`. */
export function toSimulateJson(result: EvaluationResult): SimulateJson {
  return { decision: result.decision, layer: result.layer, statements: result.statements };
}
