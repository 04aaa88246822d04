import { ECRClient, GetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  DescribePolicyCommand,
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetBucketPolicyCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { FakeAws } from './fake-aws.js';
import { callsOf, clientConfig, failure, withFake } from './sdk-calls.js';
import { RESOURCES, WORLD } from './test-world.js';

/** One call of each protocol (and each error spelling), with what its denial looks like to the SDK. */
interface DenialCase {
  readonly action: string;
  readonly call: (fake: FakeAws) => Promise<unknown>;
  readonly name: string;
  readonly status: number;
  /** The ARN the message names. */
  readonly resource: string;
  /** The action as the message spells it, when not as `action`. */
  readonly spelled?: string;
}

const s3 = (fake: FakeAws) => new S3Client({ ...clientConfig(fake), forcePathStyle: true });

const DENIALS: readonly DenialCase[] = [
  {
    action: 'iam:GetRole',
    call: (fake) => new IAMClient(clientConfig(fake)).send(new GetRoleCommand({ RoleName: 'app' })),
    name: 'AccessDenied',
    status: 403,
    resource: 'arn:aws:iam::111122223333:role/app',
  },
  {
    action: 'sts:DecodeAuthorizationMessage',
    call: (fake) =>
      new STSClient(clientConfig(fake)).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'x' })),
    name: 'AccessDenied',
    status: 403,
    resource: '*',
  },
  {
    action: 'sns:GetTopicAttributes',
    call: (fake) =>
      new SNSClient(clientConfig(fake)).send(new GetTopicAttributesCommand({ TopicArn: RESOURCES.topic })),
    name: 'AuthorizationErrorException',
    status: 403,
    resource: RESOURCES.topic,
    spelled: 'SNS:GetTopicAttributes',
  },
  {
    action: 'organizations:ListPoliciesForTarget',
    call: (fake) =>
      new OrganizationsClient(clientConfig(fake)).send(
        new ListPoliciesForTargetCommand({ TargetId: '111122223333', Filter: 'SERVICE_CONTROL_POLICY' }),
      ),
    name: 'AccessDeniedException',
    status: 400,
    resource: 'arn:aws:organizations::999988887777:account/o-a1b2exampl/111122223333',
  },
  {
    action: 'kms:GetKeyPolicy',
    call: (fake) => new KMSClient(clientConfig(fake)).send(new GetKeyPolicyCommand({ KeyId: RESOURCES.key })),
    name: 'AccessDeniedException',
    status: 400,
    resource: RESOURCES.key,
  },
  {
    action: 'secretsmanager:GetResourcePolicy',
    call: (fake) =>
      new SecretsManagerClient(clientConfig(fake)).send(
        new GetResourcePolicyCommand({ SecretId: 'db-password' }),
      ),
    name: 'AccessDeniedException',
    status: 400,
    resource: RESOURCES.secret,
  },
  {
    action: 'ecr:GetRepositoryPolicy',
    call: (fake) =>
      new ECRClient(clientConfig(fake)).send(new GetRepositoryPolicyCommand({ repositoryName: 'web' })),
    name: 'AccessDeniedException',
    status: 400,
    resource: RESOURCES.repository,
  },
  {
    action: 'sqs:GetQueueAttributes',
    call: (fake) =>
      new SQSClient(clientConfig(fake)).send(
        new GetQueueAttributesCommand({
          QueueUrl: `${fake.endpoint}/111122223333/jobs`,
          AttributeNames: ['Policy'],
        }),
      ),
    name: 'AccessDenied',
    status: 403,
    resource: RESOURCES.queue,
  },
  {
    action: 's3:GetBucketPolicy',
    call: (fake) => s3(fake).send(new GetBucketPolicyCommand({ Bucket: 'reports' })),
    name: 'AccessDenied',
    status: 403,
    resource: RESOURCES.bucket,
  },
  {
    action: 'lambda:GetPolicy',
    call: (fake) =>
      new LambdaClient(clientConfig(fake)).send(new GetPolicyCommand({ FunctionName: 'resize' })),
    name: 'AccessDeniedException',
    status: 403,
    resource: RESOURCES.function,
  },
];

describe('denials, in each protocol', () => {
  it.each(DENIALS)(
    '$action: $name ($status) naming the caller, the action and the resource',
    async (denial) => {
      await withFake({ ...WORLD, denied: [denial.action] }, async (fake) => {
        const spelled = denial.spelled ?? denial.action;
        expect(await failure(denial.call(fake))).toEqual({
          name: denial.name,
          status: denial.status,
          message: `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ${spelled} on resource: ${denial.resource} because no identity-based policy allows the ${spelled} action`,
        });
        // a denial is not retried
        expect(callsOf(fake, denial.action).map((c) => c.status)).toEqual([denial.status]);
      });
    },
  );
});

describe('throttling', () => {
  it("is retried by the SDK's standard retry until the call succeeds, in every protocol", async () => {
    const throttle = {
      'iam:GetRole': 2,
      'sts:GetCallerIdentity': 1,
      'sns:GetTopicAttributes': 1,
      'organizations:DescribePolicy': 1,
      'kms:GetKeyPolicy': 1,
      'sqs:GetQueueUrl': 1,
      's3:GetBucketPolicy': 1,
      'lambda:GetPolicy': 1,
    };
    await withFake({ ...WORLD, throttle }, async (fake) => {
      await Promise.all([
        new IAMClient(clientConfig(fake)).send(new GetRoleCommand({ RoleName: 'app' })),
        new STSClient(clientConfig(fake)).send(new GetCallerIdentityCommand({})),
        new SNSClient(clientConfig(fake)).send(new GetTopicAttributesCommand({ TopicArn: RESOURCES.topic })),
        new OrganizationsClient(clientConfig(fake)).send(
          new DescribePolicyCommand({ PolicyId: 'p-denyregions' }),
        ),
        new KMSClient(clientConfig(fake)).send(new GetKeyPolicyCommand({ KeyId: RESOURCES.key })),
        new SQSClient(clientConfig(fake)).send(new GetQueueUrlCommand({ QueueName: 'jobs' })),
        s3(fake).send(new GetBucketPolicyCommand({ Bucket: 'reports' })),
        new LambdaClient(clientConfig(fake)).send(new GetPolicyCommand({ FunctionName: 'resize' })),
      ]);
      const statuses = (action: string) => callsOf(fake, action).map((c) => c.status);
      expect(statuses('iam:GetRole')).toEqual([400, 400, 200]);
      expect(statuses('sts:GetCallerIdentity')).toEqual([400, 200]);
      expect(statuses('sns:GetTopicAttributes')).toEqual([429, 200]);
      expect(statuses('organizations:DescribePolicy')).toEqual([400, 200]);
      expect(statuses('kms:GetKeyPolicy')).toEqual([400, 200]);
      expect(statuses('sqs:GetQueueUrl')).toEqual([403, 200]);
      expect(statuses('s3:GetBucketPolicy')).toEqual([503, 200]);
      expect(statuses('lambda:GetPolicy')).toEqual([429, 200]);
    });
  });

  it('gives up after the standard three attempts', async () => {
    await withFake({ ...WORLD, throttle: { 'kms:GetKeyPolicy': 5 } }, async (fake) => {
      const call = new KMSClient(clientConfig(fake)).send(new GetKeyPolicyCommand({ KeyId: RESOURCES.key }));
      expect(await failure(call)).toMatchObject({ name: 'ThrottlingException', status: 400 });
      expect(callsOf(fake, 'kms:GetKeyPolicy')).toHaveLength(3);
    });
  });
});

describe('what the fake does not serve', () => {
  it("answers the protocol's unknown-operation error (400) and records the call", async () => {
    await withFake(WORLD, async (fake) => {
      const unknown = [
        new KMSClient(clientConfig(fake)).send(new ListKeysCommand({})),
        new SQSClient(clientConfig(fake)).send(new ListQueuesCommand({})),
        s3(fake).send(new ListBucketsCommand({})),
        new LambdaClient(clientConfig(fake)).send(new ListFunctionsCommand({})),
      ];
      const errors = await Promise.all(unknown.map(failure));
      expect(errors.map((e) => [e.name, e.status])).toEqual([
        ['UnknownOperationException', 400],
        ['UnknownOperationException', 400],
        ['NotImplemented', 400],
        ['UnknownOperationException', 400],
      ]);
      expect(fake.calls.map((c) => c.action).sort()).toEqual([
        'kms:ListKeys',
        'lambda:ListFunctions',
        's3:ListBuckets',
        'sqs:ListQueues',
      ]);
    });
  });
});

describe('names that are members of every object', () => {
  it('are no operation and no service', async () => {
    await withFake(WORLD, async (fake) => {
      const iam = new IAMClient(clientConfig(fake));
      // `Action=valueOf` (as long as `GetRole`: the length header stays true), signed as usual
      iam.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { body?: unknown };
          if (typeof request.body === 'string')
            request.body = request.body.replace('Action=GetRole', 'Action=valueOf');
          return next(args);
        },
        { step: 'build', name: 'renameOperation' },
      );
      expect(await failure(iam.send(new GetRoleCommand({ RoleName: 'app' })))).toMatchObject({
        name: 'InvalidAction',
        status: 400,
      });
      const stranger = await fetch(fake.endpoint, {
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/constructor/aws4_request, SignedHeaders=host, Signature=' +
            '0'.repeat(64),
        },
      });
      expect(stranger.status).toBe(400);
      expect(fake.calls.map((c) => [c.service, c.operation, c.status])).toEqual([
        ['iam', 'valueOf', 400],
        ['constructor', '', 400],
      ]);
    });
  });
});

describe('signing', () => {
  it('refuses unsigned requests (403) in the words of the service they were meant for', async () => {
    await withFake(WORLD, async (fake) => {
      const iam = await fetch(fake.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=GetRole&Version=2010-05-08&RoleName=app',
      });
      expect(iam.status).toBe(403);
      expect(await iam.text()).toContain('<Code>MissingAuthenticationToken</Code>');
      const kms = await fetch(fake.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'TrentService.GetKeyPolicy',
        },
        body: JSON.stringify({ KeyId: RESOURCES.key }),
      });
      expect(kms.status).toBe(403);
      expect(await kms.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
      const bucket = await fetch(`${fake.endpoint}/reports?policy`);
      expect(bucket.status).toBe(403);
      expect(fake.calls).toEqual([
        { service: 'iam', operation: 'GetRole', action: 'iam:GetRole', status: 403, signedFor: null },
        {
          service: 'kms',
          operation: 'GetKeyPolicy',
          action: 'kms:GetKeyPolicy',
          status: 403,
          signedFor: null,
        },
        {
          service: 's3',
          operation: 'GetBucketPolicy',
          action: 's3:GetBucketPolicy',
          status: 403,
          signedFor: null,
        },
      ]);
    });
  });

  it('verifies the signature: an unknown key or a wrong secret is refused', async () => {
    await withFake(WORLD, async (fake) => {
      const wrongSecret = { ...clientConfig(fake).credentials, secretAccessKey: 'not-the-secret' };
      const unknownKey = { ...clientConfig(fake).credentials, accessKeyId: 'AKIAUNKNOWNKEY000000' };
      const iam = (credentials: typeof wrongSecret) =>
        new IAMClient({ ...clientConfig(fake), credentials }).send(new GetRoleCommand({ RoleName: 'app' }));
      expect(await failure(iam(wrongSecret))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
      expect(await failure(iam(unknownKey))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
      const kms = new KMSClient({ ...clientConfig(fake), credentials: wrongSecret });
      expect(await failure(kms.send(new GetKeyPolicyCommand({ KeyId: RESOURCES.key })))).toMatchObject({
        name: 'InvalidSignatureException',
        status: 403,
      });
      expect(fake.calls.every((c) => c.status === 403 && c.signedFor !== null)).toBe(true);
    });
  });
});
