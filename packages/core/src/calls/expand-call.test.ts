import { describe, expect, it } from 'vitest';
import type { FailureFacts } from '../errors/failure.js';
import { callFromFailure, expandCall } from './expand-call.js';

const failure = (facts: Partial<FailureFacts>): FailureFacts => ({
  code: null,
  operation: null,
  service: null,
  action: null,
  principal: null,
  resource: null,
  reasonLayer: null,
  denyType: null,
  policyArn: null,
  hasEncodedMessage: false,
  ...facts,
});

describe('callFromFailure', () => {
  it.each([
    [
      'operation and service from the error',
      failure({
        service: 'ec2',
        operation: 'RunInstances',
        principal: 'arn:aws:sts::111122223333:assumed-role/r/s',
      }),
      'us-east-1',
      {
        service: 'ec2',
        operation: 'RunInstances',
        region: 'us-east-1',
        principal: 'arn:aws:sts::111122223333:assumed-role/r/s',
        parameters: {},
      },
    ],
    [
      'operation from the action; resource kept for an unknown call',
      failure({ action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' }),
      null,
      {
        service: 'dynamodb',
        operation: 'GetItem',
        parameters: { resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' },
      },
    ],
    [
      'anonymous caller dropped',
      failure({ service: 's3', operation: 'GetObject', principal: 'anonymous' }),
      null,
      { service: 's3', operation: 'GetObject', parameters: {} },
    ],
  ] as const)('%s', (_name, facts, region, expected) => {
    expect(callFromFailure({ failure: facts, region })).toEqual(expected);
  });

  it('returns undefined when the error names neither service nor action', () => {
    expect(callFromFailure({ failure: failure({}) })).toBeUndefined();
  });
});

describe('parameters', () => {
  it.each([
    ['wrong shape is ignored with a note', { imageId: 42 }, 'parameter-ignored', 'imageId'],
    ['unknown key is reported', { imageid: 'ami-1' }, 'parameter-unused', 'imageid'],
    [
      'nested unknown key is reported with its path',
      { iamInstanceProfile: { nmae: 'x' } },
      'parameter-unused',
      'iamInstanceProfile/nmae',
    ],
  ])('%s', (_name, parameters, code, path) => {
    const result = expandCall({ service: 'ec2', operation: 'RunInstances', region: 'us-east-1', parameters });
    const note = result.notes.find((n) => n.code === code);
    expect(note?.message).toContain(`\`${path}\``);
  });

  it('a wrongly typed value never reaches a check', () => {
    const result = expandCall({
      service: 'ec2',
      operation: 'RunInstances',
      region: 'us-east-1',
      parameters: { instanceType: ['m5.large'] },
    });
    expect(result.checks.some((c) => 'ec2:InstanceType' in c.context)).toBe(false);
  });
});
