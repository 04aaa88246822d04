import type { LintRule } from '../lint-rule.js';
import { allowWithNotAction } from './allow-with-not-action.js';
import { allowWithNotResource } from './allow-with-not-resource.js';
import { conditionKeyNotSent } from './condition-key-not-sent.js';
import { conditionKeyNotSentForType } from './condition-key-not-sent-for-type.js';
import { passroleUnrestricted } from './passrole-unrestricted.js';
import { passroleWithoutService } from './passrole-without-service.js';
import { principalOrgKeyService } from './principal-org-key-service.js';
import { rcpGrammar } from './rcp-grammar.js';
import { regionDenyGlobalServices } from './region-deny-global-services.js';
import { resourceLevelUnsupported } from './resource-level-unsupported.js';
import { resourceTypeMismatch } from './resource-type-mismatch.js';
import { runinstancesMissingResources } from './runinstances-missing-resources.js';
import { runinstancesUnrestricted } from './runinstances-unrestricted.js';
import { scpGrammar } from './scp-grammar.js';
import { sourceIpDeny } from './source-ip-deny.js';
import { unknownAction } from './unknown-action.js';
import { unknownService } from './unknown-service.js';
import { wildcardInStringEquals } from './wildcard-in-string-equals.js';

/**
 * Every lint rule, keyed by its stable id. The one place rules are registered; ids are written here
 * and in each rule's `meta.id` (a test checks they agree), never derived from file names.
 */
export const LINT_RULES: Readonly<Record<string, LintRule>> = {
  'unknown-service': unknownService,
  'unknown-action': unknownAction,
  'resource-level-unsupported': resourceLevelUnsupported,
  'resource-type-mismatch': resourceTypeMismatch,
  'condition-key-not-sent': conditionKeyNotSent,
  'condition-key-not-sent-for-type': conditionKeyNotSentForType,
  'runinstances-missing-resources': runinstancesMissingResources,
  'runinstances-unrestricted': runinstancesUnrestricted,
  'passrole-unrestricted': passroleUnrestricted,
  'passrole-without-service': passroleWithoutService,
  'allow-with-not-action': allowWithNotAction,
  'allow-with-not-resource': allowWithNotResource,
  'source-ip-deny': sourceIpDeny,
  'region-deny-global-services': regionDenyGlobalServices,
  'wildcard-in-string-equals': wildcardInStringEquals,
  'principal-org-key-service': principalOrgKeyService,
  'scp-grammar': scpGrammar,
  'rcp-grammar': rcpGrammar,
};
