import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEvidence, type Evidence } from './evidence.js';
import { type IdentityResolution, resolveIdentity } from './resolve-identity.js';

const fixture = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'));

function evidence(): Evidence {
  const built = buildEvidence({
    accounts: [fixture('account-111122223333-api.json'), fixture('account-444455556666-cli.json')],
  });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return built.value;
}

/** A resolution reduced to what the table states. */
function summary(r: IdentityResolution) {
  if (!r.found) return { found: false, missing: r.missing.map((m) => m.code) };
  const i = r.identity;
  return {
    found: true,
    kind: i.kind,
    matchedBy: i.matchedBy,
    entity: i.entity?.arn ?? null,
    policies: i.policies.map(
      (p) => `${p.kind} ${p.owner.name}/${p.name}${p.versionId ? `@${p.versionId}` : ''}`,
    ),
    boundary:
      i.boundary === null ? null : `${i.boundary.arn}${i.boundary.document === null ? ' (no document)' : ''}`,
    groups: i.groups.map((g) => g.name),
    trust: i.trustPolicy !== null,
    missing: i.missing.map((m) => m.code),
  };
}

const ROLE_DEPLOY = 'arn:aws:iam::111122223333:role/service/deploy-role';
const DEPLOY_POLICIES = [
  'inline-role deploy-role/EC2Launch',
  'managed deploy-role/DeployTools@v2',
  'managed deploy-role/AmazonS3ReadOnlyAccess@v3',
];
const DEPLOY = {
  found: true,
  kind: 'role' as const,
  entity: ROLE_DEPLOY,
  policies: DEPLOY_POLICIES,
  boundary: 'arn:aws:iam::111122223333:policy/boundaries/DeveloperBoundary',
  groups: [],
  trust: true,
  missing: [],
};

const CASES: readonly { readonly principal: string; readonly expected: ReturnType<typeof summary> }[] = [
  {
    principal: 'arn:aws:iam::111122223333:user/engineering/alice',
    expected: {
      found: true,
      kind: 'user',
      matchedBy: 'user',
      entity: 'arn:aws:iam::111122223333:user/engineering/alice',
      policies: [
        'inline-user alice/AliceReports',
        'inline-group developers/DescribeEverything',
        'managed developers/DeployTools@v2',
      ],
      boundary: null,
      groups: ['developers'],
      trust: false,
      missing: ['managed-policy-missing', 'group-not-found'],
    },
  },
  { principal: ROLE_DEPLOY, expected: { ...DEPLOY, matchedBy: 'role' } },
  { principal: 'arn:aws:iam::111122223333:role/deploy-role', expected: { ...DEPLOY, matchedBy: 'role' } },
  {
    principal: 'arn:aws:sts::111122223333:assumed-role/deploy-role/i-0123456789abcdef0',
    expected: { ...DEPLOY, matchedBy: 'role' },
  },
  {
    principal: 'arn:aws:sts::111122223333:assumed-role/DEPLOY-ROLE/x',
    expected: { ...DEPLOY, matchedBy: 'role' },
  },
  {
    principal: 'arn:aws:iam::111122223333:instance-profile/deploy-profile',
    expected: { ...DEPLOY, matchedBy: 'instance-profile' },
  },
  {
    principal: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PlatformAdmin_5f2c8a0e1b3d4c6f/jane',
    expected: {
      found: true,
      kind: 'role',
      matchedBy: 'role',
      entity:
        'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_5f2c8a0e1b3d4c6f',
      policies: ['managed AWSReservedSSO_PlatformAdmin_5f2c8a0e1b3d4c6f/AdministratorAccess@v1'],
      boundary: null,
      groups: [],
      trust: true,
      missing: [],
    },
  },
  {
    principal: 'arn:aws:iam::444455556666:root',
    expected: {
      found: true,
      kind: 'root',
      matchedBy: 'root',
      entity: null,
      policies: [],
      boundary: null,
      groups: [],
      trust: false,
      missing: [],
    },
  },
  {
    principal: 'arn:aws:sts::111122223333:federated-user/bob',
    expected: {
      found: true,
      kind: 'federated-user',
      matchedBy: 'federated-user',
      entity: null,
      policies: [],
      boundary: null,
      groups: [],
      trust: false,
      missing: ['federated-user-issuer-unknown', 'session-policy-unknown'],
    },
  },
  {
    principal: 'arn:aws:iam::111122223333:user/mallory',
    expected: { found: false, missing: ['principal-not-found'] },
  },
  {
    principal: 'arn:aws:sts::444455556666:assumed-role/ghost/s',
    expected: { found: false, missing: ['principal-not-found', 'account-details-truncated'] },
  },
  {
    principal: 'arn:aws:sts::777777777777:assumed-role/deploy-role/s',
    expected: { found: false, missing: ['account-details-missing'] },
  },
  {
    principal: 'arn:aws:sts::<REMOVED>:assumed-role/deploy-role/s',
    expected: { found: false, missing: ['principal-account-unknown'] },
  },
  { principal: 'ec2.amazonaws.com', expected: { found: false, missing: [] } },
  { principal: 'anonymous', expected: { found: false, missing: [] } },
];

describe('resolveIdentity', () => {
  const ev = evidence();
  for (const c of CASES) {
    it(c.principal, () => expect(summary(resolveIdentity(ev, c.principal))).toEqual(c.expected));
  }

  it('names the command that fetches an absent managed policy', () => {
    const r = resolveIdentity(ev, 'arn:aws:iam::111122223333:user/engineering/alice');
    if (!r.found) throw new Error('not found');
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    expect(r.identity.missing[0]).toEqual({
      code: 'managed-policy-missing',
      subject: arn,
      message: expect.stringContaining('`--filter AWSManagedPolicy`'),
      command: `aws iam get-policy-version --policy-arn ${arn} --version-id $(aws iam get-policy --policy-arn ${arn} --query Policy.DefaultVersionId --output text)`,
      evidence: null,
    });
  });

  it('reports an absent boundary document instead of dropping the boundary', () => {
    const built = buildEvidence({
      accounts: [
        {
          RoleDetailList: [
            {
              RoleName: 'bounded',
              Arn: 'arn:aws:iam::222222222222:role/bounded',
              PermissionsBoundary: {
                PermissionsBoundaryType: 'Policy',
                PermissionsBoundaryArn: 'arn:aws:iam::222222222222:policy/Boundary',
              },
            },
          ],
          Policies: [
            {
              PolicyName: 'Boundary',
              Arn: 'arn:aws:iam::222222222222:policy/Boundary',
              DefaultVersionId: 'v4',
            },
          ],
        },
      ],
    });
    if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
    const r = resolveIdentity(built.value, 'arn:aws:sts::222222222222:assumed-role/bounded/s');
    expect(summary(r)).toMatchObject({
      boundary: 'arn:aws:iam::222222222222:policy/Boundary (no document)',
      missing: ['managed-policy-version-missing'],
    });
  });
});
