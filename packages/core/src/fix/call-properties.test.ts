import { describe, expect, it } from 'vitest';
import { isCallProperty } from './call-properties.js';

/** `[key, action, whether the caller chooses the key's value by how it calls]`, each with why. */
const CASES: readonly (readonly [string, string, boolean])[] = [
  // where and how the call is made
  ['aws:RequestedRegion', 's3:ListBucket', true],
  ['aws:SourceIp', 's3:GetObject', true],
  ['aws:SourceVpce', 's3:GetObject', true],
  ['aws:MultiFactorAuthPresent', 'iam:DeleteUser', true],
  ['aws:SecureTransport', 's3:PutObject', true],
  // tags sent with the request, a service's request tags
  ['aws:RequestTag/team', 'ec2:CreateTags', true],
  ['aws:TagKeys', 'ec2:RunInstances', true],
  ['ec2:RequestTag/team', 'ec2:RunInstances', true],
  // request parameters whatever the action
  ['s3:x-amz-server-side-encryption', 's3:PutObject', true],
  ['iam:PermissionsBoundary', 'iam:CreateRole', true],
  ['kms:EncryptionContext:app', 'kms:Decrypt', true],
  // attributes of the resource the call creates
  ['ec2:InstanceType', 'ec2:RunInstances', true],
  ['rds:DatabaseEngine', 'rds:CreateDBInstance', true],
  // attributes of an existing resource: not the caller's choice
  ['ec2:InstanceType', 'ec2:StopInstances', false],
  ['ec2:ResourceTag/team', 'ec2:RunInstances', false],
  ['aws:ResourceTag/team', 's3:GetObject', false],
  ['s3:ExistingObjectTag/team', 's3:PutObject', false],
  // who calls
  ['aws:PrincipalArn', 'ec2:RunInstances', false],
  ['aws:PrincipalTag/team', 's3:GetObject', false],
  ['aws:PrincipalOrgID', 's3:GetObject', false],
  ['aws:userid', 's3:GetObject', false],
  // which service calls, when
  ['aws:CalledVia', 's3:GetObject', false],
  ['aws:ViaAWSService', 'kms:Decrypt', false],
  ['aws:SourceArn', 'sns:Publish', false],
  ['aws:CurrentTime', 's3:GetObject', false],
];

describe('isCallProperty', () => {
  it.each(CASES)('%s on %s: %s', (key, action, expected) => {
    expect(isCallProperty(key, action)).toBe(expected);
    // condition keys are case-insensitive
    expect(isCallProperty(key.toUpperCase(), action)).toBe(expected);
  });
});
