import { describe, expect, it } from 'vitest';
import type { InstanceProfileRole } from './call-model.js';
import { expandCall } from './expand-call.js';

const PROFILES: readonly InstanceProfileRole[] = [
  {
    name: 'app-instance-profile',
    arn: 'arn:aws:iam::111122223333:instance-profile/app-instance-profile',
    role: 'arn:aws:iam::111122223333:role/app-instance-role',
  },
];

function passRole(parameters: Record<string, unknown>, instanceProfiles = PROFILES) {
  const { checks } = expandCall({
    service: 'ec2',
    operation: 'RunInstances',
    region: 'eu-west-1',
    account: '111122223333',
    parameters,
    instanceProfiles,
  });
  const check = checks.find((c) => c.action === 'iam:PassRole');
  return { resource: check?.resource, assumed: check?.assumed, unresolved: check?.unresolved };
}

const ROLE = 'arn:aws:iam::111122223333:role/app-instance-role';
const ARN = 'arn:aws:iam::111122223333:instance-profile/app-instance-profile';
const KNOWN = { resource: ROLE, assumed: [], unresolved: undefined };

describe('the role of the instance profile a launch names', () => {
  it.each([
    ['by name', { iamInstanceProfile: { name: 'app-instance-profile' } }],
    ['by name in another case', { iamInstanceProfile: { name: 'App-Instance-Profile' } }],
    ['by ARN', { iamInstanceProfile: { arn: ARN } }],
    ['as a bare ARN', { iamInstanceProfile: ARN }],
    ['as a bare name', { iamInstanceProfile: 'app-instance-profile' }],
    ['in the CLI shorthand', { iamInstanceProfile: `Arn=${ARN}` }],
    ['as JSON', { iamInstanceProfile: '{"Name": "app-instance-profile"}' }],
    [
      'in a launch template',
      { launchTemplate: { launchTemplateId: 'lt-1', data: { iamInstanceProfile: { arn: ARN } } } },
    ],
  ])('is the one the account lists, given %s', (_how, parameters) => {
    expect(passRole(parameters)).toEqual(KNOWN);
  });

  it('of a profile the account does not list is assumed to share its name, and unresolved', () => {
    expect(passRole({ iamInstanceProfile: { name: 'other-profile' } })).toEqual({
      resource: 'arn:aws:iam::111122223333:role/other-profile',
      assumed: ['resource'],
      unresolved: [{ kind: 'instance-profile-role', name: 'other-profile', arn: null }],
    });
  });

  it('of a profile of another account with the same name is not taken', () => {
    const elsewhere = PROFILES.map((p) => ({ ...p, arn: p.arn.replace('111122223333', '444455556666') }));
    expect(passRole({ iamInstanceProfile: { name: 'app-instance-profile' } }, elsewhere).assumed).toEqual([
      'resource',
    ]);
  });

  it('given with the profile wins over the account’s', () => {
    expect(passRole({ iamInstanceProfile: { name: 'app-instance-profile', role: 'given-role' } })).toEqual({
      resource: 'arn:aws:iam::111122223333:role/given-role',
      assumed: [],
      unresolved: undefined,
    });
  });
});
