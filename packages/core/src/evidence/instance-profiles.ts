import type { InstanceProfileRole } from '../calls/call-model.js';
import type { UnresolvedFact } from '../calls/check.js';
import type { Evidence } from './evidence.js';
import { type MissingEvidence, missingEvidence } from './missing-evidence.js';

/**
 * Every instance profile the account authorization details list (`RoleDetailList[].InstanceProfileList`),
 * with the role that holds it.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleDetail.html
 */
export function instanceProfilesOf(evidence: Evidence): InstanceProfileRole[] {
  return evidence.accounts.flatMap((account) =>
    account.roles.flatMap((role) =>
      role.instanceProfiles.map((profile) => ({ name: profile.name, arn: profile.arn, role: role.arn })),
    ),
  );
}

/** The missing-evidence entry for a fact a check had to assume. */
export function missingFact(fact: UnresolvedFact): MissingEvidence {
  return missingEvidence('instance-profile-role-unknown', {
    subject: fact.arn ?? fact.name,
    name: fact.name,
  });
}
