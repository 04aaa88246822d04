/**
 * A denial decided by a rule AWS applies that no policy states (an AWS managed policy is read-only)
 * becomes a finding that explains the rule, with no policy fix: no policy change can allow it.
 */
import { describe, expect, it } from 'vitest';
import { buildEvidence } from '../evidence/evidence.js';
import { diagnose } from './diagnose.js';

const ADMIN = 'arn:aws:iam::111122223333:user/admin';

const account = {
  UserDetailList: [
    {
      Path: '/',
      UserName: 'admin',
      UserId: 'AIDAQ3EGUSERADMIN001',
      Arn: ADMIN,
      CreateDate: '2024-01-01T00:00:00+00:00',
      UserPolicyList: [
        {
          PolicyName: 'Admin',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
          },
        },
      ],
      GroupList: [],
      AttachedManagedPolicies: [],
      Tags: [],
    },
  ],
  GroupDetailList: [],
  RoleDetailList: [],
  Policies: [],
};

describe('a denial decided by a built-in rule', () => {
  it('is explained by the rule and gets no policy fix', async () => {
    const evidence = buildEvidence({ accounts: [account] });
    if (!evidence.ok) throw new Error(evidence.diagnostics[0]?.message);
    const result = await diagnose({
      errorText: `An error occurred (AccessDenied) when calling the CreatePolicyVersion operation: User: ${ADMIN} is not authorized to perform: iam:CreatePolicyVersion on resource: arn:aws:iam::aws:policy/ReadOnlyAccess`,
      evidence: evidence.value,
    });
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    const { findings, fixes, noFix } = result.value;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      action: 'iam:CreatePolicyVersion',
      decision: 'ExplicitDeny',
      layer: 'resource',
      policy: null,
      builtIn: { id: 'aws-managed-policy-read-only', effect: 'deny' },
    });
    expect(findings[0]?.builtIn?.sources[0]).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(fixes).toEqual([]);
    expect(noFix).toEqual([
      {
        finding: 0,
        code: 'aws-rule',
        message: expect.stringContaining('create a customer managed policy'),
      },
    ]);
  });
});
