/**
 * What-can against the engine, on random identity policies, boundaries, SCPs and resource policies (a
 * bucket policy, a queue policy of the account, one of another account, other roles' trust policies)
 * over a small vocabulary:
 * every grant's example request is allowed (a grant through a resource policy is never listed when
 * the engine denies it); every concrete ARN of the grant's resource type inside
 * an exact grant's region is allowed with the grant's example context (its conditions met), and under
 * every sampled context when the grant has no conditions; and an
 * action the query omits is denied on every sampled ARN, whatever the sampled context.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import { CASE_ROLE, caseEvidence } from '../../test/what-can-evidence.js';
import { arnPatternMatchesFormat } from '../catalog/arn-format.js';
import { compilePolicySet } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { ContextValue } from '../engine/request.js';
import { policySetFor } from '../evidence/policy-set-for.js';
import { compileArnPattern } from '../matching/arn.js';
import { whatCan } from './what-can.js';
import type { WhatCanGrant } from './what-can-model.js';

const ACTION_PATTERNS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:Get*',
  's3:*Object',
  'sqs:SendMessage',
  'sqs:*',
  'sts:AssumeRole',
];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::data/*',
  'arn:aws:s3:::data/private/*',
  'arn:aws:s3:::data',
  'arn:aws:s3:::*',
  'arn:aws:sqs:*:111122223333:q-*',
  'arn:aws:sqs:us-east-1:111122223333:q-1',
  'arn:aws:iam::111122223333:role/*',
  'arn:aws:iam::111122223333:role/deploy',
];
const CONDITIONS = [
  { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'web' } },
  { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
];
/** Concrete requests the properties sample. */
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  'sqs:SendMessage',
  'sqs:DeleteQueue',
  'sts:AssumeRole',
];
const ARNS = [
  'arn:aws:s3:::data/a',
  'arn:aws:s3:::data/private/x',
  'arn:aws:s3:::data',
  'arn:aws:s3:::other',
  'arn:aws:s3:::other/k',
  'arn:aws:sqs:us-east-1:111122223333:q-1',
  'arn:aws:sqs:eu-west-1:111122223333:q-2',
  'arn:aws:sqs:eu-west-1:111122223333:other',
  'arn:aws:sqs:us-east-1:444455556666:q-x',
  'arn:aws:iam::111122223333:role/deploy',
  'arn:aws:iam::111122223333:role/ops',
];
const OTHER_QUEUE = 'arn:aws:sqs:us-east-1:444455556666:q-x';
/** Who a resource policy's statement names: the role, its account, anyone, someone else. */
const PRINCIPALS = [
  { Principal: { AWS: CASE_ROLE } },
  { Principal: { AWS: '111122223333' } },
  { Principal: '*' },
  { Principal: { AWS: 'arn:aws:iam::111122223333:role/other' } },
  { NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/other' } },
];
const CONTEXTS: readonly Record<string, ContextValue>[] = [
  {},
  { 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true', 'aws:SourceVpce': 'vpce-1' },
  { 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'false' },
];

const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Action: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
    Resource: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
    Condition: fc.constantFrom(...CONDITIONS),
  },
  { requiredKeys: ['Effect', 'Action', 'Resource'] },
);
const policy = fc.array(statement, { minLength: 1, maxLength: 4 }).map((Statement) => ({
  Version: '2012-10-17',
  Statement,
}));

/** A resource policy on `arn`: statements naming a principal, on its resource patterns. */
function resourcePolicy(arn: string, actions: string[], resources: string[]) {
  const s = fc
    .tuple(
      fc.constantFrom(...PRINCIPALS),
      fc.constantFrom('Allow', 'Allow', 'Deny'),
      fc.subarray(actions, { minLength: 1, maxLength: 2 }),
      fc.subarray(resources, { minLength: 1, maxLength: 2 }),
      fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined }),
    )
    .map(([principal, Effect, Action, Resource, Condition]) => ({
      ...principal,
      Effect,
      Action,
      Resource,
      ...(Condition === undefined ? {} : { Condition }),
    }));
  return fc
    .array(s, { minLength: 1, maxLength: 3 })
    .map((Statement) => ({ arn, document: { Version: '2012-10-17', Statement } }));
}
const resourcePolicies = fc
  .tuple(
    fc.option(
      resourcePolicy(
        'arn:aws:s3:::data',
        ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:*'],
        ['arn:aws:s3:::data/*', 'arn:aws:s3:::data/private/*', 'arn:aws:s3:::data', '*'],
      ),
      { nil: undefined },
    ),
    fc.option(
      resourcePolicy(
        'arn:aws:sqs:us-east-1:111122223333:q-1',
        ['sqs:SendMessage', 'sqs:*'],
        ['arn:aws:sqs:us-east-1:111122223333:q-1', '*'],
      ),
      { nil: undefined },
    ),
    fc.option(resourcePolicy(OTHER_QUEUE, ['sqs:SendMessage', 'sqs:DeleteQueue'], [OTHER_QUEUE, '*']), {
      nil: undefined,
    }),
  )
  .map((given) => given.filter((p) => p !== undefined));
/** A role's trust policy: statements on `sts:AssumeRole` naming a principal. */
const trustPolicy = fc
  .array(
    fc
      .tuple(
        fc.constantFrom(...PRINCIPALS),
        fc.constantFrom('Allow', 'Allow', 'Deny'),
        fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined }),
      )
      .map(([principal, Effect, Condition]) => ({
        ...principal,
        Effect,
        Action: 'sts:AssumeRole',
        ...(Condition === undefined ? {} : { Condition }),
      })),
    { minLength: 1, maxLength: 2 },
  )
  .map((Statement) => ({ Version: '2012-10-17', Statement }));
/** Two other roles of the account (`deploy`, `ops`), each maybe there, with their trust policies. */
const trustPolicies = fc.record({ deploy: trustPolicy, ops: trustPolicy }, { requiredKeys: [] });

/** Whether an ARN is of the role's account (or names none): identity grants list those only. */
function ownAccount(arn: string): boolean {
  const account = arn.split(':')[4] ?? '';
  return account === '' || account === '111122223333';
}

/** The engine's decision for a request, with the policy set diagnose assembles for it. */
function decide(
  evidence: ReturnType<typeof caseEvidence>,
  action: string,
  resource: string,
  context: Readonly<Record<string, ContextValue>>,
) {
  const found = policySetFor(evidence, { principal: CASE_ROLE, action, resource });
  const compiled = compilePolicySet(found.input);
  if (!compiled.ok) throw new Error('the policy set does not compile');
  return evaluate(compiled.value, { ...found.request, context: { ...found.request.context, ...context } })
    .decision;
}

function inRegion(grant: WhatCanGrant, arn: string): boolean {
  const m = (p: string) => p === '*' || compileArnPattern(p).matches(arn);
  return m(grant.resource) && grant.within.every(m) && !grant.except.some(m);
}

describe('what-can against the engine', () => {
  it('lists allowed requests only, and omits only denied actions', async () => {
    const catalog = nodeCatalog();
    const snapshot = await catalog.snapshot(['s3', 'sqs', 'sts']);
    await fc.assert(
      fc.asyncProperty(
        policy,
        fc.option(policy, { nil: undefined }),
        fc.option(policy, { nil: undefined }),
        fc.boolean(),
        resourcePolicies,
        trustPolicies,
        async (identity, boundary, scp, tagged, given, roles) => {
          const input = {
            policies: [identity],
            resourcePolicies: given,
            roles,
            ...(boundary === undefined ? {} : { boundary }),
            ...(scp === undefined ? {} : { scps: [scp] }),
            ...(tagged ? { tags: { team: 'web' } } : {}),
          };
          const evidence = caseEvidence(input);
          const result = await whatCan(evidence, CASE_ROLE, { catalog });
          if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
          for (const g of result.value.grants) {
            // listed where the role's own trust policy trusts the account (a stand-in allowed it)
            if (g.resourcePolicyRequired !== null) continue;
            expect(decide(evidence, g.action, g.example.resource, g.example.context), JSON.stringify(g)).toBe(
              'Allowed',
            );
            // a grant through a resource policy is allowed by one of its statements
            if (g.via !== null)
              expect(g.statements.some((s) => s.layer === 'resource' && s.policy === g.via?.policy)).toBe(
                true,
              );
            if (!g.exact || g.resourceType === null) continue;
            const format = snapshot
              .action(g.action)
              ?.resourceTypes.find((t) => t.name === g.resourceType)?.arnFormat;
            for (const arn of ARNS) {
              if (format == null || !arnPatternMatchesFormat(arn, format) || !inRegion(g, arn)) continue;
              if (g.via === null && !ownAccount(arn)) continue;
              expect(decide(evidence, g.action, arn, g.example.context), `${g.action} ${arn}`).toBe(
                'Allowed',
              );
              // a grant without conditions holds whatever the request's context
              if (g.conditions.length === 0)
                for (const context of CONTEXTS)
                  expect(decide(evidence, g.action, arn, context), `${g.action} ${arn} (any context)`).toBe(
                    'Allowed',
                  );
            }
          }
          const listed = new Set(result.value.grants.map((g) => g.action.toLowerCase()));
          for (const action of ACTIONS) {
            if (listed.has(action.toLowerCase())) continue;
            const formats = (snapshot.action(action)?.resourceTypes ?? []).flatMap((t) => t.arnFormat ?? []);
            // a request names a resource of one of the action's types
            for (const arn of ARNS.filter((a) => formats.some((f) => arnPatternMatchesFormat(a, f))))
              for (const context of CONTEXTS)
                expect(decide(evidence, action, arn, context), `${action} ${arn}`).not.toBe('Allowed');
          }
        },
      ),
      { seed: 20_261_205, numRuns: 60 },
    );
  });
});
