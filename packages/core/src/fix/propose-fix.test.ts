import { describe, expect, it } from 'vitest';
import { compilePolicySet, type PolicySetInput } from '../engine/compile-policy-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { AuthorizationRequest } from '../engine/request.js';
import type { FixTarget } from './fix-model.js';
import { applyChange, type FixChange, proposeFix } from './propose-fix.js';
import { replacePolicy } from './replace-policy.js';
import { verifyFix } from './verify-fix.js';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy-role`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/deploy-role/ci`;
const doc = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });

interface FixCase {
  readonly name: string;
  readonly source: string;
  readonly set: PolicySetInput;
  readonly target: FixTarget;
  readonly checks: readonly AuthorizationRequest[];
  readonly change: FixChange;
  readonly expected:
    | {
        readonly ok: true;
        readonly statement: Record<string, unknown>;
        /** The complete statement list of the new document, when the case pins it. */
        readonly document?: readonly Record<string, unknown>[];
        readonly proposal: boolean;
        readonly command: string;
      }
    | { readonly ok: false; readonly reason: RegExp };
}

const smallOnly = doc({
  Sid: 'SmallOnly',
  Effect: 'Allow',
  Action: 'ec2:RunInstances',
  Resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/*`,
  Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } },
});
const trustCi = doc({
  Sid: 'CiRunner',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::444455556666:role/ci-runner' },
  Action: 'sts:AssumeRole',
});
const launch = doc({ Sid: 'Launch', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' });
const passRoleCheck: AuthorizationRequest = {
  principal: SESSION,
  action: 'iam:PassRole',
  resource: `arn:aws:iam::${ACCOUNT}:role/app-role`,
  context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
  sessionIssuer: ROLE,
};

const CASES: readonly FixCase[] = [
  {
    name: 'near miss on a condition: the added allow keeps the key, pinned to the value the request sent',
    source: 'EC2-EX: ec2:InstanceType; a statement allowing only t3.micro, the launch was m5.large',
    set: { identityPolicies: [{ name: 'dev/LaunchSmall', document: smallOnly }] },
    target: {
      layer: 'identity',
      kind: 'inline-role-policy',
      operation: 'PutRolePolicy',
      owner: 'account',
      target: ROLE,
      account: ACCOUNT,
      setName: 'dev/LaunchSmall',
      policyName: 'LaunchSmall',
      document: smallOnly,
    },
    checks: [
      {
        principal: SESSION,
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/*`,
        context: { 'ec2:InstanceType': 'm5.large' },
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'allow', pin: ['ec2:InstanceType'] },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowRunInstances',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/*`,
        Condition: { StringEquals: { 'ec2:InstanceType': 'm5.large' } },
      },
      proposal: false,
      command:
        'aws iam put-role-policy --role-name deploy-role --policy-name LaunchSmall --policy-document file://fix.json',
    },
  },
  {
    name: 'trust policy: the added statement names the caller and no Resource (IAM rejects one there)',
    source: 'RES: a role trust policy has no Resource element; UpdateAssumeRolePolicy',
    set: { resourcePolicy: { name: 'trust-policy:deploy-role', document: trustCi } },
    target: {
      layer: 'trust-policy',
      kind: 'trust-policy',
      operation: 'UpdateAssumeRolePolicy',
      owner: 'resource-owner',
      target: ROLE,
      account: ACCOUNT,
      setName: 'trust-policy:deploy-role',
      policyName: 'trust-policy:deploy-role',
      document: trustCi,
    },
    checks: [
      {
        principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
        action: 'sts:AssumeRole',
        resource: ROLE,
        context: {},
      },
    ],
    change: { type: 'allow', principal: `arn:aws:iam::${ACCOUNT}:user/alice`, noResource: true },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowAssumeRole',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
        Action: 'sts:AssumeRole',
      },
      proposal: true,
      command: 'aws iam update-assume-role-policy --role-name deploy-role --policy-document file://fix.json',
    },
  },
  {
    name: 'PassRole behind RunInstances: add PassRole on the role, pinned to ec2.amazonaws.com',
    source: 'PASSROLE: iam:PassRole on the role, iam:PassedToService',
    set: { identityPolicies: [{ name: 'deploy-role/EC2Launch', document: launch }] },
    target: {
      layer: 'identity',
      kind: 'inline-role-policy',
      operation: 'PutRolePolicy',
      owner: 'account',
      target: ROLE,
      account: ACCOUNT,
      setName: 'deploy-role/EC2Launch',
      policyName: 'EC2Launch',
      document: launch,
    },
    checks: [passRoleCheck],
    change: { type: 'allow' },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowPassRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: `arn:aws:iam::${ACCOUNT}:role/app-role`,
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
      proposal: false,
      command:
        'aws iam put-role-policy --role-name deploy-role --policy-name EC2Launch --policy-document file://fix.json',
    },
  },
  {
    name: 'RunInstances scoped to instances only: add the volume resource',
    source: 'EC2-SAR: RunInstances is authorised on each resource (volume when EBS-backed)',
    set: {
      identityPolicies: [
        {
          name: 'Launch',
          document: doc({
            Effect: 'Allow',
            Action: 'ec2:RunInstances',
            Resource: `arn:aws:ec2:*:${ACCOUNT}:instance/*`,
          }),
        },
      ],
    },
    target: {
      layer: 'identity',
      kind: 'managed-policy',
      operation: 'CreatePolicyVersion',
      owner: 'account',
      target: `arn:aws:iam::${ACCOUNT}:policy/Launch`,
      account: ACCOUNT,
      setName: 'Launch',
      policyName: 'Launch',
      document: doc({
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: `arn:aws:ec2:*:${ACCOUNT}:instance/*`,
      }),
    },
    checks: [
      {
        principal: SESSION,
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/*`,
        context: { 'ec2:Encrypted': 'true' },
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'allow' },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowRunInstances',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/*`,
      },
      proposal: false,
      command: `aws iam create-policy-version --policy-arn arn:aws:iam::${ACCOUNT}:policy/Launch --policy-document file://fix.json --set-as-default`,
    },
  },
  {
    name: 'an explicit deny in another identity policy is not fixed by adding an allow',
    source: 'EVAL: an explicit deny in any policy overrides any allow',
    set: {
      identityPolicies: [
        { name: 'EC2Launch', document: launch },
        { name: 'Guard', document: doc({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }) },
      ],
    },
    target: {
      layer: 'identity',
      kind: 'inline-role-policy',
      operation: 'PutRolePolicy',
      owner: 'account',
      target: ROLE,
      account: ACCOUNT,
      setName: 'EC2Launch',
      policyName: 'EC2Launch',
      document: launch,
    },
    checks: [passRoleCheck],
    change: { type: 'allow' },
    expected: { ok: false, reason: /still denied/ },
  },
  {
    name: 'permissions boundary without the action: a new boundary version',
    source: 'BOUND: effective permissions are identity ∩ boundary',
    set: {
      identityPolicies: [{ name: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
      permissionsBoundary: {
        name: 'Boundary',
        document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      },
    },
    target: {
      layer: 'permissions-boundary',
      kind: 'managed-policy',
      operation: 'CreatePolicyVersion',
      owner: 'account',
      target: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
      account: ACCOUNT,
      setName: 'Boundary',
      policyName: 'Boundary',
      document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
    },
    checks: [
      {
        principal: SESSION,
        action: 'sqs:SendMessage',
        resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
        context: {},
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'allow' },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowSendMessage',
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
      },
      proposal: false,
      command: `aws iam create-policy-version --policy-arn arn:aws:iam::${ACCOUNT}:policy/Boundary --policy-document file://fix.json --set-as-default`,
    },
  },
  {
    name: 'KMS key policy without the caller: grant the caller role in the key policy',
    source: 'EVAL: a KMS key policy is always required',
    set: {
      identityPolicies: [
        { name: 'Kms', document: doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }) },
      ],
      resourcePolicy: {
        name: 'key-policy',
        document: doc({
          Sid: 'Admins',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` },
          Action: 'kms:*',
          Resource: '*',
        }),
      },
    },
    target: {
      layer: 'resource',
      kind: 'key-policy',
      operation: 'PutKeyPolicy',
      owner: 'resource-owner',
      target: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      account: ACCOUNT,
      setName: 'key-policy',
      policyName: 'key-policy',
      document: doc({
        Sid: 'Admins',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` },
        Action: 'kms:*',
        Resource: '*',
      }),
    },
    checks: [
      {
        principal: SESSION,
        action: 'kms:Decrypt',
        resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        context: {},
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'allow', principal: ROLE },
    expected: {
      ok: true,
      statement: {
        Sid: 'WhydeniedAllowDecrypt',
        Effect: 'Allow',
        Principal: { AWS: ROLE },
        Action: 'kms:Decrypt',
        Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      },
      proposal: true,
      command: `aws kms put-key-policy --key-id arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab --policy-name default --policy file://fix.json`,
    },
  },
  {
    name: 'SCP region guardrail: a proposed exemption of the caller, for the organization to decide',
    source: 'SCP: explicit deny at any level applies to all accounts below',
    set: {
      identityPolicies: [{ name: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
      scps: [
        [
          { name: 'FullAWSAccess', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
          {
            name: 'DenyRegions',
            document: doc({
              Sid: 'DenyOutsideEU',
              Effect: 'Deny',
              NotAction: ['iam:*', 'sts:*'],
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
            }),
          },
        ],
      ],
    },
    target: {
      layer: 'scp',
      kind: 'scp',
      operation: 'UpdatePolicy',
      owner: 'organization',
      target: 'arn:aws:organizations::999999999999:policy/o-abc123/service_control_policy/p-deny1234',
      account: null,
      setName: 'DenyRegions',
      policyName: 'DenyRegions',
      level: 0,
      document: doc({
        Sid: 'DenyOutsideEU',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      }),
    },
    checks: [
      {
        principal: SESSION,
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
        context: { 'aws:RequestedRegion': 'us-east-1' },
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'exempt', statementIndex: 0, principal: ROLE },
    expected: {
      ok: true,
      statement: {
        Sid: 'DenyOutsideEU',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] },
          ArnNotLike: { 'aws:PrincipalArn': [ROLE] },
        },
      },
      document: [
        {
          Sid: 'DenyOutsideEU',
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:*'],
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] },
            ArnNotLike: { 'aws:PrincipalArn': [ROLE] },
          },
        },
        {
          Sid: 'DenyOutsideEUForCaller',
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:*', 'ec2:RunInstances'],
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] },
            ArnLike: { 'aws:PrincipalArn': [ROLE] },
          },
        },
      ],
      proposal: true,
      command: 'aws organizations update-policy --policy-id p-deny1234 --content file://fix.json',
    },
  },
  {
    name: 'SCP deny listing actions: the caller is exempted, a copy keeps denying it the other listed actions',
    source: 'SCP: explicit deny at any level applies to all accounts below',
    set: {
      identityPolicies: [{ name: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
      scps: [
        [
          { name: 'FullAWSAccess', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
          {
            name: 'DenyLaunch',
            document: doc({
              Sid: 'NoLaunch',
              Effect: 'Deny',
              Action: ['ec2:RunInstances', 'ec2:StartInstances'],
              Resource: '*',
            }),
          },
        ],
      ],
    },
    target: {
      layer: 'scp',
      kind: 'scp',
      operation: 'UpdatePolicy',
      owner: 'organization',
      target: 'arn:aws:organizations::999999999999:policy/o-abc123/service_control_policy/p-deny5678',
      account: null,
      setName: 'DenyLaunch',
      policyName: 'DenyLaunch',
      level: 0,
      document: doc({
        Sid: 'NoLaunch',
        Effect: 'Deny',
        Action: ['ec2:RunInstances', 'ec2:StartInstances'],
        Resource: '*',
      }),
    },
    checks: [
      {
        principal: SESSION,
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
        context: {},
        sessionIssuer: ROLE,
      },
    ],
    change: { type: 'exempt', statementIndex: 0, principal: ROLE },
    expected: {
      ok: true,
      statement: {
        Sid: 'NoLaunch',
        Effect: 'Deny',
        Action: ['ec2:RunInstances', 'ec2:StartInstances'],
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': [ROLE] } },
      },
      document: [
        {
          Sid: 'NoLaunch',
          Effect: 'Deny',
          Action: ['ec2:RunInstances', 'ec2:StartInstances'],
          Resource: '*',
          Condition: { ArnNotLike: { 'aws:PrincipalArn': [ROLE] } },
        },
        {
          Sid: 'NoLaunchForCaller',
          Effect: 'Deny',
          Action: 'ec2:StartInstances',
          Resource: '*',
          Condition: { ArnLike: { 'aws:PrincipalArn': [ROLE] } },
        },
      ],
      proposal: true,
      command: 'aws organizations update-policy --policy-id p-deny5678 --content file://fix.json',
    },
  },
];

describe('proposeFix', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = proposeFix(c.set, c.target, c.checks, c.change);
    if (!c.expected.ok) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.diagnostics[0]?.message).toMatch(c.expected.reason);
      return;
    }
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    const fix = result.value;
    expect(fix.statement).toEqual(c.expected.statement);
    if (c.expected.document !== undefined) {
      expect((fix.document as { Statement: unknown[] }).Statement).toEqual(c.expected.document);
    }
    expect(fix.proposal).toBe(c.expected.proposal);
    expect(fix.command).toBe(c.expected.command);
    expect(fix.verification.widened).toEqual([]);
    // the document keeps every statement it had
    const before = (c.target.document as { Statement: unknown[] }).Statement;
    const after = (fix.document as { Statement: unknown[] }).Statement;
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    // re-verified here, independently of the verifier: every check is allowed with the fix
    const fixed = compilePolicySet(replacePolicy(c.set, c.target, fix.document));
    if (!fixed.ok) throw new Error('the fixed policy set does not compile');
    for (const check of c.checks) {
      const request = { ...check, context: { ...check.context } };
      expect(evaluate(fixed.value, request).decision).toBe('Allowed');
    }
    expect(fix.diff).toContain('+');
  });

  it('rejects a change that also allows what the failed checks did not ask for', () => {
    const set: PolicySetInput = { identityPolicies: [{ name: 'EC2Launch', document: launch }] };
    const target: FixTarget = {
      layer: 'identity',
      kind: 'inline-role-policy',
      operation: 'PutRolePolicy',
      owner: 'account',
      target: ROLE,
      account: ACCOUNT,
      setName: 'EC2Launch',
      policyName: 'EC2Launch',
      document: launch,
    };
    const broad = doc(
      { Sid: 'Launch', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    );
    const verification = verifyFix(set, replacePolicy(set, target, broad), [passRoleCheck], 'identity');
    expect(verification.allowsChecks).toBe(true);
    expect(verification.widened.length).toBeGreaterThan(0);
  });
});

describe('applyChange', () => {
  it('exempts the caller from a whole Deny that reaches the action only through a wildcard', () => {
    const current = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'NoEC2', Effect: 'Deny', Action: ['ec2:*', 'ec2:RunInstances'], Resource: '*' }],
    };
    const check: AuthorizationRequest = {
      principal: SESSION,
      action: 'ec2:RunInstances',
      resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
      context: {},
      sessionIssuer: ROLE,
    };
    const result = applyChange(current, [check], { type: 'exempt', statementIndex: 0, principal: ROLE });
    // `ec2:*` minus one action has no `Action` form: no copy, the caller leaves the whole statement
    expect(result?.document.Statement).toEqual([
      { ...current.Statement[0], Condition: { ArnNotLike: { 'aws:PrincipalArn': [ROLE] } } },
    ]);
  });

  it('merges resources into a statement it added before for the same action and condition', () => {
    const check = (resource: string): AuthorizationRequest => ({
      principal: SESSION,
      action: 'ec2:RunInstances',
      resource,
      context: {},
    });
    const first = applyChange(
      { Version: '2012-10-17', Statement: [] },
      [check(`arn:aws:ec2:eu-west-1:${ACCOUNT}:subnet/*`)],
      { type: 'allow' },
    );
    if (first === null) throw new Error('no document');
    const second = applyChange(first.document, [check(`arn:aws:ec2:eu-west-1:${ACCOUNT}:volume/*`)], {
      type: 'allow',
    });
    expect(second?.document.Statement).toEqual([
      {
        Sid: 'WhydeniedAllowRunInstances',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: [`arn:aws:ec2:eu-west-1:${ACCOUNT}:subnet/*`, `arn:aws:ec2:eu-west-1:${ACCOUNT}:volume/*`],
      },
    ]);
    // a different action is not merged
    const third = applyChange(
      second?.document ?? first.document,
      [{ ...check('*'), action: 'ec2:CreateTags' }],
      { type: 'allow' },
    );
    expect(third?.document.Statement).toHaveLength(2);
  });
});
