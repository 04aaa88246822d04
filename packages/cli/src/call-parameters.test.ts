import { describe, expect, it } from 'vitest';
import { parseCallParameters } from './call-parameters.js';
import { CliError } from './cli-error.js';

const CASES: readonly { name: string; input: readonly string[]; expected: unknown }[] = [
  { name: 'one value', input: ['subnetId=subnet-1'], expected: { subnetId: 'subnet-1' } },
  {
    name: 'a repeated key becomes a list',
    input: ['securityGroupIds=sg-1', 'securityGroupIds=sg-2', 'securityGroupIds=sg-3'],
    expected: { securityGroupIds: ['sg-1', 'sg-2', 'sg-3'] },
  },
  {
    name: 'dotted keys nest, numeric segments index arrays',
    input: [
      'iamInstanceProfile.name=web',
      'blockDeviceMappings.0.ebs.encrypted=true',
      'blockDeviceMappings.0.deviceName=/dev/xvda',
    ],
    expected: {
      iamInstanceProfile: { name: 'web' },
      blockDeviceMappings: [{ ebs: { encrypted: 'true' }, deviceName: '/dev/xvda' }],
    },
  },
  { name: 'a value may hold `=`', input: ['userData=a=b'], expected: { userData: 'a=b' } },
];

const REJECTED: readonly { name: string; input: readonly string[] }[] = [
  { name: 'no `=`', input: ['subnetId'] },
  { name: 'empty key', input: ['=x'] },
  { name: 'empty segment', input: ['a..b=x'] },
  { name: 'prototype pollution', input: ['__proto__.polluted=yes'] },
  { name: 'a value then an object at the same key', input: ['a=x', 'a.b=y'] },
];

describe('parseCallParameters', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(parseCallParameters(c.input)).toEqual(c.expected);
  });
  it.each(REJECTED.map((c) => [c.name, c] as const))('rejects %s as usage', (_, c) => {
    let thrown: unknown;
    try {
      parseCallParameters(c.input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
