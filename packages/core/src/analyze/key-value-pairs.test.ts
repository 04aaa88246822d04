import { describe, expect, it } from 'vitest';
import { parseContextPairs, parseParameterPairs } from './key-value-pairs.js';

const PARAMETERS: readonly { name: string; input: readonly string[]; expected: unknown }[] = [
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
  { name: 'blank lines are skipped', input: ['', '  ', 'a=b'], expected: { a: 'b' } },
];

const REJECTED: readonly { name: string; input: readonly string[]; code: string }[] = [
  { name: 'no `=`', input: ['subnetId'], code: 'parameter-pair' },
  { name: 'empty key', input: ['=x'], code: 'parameter-pair' },
  { name: 'empty segment', input: ['a..b=x'], code: 'parameter-pair' },
  { name: 'prototype pollution', input: ['__proto__.polluted=yes'], code: 'parameter-pair' },
  { name: 'a value then an object at the same key', input: ['a=x', 'a.b=y'], code: 'parameter-conflict' },
];

describe('parseParameterPairs', () => {
  it.each(PARAMETERS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(parseParameterPairs(c.input)).toEqual({ ok: true, value: c.expected });
  });
  it.each(REJECTED.map((c) => [c.name, c] as const))('rejects %s', (_, c) => {
    const parsed = parseParameterPairs(c.input, '--param');
    expect(parsed.ok ? [] : parsed.diagnostics.map((d) => [d.code, d.source])).toEqual([[c.code, '--param']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseContextPairs', () => {
  it('reads pairs, a repeated key as a list, any key name as a plain key', () => {
    const parsed = parseContextPairs([
      'aws:SourceIp=10.0.0.1',
      'aws:TagKeys=a',
      'aws:TagKeys=b',
      'constructor=x',
      '__proto__=y',
      'toString=z',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        'aws:SourceIp': '10.0.0.1',
        'aws:TagKeys': ['a', 'b'],
        constructor: 'x',
        ['__proto__']: 'y',
        toString: 'z',
      },
    });
  });
  it('rejects a pair without `=`', () => {
    const parsed = parseContextPairs(['aws:SourceIp'], '--context');
    expect(parsed.ok ? [] : parsed.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['context-pair', '--context'],
    ]);
  });
});
