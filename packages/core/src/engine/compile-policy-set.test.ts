import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.js';

const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};

describe('compilePolicySet', () => {
  it('compiles a document shared by several sets once (issue 12, defect 11)', () => {
    // diagnose compiles a set per check of a call; a policy of 100,000 statements was compiled per check
    const identity = [{ name: 'P', document: DOCUMENT }];
    const first = compilePolicySet({ identityPolicies: identity });
    const second = compilePolicySet({
      identityPolicies: [{ name: 'P', document: DOCUMENT }],
      resourcePolicy: {
        name: 'bucket',
        document: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] },
      },
    });
    if (!first.ok || !second.ok) throw new Error('expected both sets to compile');
    expect(second.value.identity[0]).toBe(first.value.identity[0]);
    // compiled in another place of the set, the same document is another compiled policy
    const asBoundary = compilePolicySet({ permissionsBoundary: { name: 'P', document: DOCUMENT } });
    if (!asBoundary.ok) throw new Error('expected the set to compile');
    expect(asBoundary.value.boundary?.layer).toBe('permissions-boundary');
    expect(asBoundary.value.boundary).not.toBe(first.value.identity[0]);
  });
});
