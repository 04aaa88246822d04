/**
 * What-can's case table: `cases/what-can.cases.json` gives one role's policies (and its boundary,
 * its account's SCPs, its tags, other roles' trust policies, resource policies) and the grants the query must find; one typed harness builds the
 * evidence, reads the cases and rejects unknown keys.
 */
import { describe, expect, it } from 'vitest';
import { checkKeys, loadCaseTable } from '../../test/case-table.js';
import { nodeCatalog } from '../../test/node-catalog.js';
import { CASE_ROLE, caseEvidence, type WhatCanCaseInput } from '../../test/what-can-evidence.js';
import { buildEvidence } from '../evidence/evidence.js';
import { whatCan } from './what-can.js';
import type { WhatCanGrant } from './what-can-model.js';

/** A grant as the table writes it: the fields to compare (conditions by effect, key and kind). */
interface ExpectedGrant {
  readonly action: string;
  readonly resourceType?: string | null;
  readonly resource?: string;
  readonly within?: readonly string[];
  readonly except?: readonly string[];
  readonly exact?: boolean;
  readonly conditions?: readonly { effect: string; key: string; category: string }[];
  readonly escalation?: string | null;
  readonly resourcePolicyRequired?: string | null;
  readonly statements?: readonly string[];
  /** The resource policy the grant is marked with (`via.policy`), or `null`. */
  readonly via?: string | null;
}

interface WhatCanCase {
  readonly name: string;
  /** `principal`: the ARN asked about (the case's role by default). */
  readonly input: WhatCanCaseInput & { readonly principal?: string };
  readonly expected: {
    /** Each of these grants is listed (compared on the fields given). */
    readonly grants?: readonly ExpectedGrant[];
    /** The listed actions, exactly (sorted, without repeats). */
    readonly actions?: readonly string[];
    /** None of these actions is listed. */
    readonly absent?: readonly string[];
    /** How many distinct actions are listed. */
    readonly actionCount?: number;
    /** The limits' codes, exactly. */
    readonly limits?: readonly string[];
    /** The missing evidence's codes, exactly. */
    readonly missing?: readonly string[];
    readonly error?: string;
  };
}

const GRANT_KEYS = [
  'action',
  'resourceType',
  'resource',
  'within',
  'except',
  'exact',
  'conditions',
  'escalation',
  'resourcePolicyRequired',
  'statements',
  'via',
];

const CASES = loadCaseTable<WhatCanCase>(new URL('./cases/what-can.cases.json', import.meta.url), {
  top: ['name', 'input', 'expected'],
  input: [
    'policies',
    'boundary',
    'scps',
    'tags',
    'context',
    'service',
    'resource',
    'principal',
    'resourcePolicies',
    'roles',
  ],
  expected: ['grants', 'actions', 'absent', 'actionCount', 'limits', 'missing', 'error'],
});
for (const c of CASES)
  for (const [i, g] of (c.expected.grants ?? []).entries()) checkKeys(g, GRANT_KEYS, `${c.name} grant ${i}`);

/** The grant's fields the expectation names, in its shape. */
function shapeOf(grant: WhatCanGrant, expected: ExpectedGrant): Record<string, unknown> {
  const full: Record<string, unknown> = {
    action: grant.action,
    resourceType: grant.resourceType,
    resource: grant.resource,
    within: grant.within,
    except: grant.except,
    exact: grant.exact,
    conditions: grant.conditions.map((c) => ({ effect: c.effect, key: c.key, category: c.category })),
    escalation: grant.escalation?.code ?? null,
    resourcePolicyRequired: grant.resourcePolicyRequired,
    statements: grant.statements.map((s) => `${s.layer}:${s.policy}#${s.index}`),
    via: grant.via?.policy ?? null,
  };
  return Object.fromEntries(Object.keys(expected).map((k) => [k, full[k]]));
}

describe('what-can cases', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await whatCan(caseEvidence(c.input), c.input.principal ?? CASE_ROLE, {
        catalog: nodeCatalog(),
        ...(c.input.service === undefined ? {} : { service: c.input.service }),
        ...(c.input.resource === undefined ? {} : { resource: c.input.resource }),
      });
      if (c.expected.error !== undefined) {
        expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toContain(c.expected.error);
        return;
      }
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const grants = result.value.grants;
      const actions = [...new Set(grants.map((g) => g.action))].sort();
      if (c.expected.actions !== undefined) expect(actions).toEqual([...c.expected.actions].sort());
      if (c.expected.actionCount !== undefined) expect(actions.length).toBe(c.expected.actionCount);
      if (c.expected.limits !== undefined)
        expect(result.value.limits.map((l) => l.code)).toEqual(c.expected.limits);
      if (c.expected.missing !== undefined)
        expect(result.value.missingEvidence.map((m) => m.code)).toEqual(c.expected.missing);
      for (const a of c.expected.absent ?? []) expect(actions, a).not.toContain(a);
      for (const expected of c.expected.grants ?? []) {
        const shapes = grants.filter((g) => g.action === expected.action).map((g) => shapeOf(g, expected));
        expect(shapes, JSON.stringify(expected)).toContainEqual(expected);
      }
    });
  }
});

describe('what-can over one evidence for several principals', () => {
  it("resolves a shared managed policy's variables for each principal", async () => {
    const home = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::home/\${aws:username}/*` },
      ],
    };
    const user = (name: string, id: string) => ({
      Path: '/',
      UserName: name,
      UserId: id,
      Arn: `arn:aws:iam::111122223333:user/${name}`,
      GroupList: [],
      AttachedManagedPolicies: [{ PolicyName: 'home', PolicyArn: 'arn:aws:iam::111122223333:policy/home' }],
      UserPolicyList: [],
    });
    const built = buildEvidence({
      accounts: [
        {
          UserDetailList: [user('alice', 'AIDAQ3EGUSERALICE001'), user('bob', 'AIDAQ3EGUSERBOB00001')],
          GroupDetailList: [],
          RoleDetailList: [],
          Policies: [
            {
              PolicyName: 'home',
              PolicyId: 'ANPAQ3EGPOLHOME00001',
              Arn: 'arn:aws:iam::111122223333:policy/home',
              Path: '/',
              DefaultVersionId: 'v1',
              AttachmentCount: 2,
              PermissionsBoundaryUsageCount: 0,
              IsAttachable: true,
              PolicyVersionList: [{ Document: home, VersionId: 'v1', IsDefaultVersion: true }],
            },
          ],
        },
      ],
    });
    if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
    for (const name of ['alice', 'bob']) {
      const result = await whatCan(built.value, `arn:aws:iam::111122223333:user/${name}`, {
        catalog: nodeCatalog(),
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      expect(result.value.grants.map((g) => g.resource)).toEqual([`arn:aws:s3:::home/${name}/*`]);
    }
  });
});
