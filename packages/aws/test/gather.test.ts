/**
 * The gatherer against the loopback AWS, through the real SDK clients: a user's and a role's
 * identity with every page followed, each service's resource policy, the organization's path, the
 * whole account with `--all`, and AWS's simulator. Together the cases call every operation of the
 * table, and the least-privilege policy for live mode lists exactly the calls made.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { gatherEvidence, type LiveEvidence } from '../src/gather.js';
import { liveModePolicy } from '../src/least-privilege.js';
import { AwsSession } from '../src/session.js';
import { FAKE_CREDENTIALS, type FakeWorld, startFakeAws } from './fake-aws/fake-aws.js';
import { RESOURCES, WORLD } from './fake-aws/test-world.js';

const made = new Set<string>();

async function gather(
  world: FakeWorld,
  errorText: string | null,
  extra: { all?: boolean; parameters?: Record<string, unknown>; options?: { principal: string } } = {},
  steps: string[] = [],
): Promise<LiveEvidence> {
  const fake = await startFakeAws(world);
  const session = new AwsSession({
    endpoint: fake.endpoint,
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
  });
  try {
    const result = await gatherEvidence({ errorText, ...extra }, session, (step) => steps.push(step));
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    for (const call of result.value.calls) made.add(call.action);
    return result.value;
  } finally {
    session.close();
    await fake.close();
  }
}

const denied = (who: string, action: string, resource: string) =>
  `An error occurred (AccessDenied) when calling the X operation: User: ${who} is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`;

const ALICE = 'arn:aws:iam::111122223333:user/alice';

function fileOf(evidence: LiveEvidence, kind: string) {
  return evidence.files.filter((f) => f.kind === kind);
}

describe('gatherEvidence', () => {
  it('reads a user with its groups, boundary and managed policies (every page), and the organization path', async () => {
    const evidence = await gather(WORLD, denied(ALICE, 'secretsmanager:GetSecretValue', RESOURCES.secret));
    const account = JSON.parse(fileOf(evidence, 'account')[0]?.text ?? '{}');
    expect(account.UserDetailList.map((u: { UserName: string }) => u.UserName)).toEqual(['alice']);
    expect(account.UserDetailList[0].UserPolicyList).toHaveLength(2);
    expect(account.UserDetailList[0].GroupList).toEqual(['devs', 'ops']);
    expect(
      account.GroupDetailList.map((g: { GroupPolicyList: unknown[] }) => g.GroupPolicyList.length),
    ).toEqual([2, 2]);
    expect(account.Policies.map((p: { Arn: string }) => p.Arn).sort()).toEqual([
      'arn:aws:iam::111122223333:policy/Local',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    const org = JSON.parse(fileOf(evidence, 'organization')[0]?.text ?? '{}');
    expect(org.targets['111122223333']).toEqual(['r-a1b2', 'ou-a1b2-workloads', 'ou-a1b2-prod']);
    expect(org.policies.map((p: { id: string }) => p.id).sort()).toEqual([
      'p-FullAWSAccess',
      'p-denyregions',
      'p-rcpdenyext',
    ]);
    expect(fileOf(evidence, 'resource-policy').map((f) => f.arn)).toEqual([RESOURCES.secret]);
    expect(evidence.sameCaller).toBe(true);
    expect(evidence.gaps).toEqual([]);
  });

  it.each([
    ['an S3 object: the bucket policy', 's3:GetObject', `${RESOURCES.bucket}/q3.csv`, RESOURCES.bucket],
    ['a KMS key', 'kms:Decrypt', RESOURCES.key, RESOURCES.key],
    ['an SQS queue', 'sqs:SendMessage', RESOURCES.queue, RESOURCES.queue],
    ['an SNS topic', 'sns:Publish', RESOURCES.topic, RESOURCES.topic],
    ['a Lambda function', 'lambda:InvokeFunction', RESOURCES.function, RESOURCES.function],
    ['an ECR repository', 'ecr:BatchGetImage', RESOURCES.repository, RESOURCES.repository],
  ])('reads the resource policy of %s', async (_, action, resource, governed) => {
    const evidence = await gather(WORLD, denied(ALICE, action, resource));
    const policies = fileOf(evidence, 'resource-policy');
    expect(policies.map((f) => f.arn)).toEqual([governed]);
    expect(JSON.parse(policies[0]?.text ?? '{}').Statement[0].Resource).toBe(governed);
  });

  it("reads a role session's role with its trust policy and instance profiles, and asks the simulator", async () => {
    const world: FakeWorld = {
      ...WORLD,
      caller: {
        arn: 'arn:aws:sts::111122223333:assumed-role/app/i-0abc',
        account: '111122223333',
        userId: 'AROAEXAMPLEAPP000001:i-0abc',
      },
    };
    const evidence = await gather(
      world,
      denied(
        'arn:aws:sts::111122223333:assumed-role/app/i-0abc',
        's3:GetObject',
        'arn:aws:s3:::reports/q3.csv',
      ),
    );
    const account = JSON.parse(fileOf(evidence, 'account')[0]?.text ?? '{}');
    const role = account.RoleDetailList[0];
    expect(role.RoleName).toBe('app');
    expect(
      role.InstanceProfileList.map((p: { InstanceProfileName: string }) => p.InstanceProfileName),
    ).toEqual(['app-a', 'app-b']);
    expect(role.PermissionsBoundary.PermissionsBoundaryArn).toBe('arn:aws:iam::111122223333:policy/Local');
    expect(evidence.simulation).toContainEqual(
      expect.objectContaining({
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::reports/q3.csv',
        decision: 'allowed',
      }),
    );
  });

  it('resolves an instance profile the call names', async () => {
    const evidence = await gather(
      WORLD,
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation.',
      { parameters: { iamInstanceProfile: { name: 'app-b' } }, options: { principal: ALICE } },
    );
    expect([...made]).toContain('iam:GetInstanceProfile');
    const account = JSON.parse(fileOf(evidence, 'account')[0]?.text ?? '{}');
    expect(account.RoleDetailList.map((r: { RoleName: string }) => r.RoleName)).toEqual(['app']);
  });

  it('decodes an encoded message', async () => {
    const evidence = await gather(
      WORLD,
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: encoded-message-1',
    );
    expect(fileOf(evidence, 'decoded').map((f) => f.text)).toEqual([
      '{"allowed":false,"explicitDeny":false}',
    ]);
  });

  it('announces resource-policy reads only for resources whose service keeps one', async () => {
    const steps: string[] = [];
    await gather(
      WORLD,
      denied(ALICE, 'ec2:StopInstances', 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc'),
      {},
      steps,
    );
    expect(steps.filter((s) => s.startsWith('reading the resource policy'))).toEqual([]);
    const s3Steps: string[] = [];
    await gather(WORLD, denied(ALICE, 's3:GetObject', 'arn:aws:s3:::reports/q3.csv'), {}, s3Steps);
    expect(s3Steps.filter((s) => s.startsWith('reading the resource policy'))).toHaveLength(1);
  });

  it('reads the whole account with --all', async () => {
    const evidence = await gather(WORLD, denied(ALICE, 's3:GetObject', 'arn:aws:s3:::reports/q3.csv'), {
      all: true,
    });
    const account = JSON.parse(fileOf(evidence, 'account')[0]?.text ?? '{}');
    expect(account.RoleDetailList).toHaveLength(1);
    expect(account.UserDetailList).toHaveLength(1);
    expect(account.GroupDetailList).toHaveLength(2);
  });

  it('without an error, reads the current caller alone', async () => {
    const evidence = await gather(WORLD, null);
    expect(evidence.sameCaller).toBeNull();
    expect(fileOf(evidence, 'account')).toHaveLength(1);
  });

  it('no AWS at all: one diagnostic, no throw', async () => {
    const session = new AwsSession({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      maxAttempts: 1,
      timeoutMs: 2000,
    });
    const result = await gatherEvidence({ errorText: null }, session);
    session.close();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.code).toBe('live-no-access');
  });
});

/** `trail s3://`'s reads, made by trail-objects.test.ts, not by gathering an error's evidence. */
const TRAIL_READS = new Set(['s3:ListBucket', 's3:GetObject']);

afterAll(() => {
  // the least-privilege policy for live mode lists exactly the calls these cases made, and trail's
  expect([...made].sort()).toEqual(
    ((liveModePolicy().Statement[0]?.Action ?? []) as string[]).filter((action) => !TRAIL_READS.has(action)),
  );
});
