import { parseArn } from '@whydenied/core/engine';
import { describe, expect, it } from 'vitest';
import { bucketOf, functionArnOf, resourcePolicyService } from './resource-policy.js';

describe('the resource a resource policy is read for', () => {
  it.each([
    ['arn:aws:s3:::bucket/path/to/key', 's3'],
    ['arn:aws:lambda:eu-west-1:111122223333:function:f:live', 'lambda'],
    ['arn:aws:iam::111122223333:role/r', null],
    ['not an arn', null],
  ])('%s is read by the %s reader', (arn, service) => {
    expect(resourcePolicyService(arn)).toBe(service);
  });

  it.each([
    ['arn:aws:s3:::bucket/path/to/key', 'bucket'],
    ['arn:aws-cn:s3:::bucket', 'bucket'],
  ])('the bucket of %s is %s', (arn, bucket) => {
    expect(bucketOf(parseArn(arn) ?? expect.unreachable())).toBe(bucket);
  });

  it.each([
    ['arn:aws:lambda:eu-west-1:111122223333:function:f', 'arn:aws:lambda:eu-west-1:111122223333:function:f'],
    [
      'arn:aws:lambda:eu-west-1:111122223333:function:f:live',
      'arn:aws:lambda:eu-west-1:111122223333:function:f',
    ],
    [
      'arn:aws:lambda:eu-west-1:111122223333:function:f:7',
      'arn:aws:lambda:eu-west-1:111122223333:function:f',
    ],
  ])('the function of %s is %s', (arn, functionArn) => {
    expect(functionArnOf(parseArn(arn) ?? expect.unreachable())).toBe(functionArn);
  });
});
