/**
 * @packageDocumentation
 * `@whydenied/core/evidence`. Evidence for advanced use: account authorization details, organization snapshots and resource policies read and
 * validated, the exact policy set AWS evaluates for a request, with provenance, fix targets and what is missing.
 */

export type {
  AccountSnapshot,
  AttachedPolicy,
  BoundaryReference,
  IamEntity,
  IamGroup,
  IamRole,
  IamUser,
  InlinePolicy,
  InstanceProfileReference,
  ManagedPolicy,
} from './evidence/account-model.js';
export {
  buildEvidence,
  type Evidence,
  type EvidenceParts,
  NO_EVIDENCE,
  type ResourcePolicyEvidence,
  resourcePolicyName,
} from './evidence/evidence.js';
export {
  type MissingEvidence,
  type MissingEvidenceCode,
  missingEvidence,
} from './evidence/missing-evidence.js';
export { type OrgLevel, type OrgLevels, orgLevelsFor, rcpCovers } from './evidence/org-levels.js';
export { parseAccountDetails } from './evidence/parse-account-details.js';
export {
  type OrgPolicy,
  type OrgPolicyType,
  type OrgSnapshot,
  parseOrganization,
} from './evidence/parse-organization.js';
export { type EvidencePolicySet, policySetFor } from './evidence/policy-set-for.js';
export type { EntityRef, PolicyOrigin, PolicyProvenance } from './evidence/provenance.js';
export type { RawRecord } from './evidence/raw-reader.js';
export {
  findRole,
  type IdentityMatch,
  type IdentityPolicy,
  type IdentityResolution,
  type ResolvedBoundary,
  type ResolvedIdentity,
  resolveIdentity,
} from './evidence/resolve-identity.js';
export {
  governs,
  policyHolderOf,
  RESOURCE_POLICY_KINDS,
  type ResourcePolicyKind,
} from './evidence/resource-policies.js';
export {
  type FoundResourcePolicy,
  isTrustAction,
  type ResourcePolicyLookup,
  resourcePolicyFor,
} from './evidence/resource-policy-for.js';
export type { FixOperation, FixTarget } from './fix/fix-model.js';
