import { randomUUID } from 'node:crypto';
import type { Input, RestRoute } from '../protocols.js';
import { type Context, type FakeService, fail, ok } from '../service.js';
import { policyText } from '../world.js';
import { XmlEntries } from '../xml.js';
import { S3_OBJECT_OPERATIONS } from './s3-objects.js';

/** The listed ARN `matches` accepts, with its policy. */
function listed(
  context: Context,
  matches: (arn: string) => boolean,
): { arn: string; policy: string } | undefined {
  for (const [arn, policy] of Object.entries(context.world.resourcePolicies ?? {}))
    if (matches(arn)) return { arn, policy: policyText(policy) };
  return undefined;
}

function withPolicy(context: Context, arn: string): string | undefined {
  return listed(context, (a) => a === arn)?.policy;
}

const RATE_EXCEEDED = 'Rate exceeded';

/** S3's subresources, by query parameter, and the name they give the operation. */
const S3_SUBRESOURCES: Readonly<Record<string, string>> = {
  policy: 'BucketPolicy',
  policyStatus: 'BucketPolicyStatus',
  acl: 'BucketAcl',
  tagging: 'BucketTagging',
  versioning: 'BucketVersioning',
  location: 'BucketLocation',
  publicAccessBlock: 'PublicAccessBlock',
  encryption: 'BucketEncryption',
  ownershipControls: 'BucketOwnershipControls',
  cors: 'BucketCors',
  lifecycle: 'BucketLifecycleConfiguration',
  website: 'BucketWebsite',
  logging: 'BucketLogging',
  notification: 'BucketNotificationConfiguration',
  replication: 'BucketReplication',
};
const VERBS: Readonly<Record<string, string>> = {
  GET: 'Get',
  PUT: 'Put',
  DELETE: 'Delete',
  HEAD: 'Head',
  POST: 'Post',
};

/** A path-style S3 request's operation: `GET /bucket?policy` is GetBucketPolicy. */
const s3Route: RestRoute = (method, [bucket, ...key], query) => {
  const verb = VERBS[method] ?? method;
  if (bucket === undefined)
    return { operation: method === 'GET' ? 'ListBuckets' : `${verb}Service`, labels: {} };
  const sub = Object.keys(S3_SUBRESOURCES).find((name) => query.has(name));
  if (key.length > 0) return { operation: `${verb}Object`, labels: { Bucket: bucket, Key: key.join('/') } };
  if (sub !== undefined) return { operation: `${verb}${S3_SUBRESOURCES[sub]}`, labels: { Bucket: bucket } };
  const plain: Readonly<Record<string, string>> = {
    GET: query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects',
    PUT: 'CreateBucket',
    DELETE: 'DeleteBucket',
    HEAD: 'HeadBucket',
  };
  return { operation: plain[method] ?? `${verb}Bucket`, labels: { Bucket: bucket } };
};

/**
 * Amazon S3 (REST-XML, path-style): bucket policies, and objects listed and read (s3-objects.ts).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
export const S3: FakeService = {
  signingName: 's3',
  protocol: { kind: 'rest-xml' },
  route: s3Route,
  denied: { code: 'AccessDenied', status: 403 },
  throttled: { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
  operations: {
    GetBucketPolicy: {
      resource: (input) => `arn:aws:s3:::${input.string('Bucket')}`,
      answer: (input, context) => {
        const bucket = input.string('Bucket') ?? '';
        const policy = withPolicy(context, `arn:aws:s3:::${bucket}`);
        return policy === undefined
          ? fail('NoSuchBucketPolicy', 404, 'The bucket policy does not exist', {
              fields: { BucketName: bucket },
            })
          : ok(policy);
      },
    },
    ...S3_OBJECT_OPERATIONS,
  },
};

/** A KMS key's ARN from a key id or key ARN (aliases are not modelled: they name no listed key). */
function keyArn(input: Input, context: Context): string {
  const id = input.string('KeyId') ?? '';
  if (id.startsWith('arn:')) return id;
  return (
    listed(context, (arn) => arn.startsWith('arn:aws:kms:') && arn.endsWith(`:key/${id}`))?.arn ??
    `arn:aws:kms:${context.region}:${context.world.caller.account}:key/${id}`
  );
}

function noSuchKey(arn: string) {
  return fail('NotFoundException', 400, `Key '${arn}' does not exist`);
}

/**
 * AWS KMS (JSON 1.1): key policies and key metadata. A key that is not listed does not exist.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export const KMS: FakeService = {
  signingName: 'kms',
  protocol: { kind: 'json', version: '1.1', target: 'TrentService' },
  denied: { code: 'AccessDeniedException', status: 400 },
  throttled: { code: 'ThrottlingException', status: 400, message: RATE_EXCEEDED },
  operations: {
    GetKeyPolicy: {
      resource: keyArn,
      answer: (input, context) => {
        const arn = keyArn(input, context);
        const policy = withPolicy(context, arn);
        return policy === undefined ? noSuchKey(arn) : ok({ Policy: policy, PolicyName: 'default' });
      },
    },
    DescribeKey: {
      resource: keyArn,
      answer: (input, context) => {
        const arn = keyArn(input, context);
        if (withPolicy(context, arn) === undefined) return noSuchKey(arn);
        return ok({
          KeyMetadata: {
            AWSAccountId: arn.split(':')[4],
            KeyId: arn.slice(arn.lastIndexOf('/') + 1),
            Arn: arn,
            CreationDate: 1_700_000_000,
            Enabled: true,
            Description: '',
            KeyUsage: 'ENCRYPT_DECRYPT',
            KeyState: 'Enabled',
            Origin: 'AWS_KMS',
            KeyManager: 'CUSTOMER',
            CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
            KeySpec: 'SYMMETRIC_DEFAULT',
            EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
            MultiRegion: false,
          },
        });
      },
    },
  },
};

/** A secret's name: its ARN's last part without the six random characters Secrets Manager adds. */
function secretName(arn: string): string {
  return arn.slice(arn.indexOf(':secret:') + ':secret:'.length).replace(/-[A-Za-z0-9]{6}$/, '');
}

/** The listed secret a SecretId (name, ARN or partial ARN) names. */
function secret(input: Input, context: Context) {
  const id = input.string('SecretId') ?? '';
  return listed(
    context,
    (arn) =>
      arn.startsWith('arn:aws:secretsmanager:') &&
      (arn === id || secretName(arn) === id || arn.replace(/-[A-Za-z0-9]{6}$/, '') === id),
  );
}

/**
 * AWS Secrets Manager (JSON 1.1): resource policies. A secret that is not listed does not exist.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetResourcePolicy.html
 */
export const SECRETS_MANAGER: FakeService = {
  signingName: 'secretsmanager',
  protocol: { kind: 'json', version: '1.1', target: 'secretsmanager' },
  denied: { code: 'AccessDeniedException', status: 400 },
  throttled: { code: 'ThrottlingException', status: 400, message: RATE_EXCEEDED },
  operations: {
    GetResourcePolicy: {
      resource: (input, context) => secret(input, context)?.arn ?? input.string('SecretId') ?? '',
      answer: (input, context) => {
        const found = secret(input, context);
        if (found === undefined)
          return fail('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret.");
        return ok({ ARN: found.arn, Name: secretName(found.arn), ResourcePolicy: found.policy });
      },
    },
  },
};

/** A queue's ARN from its URL (`<endpoint>/<account>/<name>`). */
function queueArn(input: Input, context: Context): string {
  const [account = '', name = ''] = new URL(input.string('QueueUrl') ?? 'http://x/').pathname
    .split('/')
    .slice(1);
  return `arn:aws:sqs:${context.region}:${account}:${name}`;
}

/**
 * Amazon SQS (JSON 1.0, query-compatible errors): queue URLs and the `Policy` attribute. Every queue
 * exists; one that is not listed has no policy.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html
 */
export const SQS: FakeService = {
  signingName: 'sqs',
  protocol: { kind: 'json', version: '1.0', target: 'AmazonSQS' },
  denied: {
    code: 'com.amazon.coral.service#AccessDeniedException',
    status: 403,
    queryError: 'AccessDenied;Sender',
  },
  throttled: {
    code: 'com.amazonaws.sqs#RequestThrottled',
    status: 403,
    queryError: 'RequestThrottled;Sender',
    message: RATE_EXCEEDED,
  },
  operations: {
    /** @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html */
    GetQueueUrl: {
      resource: (input, context) =>
        `arn:aws:sqs:${context.region}:${input.string('QueueOwnerAWSAccountId') ?? context.world.caller.account}:${input.string('QueueName')}`,
      answer: (input, context) => {
        const owner = input.string('QueueOwnerAWSAccountId') ?? context.world.caller.account;
        return ok({ QueueUrl: `${context.endpoint}/${owner}/${input.string('QueueName')}` });
      },
    },
    GetQueueAttributes: {
      resource: queueArn,
      answer: (input, context) => {
        const arn = queueArn(input, context);
        const names = input.list('AttributeNames');
        const all = names.includes('All');
        const policy = withPolicy(context, arn);
        const attributes: Record<string, string> = {};
        if ((all || names.includes('Policy')) && policy !== undefined) attributes.Policy = policy;
        if (all || names.includes('QueueArn')) attributes.QueueArn = arn;
        return ok(Object.keys(attributes).length === 0 ? {} : { Attributes: attributes });
      },
    },
  },
};

/**
 * Amazon SNS (query): topic attributes. A topic that is not listed does not exist.
 *
 * @see https://docs.aws.amazon.com/sns/latest/api/API_GetTopicAttributes.html
 */
export const SNS: FakeService = {
  signingName: 'sns',
  protocol: { kind: 'query', xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/', version: '2010-03-31' },
  messagePrefix: 'SNS',
  denied: { code: 'AuthorizationError', status: 403 },
  throttled: { code: 'Throttled', status: 429, message: RATE_EXCEEDED },
  operations: {
    GetTopicAttributes: {
      resource: (input) => input.string('TopicArn') ?? '',
      answer: (input, context) => {
        const arn = input.string('TopicArn') ?? '';
        const policy = withPolicy(context, arn);
        if (policy === undefined) return fail('NotFound', 404, 'Topic does not exist');
        return ok({
          Attributes: new XmlEntries({
            Policy: policy,
            Owner: arn.split(':')[4] ?? '',
            TopicArn: arn,
            DisplayName: '',
            SubscriptionsConfirmed: '0',
            SubscriptionsPending: '0',
            SubscriptionsDeleted: '0',
          }),
        });
      },
    },
  },
};

/** Lambda's paths under `/2015-03-31/functions/{FunctionName}`. */
const lambdaRoute: RestRoute = (method, segments) => {
  const [version, collection, name, sub] = segments;
  const path = `${method} /${segments.join('/')}`;
  if (version !== '2015-03-31' || collection !== 'functions') return { operation: path, labels: {} };
  if (name === undefined)
    return { operation: method === 'GET' ? 'ListFunctions' : 'CreateFunction', labels: {} };
  const table: Readonly<Record<string, string>> = {
    'GET policy': 'GetPolicy',
    'POST policy': 'AddPermission',
    'DELETE policy': 'RemovePermission',
    'GET ': 'GetFunction',
    'DELETE ': 'DeleteFunction',
    'GET configuration': 'GetFunctionConfiguration',
    'PUT configuration': 'UpdateFunctionConfiguration',
    'POST invocations': 'Invoke',
  };
  return { operation: table[`${method} ${sub ?? ''}`] ?? path, labels: { FunctionName: name } };
};

/** The ARN a FunctionName (name, ARN or partial ARN) and Qualifier name. */
function functionArn(input: Input, context: Context): string {
  const given = input.string('FunctionName') ?? '';
  const parts = given.split(':');
  const at = parts.indexOf('function');
  const name = at < 0 ? given : (parts[at + 1] ?? '');
  const account = at >= 1 ? (parts[at - 1] ?? '') : context.world.caller.account;
  const qualifier = input.string('Qualifier') ?? (at >= 0 ? parts[at + 2] : undefined);
  const region = parts[0] === 'arn' ? (parts[3] ?? context.region) : context.region;
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`;
}

/**
 * AWS Lambda (REST-JSON): function policies. A function that is not listed has no policy.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
 */
export const LAMBDA: FakeService = {
  signingName: 'lambda',
  protocol: { kind: 'rest-json' },
  route: lambdaRoute,
  denied: { code: 'AccessDeniedException', status: 403 },
  throttled: { code: 'TooManyRequestsException', status: 429, message: RATE_EXCEEDED },
  operations: {
    GetPolicy: {
      resource: functionArn,
      answer: (input, context) => {
        const policy = withPolicy(context, functionArn(input, context));
        return policy === undefined
          ? fail('ResourceNotFoundException', 404, 'The resource you requested does not exist.')
          : ok({ Policy: policy, RevisionId: randomUUID() });
      },
    },
  },
};

function repository(input: Input, context: Context) {
  const registry = input.string('registryId') ?? context.world.caller.account;
  const name = input.string('repositoryName') ?? '';
  return { registry, name, arn: `arn:aws:ecr:${context.region}:${registry}:repository/${name}` };
}

/**
 * Amazon ECR (JSON 1.1): repository policies.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetRepositoryPolicy.html
 */
export const ECR: FakeService = {
  signingName: 'ecr',
  protocol: { kind: 'json', version: '1.1', target: 'AmazonEC2ContainerRegistry_V20150921' },
  denied: { code: 'AccessDeniedException', status: 400 },
  throttled: { code: 'ThrottlingException', status: 400, message: RATE_EXCEEDED },
  operations: {
    GetRepositoryPolicy: {
      resource: (input, context) => repository(input, context).arn,
      answer: (input, context) => {
        const { registry, name, arn } = repository(input, context);
        const policy = withPolicy(context, arn);
        return policy === undefined
          ? fail(
              'RepositoryPolicyNotFoundException',
              400,
              `Repository policy does not exist for the repository with name '${name}' in the registry with id '${registry}'`,
            )
          : ok({ registryId: registry, repositoryName: name, policyText: policy });
      },
    },
  },
};
