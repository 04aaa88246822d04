/**
 * The lean evaluation (no trace, for batches) must decide exactly as the traced ones: same decision,
 * layer, deciding statements and resource grant, for every case of the table and for mutated requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.js';
import { evaluate } from './evaluate.js';
import type { AuthorizationRequest } from './request.js';
import { parseSimulationCase } from './simulation-case.js';

const directory = new URL('./cases/', import.meta.url);
const inputs = readdirSync(directory)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) =>
    (JSON.parse(readFileSync(new URL(f, directory), 'utf8')) as { input: unknown }[]).map((c) => c.input),
  );

const prepared = inputs.flatMap((input) => {
  const parsed = parseSimulationCase(input);
  if (!parsed.ok) return [];
  const compiled = compilePolicySet(parsed.value.policies);
  return compiled.ok ? [{ compiled: compiled.value, requests: parsed.value.requests }] : [];
});

function outcome(r: ReturnType<typeof evaluate>) {
  return {
    decision: r.decision,
    layer: r.layer,
    statements: r.statements,
    resourceGrant: r.resourceGrant,
    builtIn: r.builtIn,
  };
}

describe('lean evaluation agrees with the traced evaluations', () => {
  it('on every request of the case table', () => {
    expect(prepared.length).toBeGreaterThan(300);
    for (const { compiled, requests } of prepared) {
      for (const request of requests) {
        const lean = outcome(evaluate(compiled, request, { trace: 'none' }));
        expect(lean).toEqual(outcome(evaluate(compiled, request, { trace: 'relevant' })));
        expect(lean).toEqual(outcome(evaluate(compiled, request, { trace: 'full' })));
      }
    }
  });

  it('on requests with context keys dropped, changed or added', () => {
    const subjects = prepared.flatMap(({ compiled, requests }) =>
      requests.map((request) => ({ compiled, request })),
    );
    const mutate = (request: AuthorizationRequest, drop: number, value: string, extra: string) => {
      const keys = Object.keys(request.context);
      const context = { ...request.context };
      const dropped = keys[drop % Math.max(1, keys.length)];
      if (dropped !== undefined) delete context[dropped];
      const changed = keys[(drop + 1) % Math.max(1, keys.length)];
      if (changed !== undefined && changed !== dropped) context[changed] = value;
      context[extra] = value;
      return { ...request, context };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: subjects.length - 1 }),
        fc.nat(),
        fc.oneof(
          fc.constantFrom('true', 'false', '10.0.0.1', '2025-01-01T00:00:00Z', 'prod', '*'),
          fc.string(),
        ),
        fc.constantFrom(
          'aws:PrincipalTag/team',
          'aws:SourceIp',
          'aws:SecureTransport',
          'aws:TagKeys',
          'ec2:InstanceType',
        ),
        (i, drop, value, extra) => {
          const subject = subjects[i];
          if (subject === undefined) return;
          const request = mutate(subject.request, drop, value, extra);
          const lean = outcome(evaluate(subject.compiled, request, { trace: 'none' }));
          expect(lean).toEqual(outcome(evaluate(subject.compiled, request, { trace: 'full' })));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('lean fast paths agree with the full trace', () => {
  // resource patterns with several policy variables (resolved matchers are memoized by the
  // variables' values), date conditions (the last request value's reading is kept), and more
  // distinct requests than the lean memo's probe window (the memo pauses, then resumes)
  const parsed = parseSimulationCase({
    requests: [],
    identityPolicies: [
      {
        name: 'Vars',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Two',
              Effect: 'Allow',
              Action: 's3:GetObject',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
              Resource: 'arn:aws:s3:::${aws:PrincipalTag/a}${aws:PrincipalTag/b}/*',
            },
            {
              Sid: 'Default',
              Effect: 'Allow',
              Action: 's3:*',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
              Resource: "arn:aws:s3:::b-${aws:PrincipalTag/b, 'none'}/${aws:username}/*",
              Condition: { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
            },
            {
              Sid: 'NotRes',
              Effect: 'Deny',
              Action: 's3:PutObject',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
              NotResource: 'arn:aws:s3:::${aws:PrincipalTag/a}-*',
            },
          ],
        },
      },
    ],
  });
  if (!parsed.ok) throw new Error('fast-path policy does not parse');
  const compiled = compilePolicySet(parsed.value.policies);
  if (!compiled.ok) throw new Error('fast-path policy does not compile');
  const piece = fc.constantFrom('a', 'b', 'ab', '', 'x:1', '1:x', '\u0000', 'none');

  it('on requests over variables, defaults and dates', () => {
    fc.assert(
      fc.property(
        fc.option(piece, { nil: undefined }),
        fc.option(piece, { nil: undefined }),
        fc.constantFrom('alice', 'bob'),
        fc.constantFrom('s3:GetObject', 's3:PutObject'),
        fc.constantFrom('ab', 'aab', 'b-none', 'b-b', 'a-', 'x:11:x'),
        fc.constantFrom('2024-06-01T00:00:00Z', '2026-06-01T00:00:00Z', 'soon'),
        fc.nat(),
        (a, b, user, action, bucket, time, n) => {
          const context: Record<string, string> = { 'aws:CurrentTime': time, 'bench:n': String(n) };
          if (a !== undefined) context['aws:PrincipalTag/a'] = a;
          if (b !== undefined) context['aws:PrincipalTag/b'] = b;
          const request: AuthorizationRequest = {
            principal: `arn:aws:iam::111122223333:user/${user}`,
            action,
            resource: `arn:aws:s3:::${bucket}/${user}/k`,
            context,
          };
          const lean = outcome(evaluate(compiled.value, request, { trace: 'none' }));
          expect(lean).toEqual(outcome(evaluate(compiled.value, request, { trace: 'full' })));
        },
      ),
      { numRuns: 6000 },
    );
  });
});

describe('the Deny-first pass of the lean path agrees with the full trace', () => {
  // Deny statements in several layers, some conditional, beside Allow statements and a resource
  // policy that grants: an explicit deny must still report the resource policy's grant
  const parsed = parseSimulationCase({
    requests: [],
    identityPolicies: [
      {
        name: 'Id',
        document: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: '*' },
            {
              Sid: 'NoPut',
              Effect: 'Deny',
              Action: 's3:PutObject',
              Resource: '*',
              Condition: { StringEquals: { 'aws:PrincipalTag/env': 'sandbox' } },
            },
          ],
        },
      },
    ],
    permissionsBoundary: {
      name: 'Bound',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
          { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
        ],
      },
    },
    resourcePolicy: {
      name: 'Bucket',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Grant',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' },
            Action: 's3:*',
            Resource: 'arn:aws:s3:::b/*',
          },
          {
            Sid: 'Tls',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: 'arn:aws:s3:::b/*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
    scps: [
      [
        {
          name: 'Full',
          document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        },
      ],
    ],
  });
  if (!parsed.ok) throw new Error('deny-first policy does not parse');
  const compiled = compilePolicySet(parsed.value.policies);
  if (!compiled.ok) throw new Error('deny-first policy does not compile');

  it('on requests that hit Deny statements in one layer, several or none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('alice', 'bob'),
        fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'),
        fc.constantFrom('arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'),
        fc.constantFrom('true', 'false', undefined),
        fc.constantFrom('sandbox', 'prod', undefined),
        (user, action, resource, tls, env) => {
          const context: Record<string, string> = {};
          if (tls !== undefined) context['aws:SecureTransport'] = tls;
          if (env !== undefined) context['aws:PrincipalTag/env'] = env;
          const request: AuthorizationRequest = {
            principal: `arn:aws:iam::111122223333:user/${user}`,
            action,
            resource,
            context,
          };
          const lean = outcome(evaluate(compiled.value, request, { trace: 'none' }));
          expect(lean).toEqual(outcome(evaluate(compiled.value, request, { trace: 'full' })));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('answers shared between statements that say the same agree with the full trace', () => {
  // the same conditions and resources in several statements, layers and policy sets (their answers
  // are computed once per lean request): requests that flip them one after another, across two sets
  // interleaved, must each get their own answers
  const statement = (sid: string, effect: 'Allow' | 'Deny', action: string) => ({
    Sid: sid,
    Effect: effect,
    Action: action,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy variables
    Resource: 'arn:aws:s3:::${aws:PrincipalTag/team}-*/*',
    Condition: { StringEquals: { 'aws:PrincipalTag/env': 'prod' }, Bool: { 'aws:SecureTransport': 'true' } },
  });
  const policySet = (extra: string) => ({
    requests: [],
    identityPolicies: [
      {
        name: 'A',
        document: {
          Version: '2012-10-17',
          Statement: [statement('Get', 'Allow', 's3:Get*'), statement('All', 'Allow', 's3:*')],
        },
      },
      { name: 'B', document: { Version: '2012-10-17', Statement: [statement('Put', 'Allow', extra)] } },
    ],
    permissionsBoundary: {
      name: 'Bound',
      document: { Version: '2012-10-17', Statement: [statement('Bound', 'Allow', 's3:*')] },
    },
    scps: [
      [
        {
          name: 'Guard',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: '*', Resource: '*' },
              {
                ...statement('NoDelete', 'Deny', 's3:DeleteObject'),
                Condition: { Bool: { 'aws:SecureTransport': 'true' } },
              },
            ],
          },
        },
      ],
    ],
  });
  const sets = ['s3:PutObject', 's3:*'].map((extra) => {
    const parsed = parseSimulationCase(policySet(extra));
    if (!parsed.ok) throw new Error('shared-answer policy does not parse');
    const compiled = compilePolicySet(parsed.value.policies);
    if (!compiled.ok) throw new Error('shared-answer policy does not compile');
    return compiled.value;
  });

  it('on sequences of requests that flip shared conditions and resources', () => {
    const request = fc.record({
      set: fc.constantFrom(0, 1),
      action: fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:DeleteObject'),
      bucket: fc.constantFrom('red-data', 'blue-data', 'red'),
      team: fc.constantFrom('red', 'blue', undefined),
      env: fc.constantFrom('prod', 'dev', undefined),
      tls: fc.constantFrom('true', 'false', undefined),
    });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 12 }), (sequence) => {
        for (const { set, action, bucket, team, env, tls } of sequence) {
          const context: Record<string, string> = {};
          if (team !== undefined) context['aws:PrincipalTag/team'] = team;
          if (env !== undefined) context['aws:PrincipalTag/env'] = env;
          if (tls !== undefined) context['aws:SecureTransport'] = tls;
          const r: AuthorizationRequest = {
            principal: 'arn:aws:iam::111122223333:user/alice',
            action,
            resource: `arn:aws:s3:::${bucket}/k`,
            context,
          };
          const compiled = sets[set] as (typeof sets)[number];
          const lean = outcome(evaluate(compiled, r, { trace: 'none' }));
          expect(lean).toEqual(outcome(evaluate(compiled, r, { trace: 'full' })));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
