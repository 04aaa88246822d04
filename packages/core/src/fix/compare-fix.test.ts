/**
 * The comparison safety check of fixes: new access beyond the failed checks is found where the probes
 * (a sibling resource, one made-up action, another caller) cannot see it.
 */
import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../test/node-catalog.js';
import type { AuthorizationRequest } from '../engine/request.js';
import { compareFix } from './compare-fix.js';
import { verifyFix } from './verify-fix.js';

const CALLER = 'arn:aws:iam::111122223333:role/app';
const PARAMETER = 'arn:aws:ssm:eu-west-1:111122223333:parameter/app/db-host';
const INSTANCE = 'arn:aws:ec2:eu-west-1:111122223333:instance/*';
const SUBNET = 'arn:aws:ec2:eu-west-1:111122223333:subnet/*';

const doc = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const request = (
  action: string,
  resource: string,
  context: Record<string, string> = {},
): AuthorizationRequest => ({
  principal: CALLER,
  action,
  resource,
  context,
});

interface Case {
  readonly name: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requests: readonly AuthorizationRequest[];
  /** `action resource` of every access beyond the checks, sorted. */
  readonly beyond: readonly string[];
  /** Whether the probes alone also see it. */
  readonly probesSee: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'the exact statement grants the check and nothing more',
    before: null,
    after: doc({ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: PARAMETER }),
    requests: [request('ssm:GetParameter', PARAMETER)],
    beyond: [],
    probesSee: false,
  },
  {
    name: 'an action wildcard grants actions that no probe names',
    before: null,
    after: doc({ Effect: 'Allow', Action: 'ssm:GetParameter*', Resource: PARAMETER }),
    requests: [request('ssm:GetParameter', PARAMETER)],
    beyond: [
      `ssm:GetParameterHistory ${PARAMETER}`,
      `ssm:GetParameters ${PARAMETER}`,
      `ssm:GetParametersByPath ${PARAMETER}`,
    ],
    probesSee: false,
  },
  {
    name: 'a dropped condition on a key no probe varies lets every other value through',
    before: doc({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: INSTANCE,
      Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro', 'ec2:Tenancy': 'default' } },
    }),
    after: doc({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: INSTANCE,
      Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } },
    }),
    requests: [
      request('ec2:RunInstances', INSTANCE, { 'ec2:InstanceType': 't3.micro', 'ec2:Tenancy': 'dedicated' }),
    ],
    beyond: [`ec2:RunInstances ${INSTANCE}`],
    probesSee: false,
  },
  {
    name: "a value the key's list gains is the check's own value: nothing more",
    before: doc({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: INSTANCE,
      Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } },
    }),
    after: doc({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: INSTANCE,
      Condition: { StringEquals: { 'ec2:InstanceType': ['t3.micro', 'm5.large'] } },
    }),
    requests: [request('ec2:RunInstances', INSTANCE, { 'ec2:InstanceType': 'm5.large' })],
    beyond: [],
    probesSee: false,
  },
];

describe('compareFix', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await compareFix(
      { layer: 'identity', kind: 'inline-role-policy', before: c.before, after: c.after },
      c.requests,
      nodeCatalog(),
    );
    expect(result.compared).toBe(true);
    expect(result.beyond.map((r) => `${r.action} ${r.resource}`).sort()).toEqual(c.beyond);
    const set = (document: unknown) => ({
      identityPolicies: document === null ? [] : [{ name: 'fix', document }],
    });
    const probes = verifyFix(set(c.before), set(c.after), c.requests, 'identity');
    expect(probes.allowsChecks).toBe(true);
    expect(probes.widened.length > 0).toBe(c.probesSee);
  });

  it('a key AWS never sends with a check does not count against it', async () => {
    // the subnet check of RunInstances carries no ec2:InstanceType: the new statement, read for it,
    // allows whatever value the key would have
    const before = doc({
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: '*',
      Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } },
    });
    const after = doc(...before.Statement, { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: SUBNET });
    const checks = [request('ec2:RunInstances', SUBNET)];
    const fix = { layer: 'identity', kind: 'inline-role-policy', before, after } as const;
    const strict = await compareFix(fix, checks, nodeCatalog());
    expect(strict.beyond.map((r) => r.resource)).toEqual([SUBNET]);
    const exact = await compareFix(fix, checks, nodeCatalog(), (_r, key) => key === 'ec2:InstanceType');
    expect(exact.beyond).toEqual([]);
  });

  it('no catalog: not compared, the probes alone decide', async () => {
    const result = await compareFix(
      { layer: 'identity', kind: 'inline-role-policy', before: null, after: doc() },
      [],
      undefined,
    );
    expect(result).toEqual({ compared: false, beyond: [], beyondCount: 0 });
  });
});
