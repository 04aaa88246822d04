import { type Arn, parseArn } from '@whydenied/core/engine';
import { gapOf, type LiveGap } from './gaps.js';
import type { AwsSession } from './session.js';

/**
 * The resource-based policy of the resource an error names, read with the service's own `Get*Policy`
 * call: S3 buckets, KMS keys, Secrets Manager secrets, SQS queues, SNS topics, Lambda functions and
 * ECR repositories. (A role's trust policy comes with the role, see identity.ts.)
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */

type Json = Record<string, unknown>;

/** A resource policy read: the ARN it governs and the document as AWS returned it (JSON text). */
export interface ReadResourcePolicy {
  readonly arn: string;
  readonly document: string;
}

/** Which resource-policy reader an ARN needs; `null` when the service has none here. */
export function resourcePolicyService(arn: string): string | null {
  const service = parseArn(arn)?.service;
  return service !== undefined && READERS[service] !== undefined ? service : null;
}

/** The bucket of an S3 bucket or object ARN's resource part (`bucket/key` → `bucket`). */
export function bucketOf(parts: Arn): string {
  return parts.resource.split('/')[0] ?? '';
}

/**
 * The function ARN of a Lambda function, version or alias ARN (`function:NAME[:QUALIFIER]`): a
 * function's policy is read for the function (GetPolicy takes a qualifier apart).
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
 */
export function functionArnOf(parts: Arn): string {
  const [kind, name] = parts.resource.split(':');
  return `arn:${parts.partition}:lambda:${parts.region}:${parts.account}:${kind}:${name}`;
}

/** Reads the policy of `arn`; `null` when it has none (the gap says why when it could not be read). */
export async function readResourcePolicy(
  session: AwsSession,
  arn: string,
  gaps: LiveGap[],
): Promise<ReadResourcePolicy | null> {
  const service = resourcePolicyService(arn);
  const parts = parseArn(arn);
  if (service === null || parts === undefined) return null;
  const region = parts.region === '' ? undefined : parts.region;
  const reader = READERS[service] as Reader;
  const text = await reader({
    session,
    arn,
    parts,
    region,
    account: parts.account,
    resource: parts.resource,
    gaps,
  });
  return text === null ? null : { arn: policyArn(service, arn, parts), document: text };
}

interface ReaderInput {
  readonly session: AwsSession;
  readonly arn: string;
  readonly parts: Arn;
  readonly region: string | undefined;
  readonly account: string;
  readonly resource: string;
  readonly gaps: LiveGap[];
}
type Reader = (input: ReaderInput) => Promise<string | null>;

/** The ARN the policy is written for: the bucket for an object, the repository for an image. */
function policyArn(service: string, arn: string, parts: Arn): string {
  return service === 's3' ? `arn:${parts.partition}:s3:::${bucketOf(parts)}` : arn;
}

/** The value of a call's output field as text, or `null` (with a gap unless the policy does not exist). */
async function read(
  input: ReaderInput,
  action: Parameters<AwsSession['call']>[0],
  request: Json,
  pick: (output: Json) => unknown,
  region = input.region,
): Promise<string | null> {
  const result = await input.session.call<Json>(action, request, region);
  if (!result.ok) {
    if (result.outcome !== 'not-found') input.gaps.push(gapOf(action, input.arn, result));
    return null;
  }
  const value = pick(result.value);
  return typeof value === 'string' && value !== '' ? value : null;
}

const READERS: Readonly<Record<string, Reader>> = {
  s3: (input) => read(input, 's3:GetBucketPolicy', { Bucket: bucketOf(input.parts) }, (o) => o.Policy),
  kms: (input) =>
    read(input, 'kms:GetKeyPolicy', { KeyId: input.arn, PolicyName: 'default' }, (o) => o.Policy),
  secretsmanager: (input) =>
    read(input, 'secretsmanager:GetResourcePolicy', { SecretId: input.arn }, (o) => o.ResourcePolicy),
  sns: (input) =>
    read(
      input,
      'sns:GetTopicAttributes',
      { TopicArn: input.arn },
      (o) => (o.Attributes as Json | undefined)?.Policy,
    ),
  lambda: (input) =>
    read(input, 'lambda:GetPolicy', { FunctionName: functionArnOf(input.parts) }, (o) => o.Policy),
  ecr: (input) =>
    read(
      input,
      'ecr:GetRepositoryPolicy',
      { repositoryName: input.resource.replace(/^repository\//, ''), registryId: input.account },
      (o) => o.policyText,
    ),
  sqs: async (input) => {
    const url = await input.session.call<Json>(
      'sqs:GetQueueUrl',
      {
        QueueName: input.resource,
        ...(input.account === '' ? {} : { QueueOwnerAWSAccountId: input.account }),
      },
      input.region,
    );
    if (!url.ok) {
      if (url.outcome !== 'not-found') input.gaps.push(gapOf('sqs:GetQueueUrl', input.arn, url));
      return null;
    }
    return read(
      input,
      'sqs:GetQueueAttributes',
      { QueueUrl: url.value.QueueUrl, AttributeNames: ['Policy'] },
      (o) => (o.Attributes as Json | undefined)?.Policy,
    );
  },
};
