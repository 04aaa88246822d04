/**
 * @packageDocumentation
 * `@whydenied/core/lint`. The lint rules for advanced use: one rule per file, the linter over a parsed document, and JSON pointer positions.
 */

export { isJsonObject } from './json/is-json-object.js';
export { createPointerLocator, type PointerLocator } from './json/pointer-position.js';
export {
  detectKind,
  type LintOptions,
  type LintPolicyResult,
  type LintSource,
  lintPolicy,
} from './lint/lint-policy.js';
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
export { LINT_RULES } from './lint/rules/index.js';
