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
