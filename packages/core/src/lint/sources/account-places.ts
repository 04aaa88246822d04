import type { Result } from '../../diagnostics/result.js';
import type { AccountSnapshot, IamEntity } from '../../evidence/account-model.js';
import { parseAccountDetails } from '../../evidence/parse-account-details.js';
import { parseOrganization } from '../../evidence/parse-organization.js';
import type { LintPolicyKind } from '../lint-rule.js';
import type { PolicyPlace, PolicyPlaces } from './policy-place.js';
import { valueAtPointer } from './value-at-pointer.js';

/**
 * Every policy of an account's `aws iam get-account-authorization-details` output: the inline
 * policies of users, groups and roles, role trust policies, and the default version of each customer
 * managed policy (as a permissions boundary when the file uses it only as one). AWS managed policies
 * are left out: their users cannot change them.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function accountPlaces(file: unknown): Result<PolicyPlaces> {
  const parsed = parseAccountDetails(file, { checkGrammar: false });
  if (!parsed.ok) return parsed;
  const account = parsed.value;
  const places: PolicyPlace[] = [];
  const place = (name: string, kind: LintPolicyKind, pointer: string) => {
    const document = valueAtPointer(file, pointer);
    places.push({ name, kind, pointer, document, embedded: typeof document === 'string', placeholders: [] });
  };
  const inline = (prefix: string, entity: IamEntity) => {
    for (const p of entity.inlinePolicies) place(`${prefix}/${entity.name}/${p.name}`, 'identity', p.pointer);
  };
  for (const user of account.users) inline('user', user);
  for (const group of account.groups) inline('group', group);
  for (const role of account.roles) {
    if (role.trustPolicyPointer !== null)
      place(`role/${role.name} (trust policy)`, 'resource', role.trustPolicyPointer);
    inline('role', role);
  }
  const { attached, boundaries } = usesOf(account);
  for (const policy of account.managedPolicies) {
    if (policy.awsManaged || policy.document === null) continue;
    const kind = boundaries.has(policy.arn) && !attached.has(policy.arn) ? 'boundary' : 'identity';
    place(`policy${policy.path}${policy.name}`, kind, policy.pointer);
  }
  return { ok: true, value: { places, notes: [] } };
}

function usesOf(account: AccountSnapshot): { attached: Set<string>; boundaries: Set<string> } {
  const attached = new Set<string>();
  const boundaries = new Set<string>();
  for (const entity of [...account.users, ...account.groups, ...account.roles]) {
    for (const a of entity.attachedPolicies) attached.add(a.arn);
  }
  for (const entity of [...account.users, ...account.roles]) {
    if (entity.boundary !== null) boundaries.add(entity.boundary.arn);
  }
  return { attached, boundaries };
}

/**
 * The SCPs and RCPs of an organization snapshot (docs/contract.md), each linted as its type.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
 */
export function organizationPlaces(file: unknown): Result<PolicyPlaces> {
  const parsed = parseOrganization(file, { checkGrammar: false });
  if (!parsed.ok) return parsed;
  const places = parsed.value.policies.map((policy): PolicyPlace => {
    const kind = policy.type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : 'scp';
    const pointer = `${policy.pointer}/document`;
    const document = valueAtPointer(file, pointer);
    return {
      name: `${kind}/${policy.name}`,
      kind,
      pointer,
      document,
      embedded: typeof document === 'string',
      placeholders: [],
    };
  });
  return { ok: true, value: { places, notes: [] } };
}
