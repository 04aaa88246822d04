import { describe, expect, it } from 'vitest';
import { type AccountOptions, generateAccount } from '../../../../scripts/generate-account.mjs';
import { nodeCatalog } from '../../test/node-catalog.js';
import { lintText } from '../lint/lint-file.js';
import { orgLevelsFor } from './org-levels.js';
import { parseAccountDetails } from './parse-account-details.js';
import { parseOrganization } from './parse-organization.js';

/** IAM's default quotas, in characters without white space (reference_iam-quotas). */
const QUOTAS = { managedPolicy: 6_144, roleInline: 10_240, trustPolicy: 2_048, attachedPerEntity: 10 };

const size = (document: unknown): number => JSON.stringify(document).replace(/\s/g, '').length;

interface SizeCase {
  readonly name: string;
  readonly options: AccountOptions;
  readonly expected: { roles: number; policies: number; users: number; groups: number };
}

const CASES: readonly SizeCase[] = [
  {
    name: 'the default account of the access bench',
    options: {},
    expected: { roles: 1000, policies: 5000, users: 40, groups: 12 },
  },
  {
    name: 'a small account with URL-encoded documents, as the API returns them',
    options: { roles: 30, policies: 80, users: 5, groups: 3, seed: 7, documents: 'url-encoded' },
    expected: { roles: 30, policies: 80, users: 5, groups: 3 },
  },
  {
    name: 'no policies beyond the boundaries',
    options: { roles: 10, policies: 3, users: 0, groups: 0, seed: 2 },
    expected: { roles: 10, policies: 3, users: 0, groups: 0 },
  },
];

describe('scripts/generate-account.mjs', () => {
  it.each(CASES)('$name: read without error, with the requested counts', ({ options, expected }) => {
    const { account, organization, accountId } = generateAccount(options);
    const parsed = parseAccountDetails(account);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics.slice(0, 3)));
    const a = parsed.value;
    expect({
      roles: a.roles.length,
      policies: a.managedPolicies.filter((p) => !p.awsManaged).length,
      users: a.users.length,
      groups: a.groups.length,
    }).toEqual(expected);
    expect(a.accountId).toBe(accountId);
    const org = parseOrganization(organization);
    if (!org.ok) throw new Error(JSON.stringify(org.diagnostics));
    // root, the workloads OU and the account itself
    const levels = orgLevelsFor(org.value, accountId, 'SERVICE_CONTROL_POLICY').levels;
    expect(levels?.map((l) => l.policies.length > 0)).toEqual([true, true, true]);
  });

  it('is deterministic by seed', () => {
    const options = { roles: 20, policies: 40, seed: 3 };
    expect(generateAccount(options)).toEqual(generateAccount(options));
    expect(generateAccount(options)).not.toEqual(generateAccount({ ...options, seed: 4 }));
  });

  it('every attachment and boundary names a policy of the file, within IAM quotas', () => {
    const { account } = generateAccount({ roles: 300, policies: 1500, seed: 5 });
    const parsed = parseAccountDetails(account);
    if (!parsed.ok) throw new Error('unreadable');
    const arns = new Set(parsed.value.managedPolicies.map((p) => p.arn));
    const entities = [...parsed.value.roles, ...parsed.value.users, ...parsed.value.groups];
    for (const e of entities) {
      expect(e.attachedPolicies.length).toBeLessThanOrEqual(QUOTAS.attachedPerEntity);
      for (const p of e.attachedPolicies) expect(arns).toContain(p.arn);
    }
    for (const r of [...parsed.value.roles, ...parsed.value.users]) {
      if (r.boundary !== null) expect(arns).toContain(r.boundary.arn);
    }
    for (const r of parsed.value.roles) {
      expect(size(r.trustPolicy)).toBeLessThanOrEqual(QUOTAS.trustPolicy);
      expect(r.inlinePolicies.reduce((n, p) => n + size(p.document), 0)).toBeLessThanOrEqual(
        QUOTAS.roleInline,
      );
    }
    for (const p of parsed.value.managedPolicies)
      expect(size(p.document)).toBeLessThanOrEqual(QUOTAS.managedPolicy);
  });

  it('mixes the statement shapes real accounts hold', () => {
    const { account } = generateAccount({ roles: 100, policies: 400, seed: 1 });
    const text = JSON.stringify(account);
    for (const shape of [
      '"NotAction"',
      '"Effect":"Deny"',
      '"s3:*"',
      'aws:MultiFactorAuthPresent',
      'aws:SourceVpce',
      'aws:ResourceOrgID',
      'aws:PrincipalTag/team',
      'sts:ExternalId',
      'token.actions.githubusercontent.com:sub',
      '"PermissionsBoundary"',
      '"RolePolicyList":[{',
    ]) {
      expect(text).toContain(shape);
    }
  });

  it('lints without errors: its only findings are the warnings of the NotAction power-user statements', async () => {
    const { account } = generateAccount({ roles: 100, policies: 400, seed: 1 });
    const linted = await lintText(JSON.stringify(account), nodeCatalog());
    if (!linted.ok) throw new Error(JSON.stringify(linted.diagnostics));
    expect([...new Set(linted.value.findings.map((f) => `${f.code} ${f.severity}`))]).toEqual([
      'allow-with-not-action warning',
    ]);
  });
});
