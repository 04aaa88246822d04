import { ECRClient, GetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { GetResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAws, startFakeAws } from './fake-aws.js';
import { callsOf, clientConfig, failure } from './sdk-calls.js';
import { RESOURCES, resourcePolicy, WORLD } from './test-world.js';

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws(WORLD);
});
afterAll(async () => {
  await fake.close();
});

const parsed = (text: string | undefined) => JSON.parse(text ?? '');

describe('resource policies, each in its service own protocol', () => {
  it('S3 (REST-XML, path-style): the bucket policy; NoSuchBucketPolicy (404) for a bucket without one', async () => {
    const s3 = new S3Client({ ...clientConfig(fake), forcePathStyle: true });
    const { Policy } = await s3.send(new GetBucketPolicyCommand({ Bucket: 'reports' }));
    expect(parsed(Policy)).toEqual(resourcePolicy(RESOURCES.bucket));
    expect(await failure(s3.send(new GetBucketPolicyCommand({ Bucket: 'other' })))).toEqual({
      name: 'NoSuchBucketPolicy',
      status: 404,
      message: 'The bucket policy does not exist',
    });
    expect(callsOf(fake, 's3:GetBucketPolicy').map((c) => [c.status, c.signedFor])).toEqual([
      [200, 's3'],
      [404, 's3'],
    ]);
  });

  it('KMS (JSON 1.1): key policy and metadata by key id or ARN; NotFoundException for an unknown key', async () => {
    const kms = new KMSClient(clientConfig(fake));
    const keyId = RESOURCES.key.slice(RESOURCES.key.lastIndexOf('/') + 1);
    const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
    expect(policy.PolicyName).toBe('default');
    expect(parsed(policy.Policy)).toEqual(resourcePolicy(RESOURCES.key));
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: RESOURCES.key }));
    expect(KeyMetadata).toMatchObject({
      KeyId: keyId,
      Arn: RESOURCES.key,
      KeyManager: 'CUSTOMER',
      Enabled: true,
    });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    expect(await failure(kms.send(new GetKeyPolicyCommand({ KeyId: 'alias/unknown' })))).toMatchObject({
      name: 'NotFoundException',
      status: 400,
    });
  });

  it('Secrets Manager (JSON 1.1): the policy by name or ARN; ResourceNotFoundException otherwise', async () => {
    const secrets = new SecretsManagerClient(clientConfig(fake));
    for (const SecretId of ['db-password', RESOURCES.secret]) {
      const answer = await secrets.send(new GetResourcePolicyCommand({ SecretId }));
      expect(answer).toMatchObject({ ARN: RESOURCES.secret, Name: 'db-password' });
      expect(parsed(answer.ResourcePolicy)).toEqual(resourcePolicy(RESOURCES.secret));
    }
    expect(await failure(secrets.send(new GetResourcePolicyCommand({ SecretId: 'nope' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 400,
    });
  });

  it('SQS (JSON 1.0): the queue URL, then its Policy attribute; a queue without a policy has none', async () => {
    const sqs = new SQSClient(clientConfig(fake));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));
    expect(QueueUrl).toBe(`${fake.endpoint}/111122223333/jobs`);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy', 'QueueArn'] }),
    );
    expect(Attributes?.QueueArn).toBe(RESOURCES.queue);
    expect(parsed(Attributes?.Policy)).toEqual(resourcePolicy(RESOURCES.queue));
    const other = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${fake.endpoint}/111122223333/other`,
        AttributeNames: ['Policy'],
      }),
    );
    expect(other.Attributes?.Policy).toBeUndefined();
  });

  it('SNS (query): the topic attributes map; NotFound (404) for an unknown topic', async () => {
    const sns = new SNSClient(clientConfig(fake));
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: RESOURCES.topic }));
    expect(Attributes).toMatchObject({ TopicArn: RESOURCES.topic, Owner: '111122223333' });
    expect(parsed(Attributes?.Policy)).toEqual(resourcePolicy(RESOURCES.topic));
    const unknown = sns.send(new GetTopicAttributesCommand({ TopicArn: `${RESOURCES.topic}-x` }));
    expect(await failure(unknown)).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  it('Lambda (REST-JSON): the function policy by name or ARN; ResourceNotFoundException (404) otherwise', async () => {
    const lambda = new LambdaClient(clientConfig(fake));
    // an ARN in the path is percent-encoded, and encoded once more in the signature
    for (const FunctionName of ['resize', RESOURCES.function]) {
      const { Policy, RevisionId } = await lambda.send(new GetPolicyCommand({ FunctionName }));
      expect(parsed(Policy)).toEqual(resourcePolicy(RESOURCES.function));
      expect(RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(
      await failure(lambda.send(new GetPolicyCommand({ FunctionName: 'resize', Qualifier: 'prod' }))),
    ).toEqual({
      name: 'ResourceNotFoundException',
      status: 404,
      message: 'The resource you requested does not exist.',
    });
  });

  it('ECR (JSON 1.1): the repository policy; RepositoryPolicyNotFoundException otherwise', async () => {
    const ecr = new ECRClient(clientConfig(fake));
    const answer = await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'web' }));
    expect(answer).toMatchObject({ registryId: '111122223333', repositoryName: 'web' });
    expect(parsed(answer.policyText)).toEqual(resourcePolicy(RESOURCES.repository));
    expect(await failure(ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'api' })))).toMatchObject({
      name: 'RepositoryPolicyNotFoundException',
      status: 400,
    });
  });
});
