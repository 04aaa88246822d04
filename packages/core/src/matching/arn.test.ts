import { describe, expect, it } from 'vitest';
import { compileArnPattern, parseArn } from './arn.js';

describe('parseArn', () => {
  it('splits six segments and keeps colons in the resource', () => {
    expect(parseArn('arn:aws:logs:us-east-1:111122223333:log-group:/x:*')).toEqual({
      partition: 'aws',
      service: 'logs',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'log-group:/x:*',
    });
    expect(parseArn('arn:aws:s3:::bucket')?.account).toBe('');
    expect(parseArn('not-an-arn')).toBeUndefined();
    expect(parseArn('arn:aws:s3')).toBeUndefined();
  });
});

describe('compileArnPattern', () => {
  it.each([
    ['*', 'arn:aws:s3:::b', true],
    ['*', '*', true],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/k/x', true],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/k', false],
    ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
    ['arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:444455556666:instance/i-1', false],
    // a star in one segment does not run into the next
    ['arn:aws:ec2:us-*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', false],
    // a trailing star in a short pattern runs past the colons (RES)
    ['arn:aws:iam::*', 'arn:aws:iam::111122223333:user/bob', true],
    ['arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob', false],
    ['arn:aws:logs:*:*:log-group:/app:*', 'arn:aws:logs:eu-west-1:1:log-group:/app:log-stream:x', true],
    ['arn:aws:s3:::b', 'b', false],
  ])('%s against %s is %s', (pattern, arn, expected) => {
    expect(compileArnPattern(pattern).matches(arn)).toBe(expected);
  });
});
