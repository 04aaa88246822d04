/**
 * who-can against the engine's `simulateCase`, on random small accounts (users and roles with random
 * identity policies, boundaries and tags over a small vocabulary, a bucket policy naming some of them,
 * an SCP level): every principal of the account who-can lists is allowed by `simulate` for its example
 * request (and, when listed as `allowed`, for every request context tried), and every principal it
 * omits is denied by `simulate` for every request context tried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountSpec, accountDetails, type EntitySpec } from '../../test/account-details.js';
import type { ContextValue } from '../engine/request.js';
import { simulateCase } from '../engine/simulation-case.js';
import { buildEvidence, type Evidence } from '../evidence/evidence.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { accountPrincipals } from './principal-candidates.js';
import { whoCan } from './who-can.js';

const ACCOUNT = '111122223333';
const ACTION = 's3:GetObject';
const RESOURCE = 'arn:aws:s3:::data/report.csv';
const BUCKET = 'arn:aws:s3:::data';

/** Condition keys, the values policies name, and the values request contexts carry. */
const KEYS = {
  'aws:MultiFactorAuthPresent': { operator: 'Bool', policy: ['true'], request: ['true', 'false'] },
  'aws:SourceVpce': { operator: 'StringEquals', policy: ['vpce-1', 'vpce-2'], request: ['vpce-1', 'vpce-3'] },
  'aws:RequestedRegion': {
    operator: 'StringNotEquals',
    policy: ['eu-west-1'],
    request: ['eu-west-1', 'us-east-1'],
  },
  'aws:PrincipalTag/team': { operator: 'StringEquals', policy: ['data', 'web'], request: ['data', 'ops'] },
} as const;
type Key = keyof typeof KEYS;
const KEY_NAMES = Object.keys(KEYS) as Key[];

const condition = fc.option(
  fc
    .constantFrom(...KEY_NAMES)
    .chain((key) =>
      fc.constantFrom(...KEYS[key].policy).map((value) => ({ [KEYS[key].operator]: { [key]: value } })),
    ),
  { nil: undefined },
);

const statement = fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  action: fc.constantFrom('s3:GetObject', 's3:*', 's3:PutObject', '*', 'not:iam:*', 'not:s3:GetObject'),
  resource: fc.constantFrom('arn:aws:s3:::data/*', '*', 'arn:aws:s3:::other/*', 'not:arn:aws:s3:::data/*'),
  condition,
});

interface Statement {
  readonly effect: string;
  readonly action: string;
  readonly resource: string;
  readonly condition: Readonly<Record<string, unknown>> | undefined;
}

function document(statements: readonly Statement[]) {
  return {
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Effect: s.effect,
      ...(s.action.startsWith('not:') ? { NotAction: s.action.slice(4) } : { Action: s.action }),
      ...(s.resource.startsWith('not:') ? { NotResource: s.resource.slice(4) } : { Resource: s.resource }),
      ...(s.condition === undefined ? {} : { Condition: s.condition }),
    })),
  };
}

const policyDoc = fc.array(statement, { minLength: 1, maxLength: 3 }).map(document);

const entity = (name: string) =>
  fc.record({
    name: fc.constant(name),
    policies: fc.array(policyDoc, { maxLength: 2 }),
    boundary: fc.option(policyDoc, { nil: undefined }),
    tags: fc.option(fc.constantFrom({ team: 'data' }, { team: 'web' }), { nil: undefined }),
  });

const scenario = fc.record({
  users: fc.tuple(entity('u1'), entity('u2'), entity('u3')),
  roles: fc.tuple(entity('r1'), entity('r2')),
  bucketPolicy: fc.option(
    fc.record({
      principals: fc.subarray([
        `arn:aws:iam::${ACCOUNT}:user/u1`,
        `arn:aws:iam::${ACCOUNT}:role/r1`,
        '444455556666',
        'sns.amazonaws.com',
      ]),
      condition,
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    }),
    { nil: undefined },
  ),
  scp: fc.option(policyDoc, { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** An entity as the account helper takes it (no `undefined` members). */
function strip(e: {
  name: string;
  policies: unknown[];
  boundary: unknown;
  tags: Readonly<Record<string, string>> | undefined;
}): EntitySpec {
  return {
    name: e.name,
    policies: e.policies,
    ...(e.boundary === undefined ? {} : { boundary: e.boundary }),
    ...(e.tags === undefined ? {} : { tags: e.tags }),
  };
}

function evidenceOf(s: Scenario): Evidence {
  const account: AccountSpec = { id: ACCOUNT, users: s.users.map(strip), roles: s.roles.map(strip) };
  const resourcePolicies =
    s.bucketPolicy === undefined
      ? [{ arn: BUCKET, document: { Version: '2012-10-17', Statement: [] } }]
      : [
          {
            arn: BUCKET,
            document: {
              Version: '2012-10-17',
              Statement: s.bucketPolicy.principals.map((p) => ({
                Effect: s.bucketPolicy?.effect,
                Principal: p.endsWith('.amazonaws.com') ? { Service: p } : { AWS: p },
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::data/*',
                ...(s.bucketPolicy?.condition === undefined ? {} : { Condition: s.bucketPolicy.condition }),
              })),
            },
          },
        ];
  const organization =
    s.scp === undefined
      ? undefined
      : {
          managementAccountId: '999999999999',
          targets: { [ACCOUNT]: ['r-root'] },
          policies: [
            {
              id: 'p-full',
              name: 'FullAWSAccess',
              type: 'SERVICE_CONTROL_POLICY',
              document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
              },
              targets: ['r-root'],
            },
            {
              id: 'p-rand',
              name: 'Random',
              type: 'SERVICE_CONTROL_POLICY',
              document: s.scp,
              targets: [ACCOUNT],
            },
          ],
        };
  const built = buildEvidence({
    accounts: [accountDetails(account)],
    resourcePolicies,
    ...(organization === undefined ? {} : { organization }),
  });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return built.value;
}

/** Every request context over the vocabulary's request values (each key absent or one of its values). */
function contexts(withPrincipalTags: boolean): Record<string, ContextValue>[] {
  let out: Record<string, ContextValue>[] = [{}];
  for (const key of KEY_NAMES) {
    if (key.startsWith('aws:PrincipalTag/') && !withPrincipalTags) continue;
    out = out.flatMap((ctx) => [ctx, ...KEYS[key].request.map((v) => ({ ...ctx, [key]: v }))]);
  }
  return out;
}

/** `simulate`'s decision for one principal of the account, with the exact policy set of the evidence. */
function simulate(
  evidence: Evidence,
  caller: string,
  sessionIssuer: string | null,
  context: Readonly<Record<string, ContextValue>>,
): string {
  const set = policySetFor(evidence, { principal: caller, action: ACTION, resource: RESOURCE });
  const result = simulateCase({
    ...set.input,
    request: {
      principal: caller,
      action: ACTION,
      resource: RESOURCE,
      context: { ...set.request.context, ...context },
      ...(sessionIssuer === null ? {} : { sessionIssuer }),
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return (result.value[0] as { decision: string }).decision;
}

describe('who-can against simulate', () => {
  it('lists exactly the principals simulate allows', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const evidence = evidenceOf(s);
        const result = whoCan(evidence, { action: ACTION, resource: RESOURCE });
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        const rows = new Map(result.value.principals.map((r) => [r.principal, r]));
        for (const p of accountPrincipals(evidence)) {
          const row = rows.get(p.principal);
          if (row !== undefined) {
            // the example as who-can evaluated it holds every context value (principal tags included)
            const example = simulate(evidence, p.caller, p.sessionIssuer, row.example.context);
            expect(example, `${p.principal} example`).toBe('Allowed');
            if (row.access === 'allowed') {
              for (const ctx of contexts(false))
                expect(
                  simulate(evidence, p.caller, p.sessionIssuer, ctx),
                  `${p.principal} ${JSON.stringify(ctx)}`,
                ).toBe('Allowed');
            }
          } else {
            // a role's session may carry any tag: omitted means no tag value allows either
            for (const ctx of contexts(p.kind === 'role'))
              expect(
                simulate(evidence, p.caller, p.sessionIssuer, ctx),
                `${p.principal} omitted, ${JSON.stringify(ctx)}`,
              ).not.toBe('Allowed');
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
