import type { BuiltInDecision } from './built-in-rules.js';
import type { EvaluationResult, StatementSummary } from './evaluation-result.js';

/** The `simulate --format json` object of the contract. */
export interface SimulateJson {
  readonly decision: EvaluationResult['decision'];
  readonly layer: EvaluationResult['layer'];
  readonly statements: readonly StatementSummary[];
  /** Present only when a rule AWS applies that no policy states decided (see `EvaluationResult.builtIn`). */
  readonly builtIn?: BuiltInDecision;
}

/** Projects an evaluation onto the exact fields of the contract's `simulate --format json`. */
export function toSimulateJson(result: EvaluationResult): SimulateJson {
  const json = { decision: result.decision, layer: result.layer, statements: result.statements };
  return result.builtIn === null ? json : { ...json, builtIn: result.builtIn };
}
