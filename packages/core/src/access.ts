/**
 * @packageDocumentation
 * `@whydenied/core/access`. Who can do what in an account: `who-can` (every principal allowed one action
 * on one resource, with the deciding statements and the conditions left open) and `what-can` (every
 * action one principal is allowed), both over the evidence's exact policy sets and the engine.
 */

export {
  type ConditionCategory,
  conditionCategory,
  SESSION_CATEGORIES,
} from './access/access-conditions.js';
export {
  type AccessPrincipal,
  type AccessPrincipalKind,
  accountPrincipals,
  type IdentityEvidence,
  resourcePolicyPrincipals,
  roleSession,
} from './access/principal-candidates.js';
export { whatCan } from './access/what-can.js';
export {
  ESCALATION_RULES,
  type EscalationCode,
  type EscalationRule,
  escalationFor,
  isBroadPattern,
} from './access/what-can-escalation.js';
export {
  ACCESS_LEVELS,
  type AccessLevel,
  type DecidingStatement,
  type EscalationFlag,
  type GrantVia,
  type OpenCondition,
  type WhatCanGrant,
  type WhatCanLimit,
  type WhatCanOptions,
  type WhatCanResult,
} from './access/what-can-model.js';
export {
  UNKNOWN_IDENTITY_POLICY,
  type WhoCanAccess,
  type WhoCanCondition,
  type WhoCanOptions,
  type WhoCanQuery,
  type WhoCanResult,
  type WhoCanRow,
  type WhoCanStatement,
  whoCan,
} from './access/who-can.js';
