import { actionForOperation } from '../../catalog/operations.js';
import { buildArn, type CallScope } from '../arns.js';
import type { CallNote } from '../call-model.js';
import { type CallRule, makeCheck, regionContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { kmsChecks } from '../kms-checks.js';
import type { ParameterReader } from '../parameters.js';

const S3_KMS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html';
const S3_MPU = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions';
const S3_ACTIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';

const WRITES = ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'CopyObject'];
const MULTIPART = ['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'];
const READS = ['GetObject', 'HeadObject', 'CopyObject'];

/** How an object is (or will be) encrypted, as far as known. */
interface Encryption {
  readonly algorithm: string | undefined;
  readonly key: string | undefined;
  readonly bucketKey: boolean;
}

const isKms = (algorithm: string | undefined) => algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse';

function objectArn(scope: CallScope, bucket: string | undefined, key: string | undefined) {
  return buildArn(scope, 's3', { regional: false, account: false }, [
    { id: bucket, what: 'bucket' },
    '/',
    { id: key, what: 'object key' },
  ]);
}

function readEncryption(p: ParameterReader | undefined, algorithmKey: string, keyKey: string): Encryption {
  return {
    algorithm: p?.string(algorithmKey),
    key: p?.string(keyKey),
    bucketKey: p?.boolean('bucketKeyEnabled') === true,
  };
}

const OPERATIONS = [
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'CopyObject',
  'GetObject',
  'HeadObject',
];

/**
 * S3 object reads and writes under SSE-KMS: the S3 action on the object, and the KMS actions S3
 * makes with the caller's permissions on the key: `kms:GenerateDataKey` to write, `kms:Decrypt` to
 * read and for multipart uploads, with `kms:ViaService` and the `aws:s3:arn` encryption context.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions
 */
export const s3SseKms: CallRule = {
  id: 's3-sse-kms',
  service: 's3',
  operations: OPERATIONS,
  sources: [S3_KMS, S3_MPU, S3_ACTIONS],
  parameters: [
    'bucket',
    'key',
    'copySource',
    'objectEncryption.sseAlgorithm',
    'objectEncryption.kmsKeyId',
    'objectEncryption.bucketKeyEnabled',
    'serverSideEncryption',
    'sseKmsKeyId',
    'bucketKeyEnabled',
    'bucketEncryption.sseAlgorithm',
    'bucketEncryption.kmsMasterKeyId',
    'bucketEncryption.bucketKeyEnabled',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation =
      OPERATIONS.find((op) => op.toLowerCase() === call.operation.toLowerCase()) ?? 'GetObject';
    const bucket = parameters.string('bucket');
    const key = parameters.string('key');
    const target = objectArn(scope, bucket, key);
    const checks: CallCheck[] = [];
    const write = WRITES.includes(operation);
    const read = READS.includes(operation);
    // The source object of a copy is read; for other reads the object itself.
    if (read) {
      const source = operation === 'CopyObject' ? parameters.string('copySource') : undefined;
      const slash = source?.replace(/^\/+/, '').indexOf('/') ?? -1;
      const sourceArn =
        operation === 'CopyObject'
          ? source === undefined || slash < 0
            ? objectArn(scope, undefined, undefined)
            : objectArn(
                scope,
                source.replace(/^\/+/, '').slice(0, slash),
                source.replace(/^\/+/, '').slice(slash + 1),
              )
          : target;
      checks.push(
        makeCheck({
          action: 's3:GetObject',
          resource: sourceArn,
          resourceType: 'object',
          context: regionContext(scope),
          why: operation === 'CopyObject' ? 'the copy reads the source object' : 'the object being read',
          source: S3_ACTIONS,
        }),
      );
      const stored = readEncryption(parameters.object('objectEncryption'), 'sseAlgorithm', 'kmsKeyId');
      if (operation === 'HeadObject') {
        // HeadObject returns metadata only; no KMS use is documented for it.
      } else if (isKms(stored.algorithm)) {
        checks.push(
          ...kmsChecks(
            scope,
            {
              key: stored.key,
              actions: ['kms:Decrypt'],
              viaService: 's3',
              encryptionContext: { 'aws:s3:arn': stored.bucketKey ? bucketOf(sourceArn.arn) : sourceArn.arn },
              why: "S3 decrypts the object's data key with the caller's permissions",
              source: S3_KMS,
            },
            notes,
          ),
        );
      } else if (stored.algorithm === undefined) {
        notes.push(unknownEncryption('object', '`kms:Decrypt`'));
      }
    }
    if (write) {
      const header: Encryption = {
        algorithm: parameters.string('serverSideEncryption'),
        key: parameters.string('sseKmsKeyId'),
        bucketKey: parameters.boolean('bucketKeyEnabled') === true,
      };
      const bucketDefault = readEncryption(
        parameters.object('bucketEncryption'),
        'sseAlgorithm',
        'kmsMasterKeyId',
      );
      const effective = header.algorithm !== undefined ? header : bucketDefault;
      const action = actionForOperation('s3', operation === 'CopyObject' ? 'PutObject' : operation).action;
      checks.push(
        makeCheck({
          action,
          resource: target,
          resourceType: 'object',
          context: {
            ...regionContext(scope),
            's3:x-amz-server-side-encryption': header.algorithm,
            's3:x-amz-server-side-encryption-aws-kms-key-id': header.key,
          },
          why:
            operation === 'PutObject' || operation === 'CopyObject'
              ? 'the object being written'
              : `\`${operation}\` is authorized as \`${action}\``,
          source: S3_ACTIONS,
        }),
      );
      if (isKms(effective.algorithm)) {
        const multipart = MULTIPART.includes(operation);
        checks.push(
          ...kmsChecks(
            scope,
            {
              key: effective.key,
              actions: multipart ? ['kms:GenerateDataKey', 'kms:Decrypt'] : ['kms:GenerateDataKey'],
              viaService: 's3',
              encryptionContext: {
                'aws:s3:arn':
                  effective.bucketKey || bucketDefault.bucketKey ? bucketOf(target.arn) : target.arn,
              },
              why: multipart
                ? 'a multipart upload under SSE-KMS needs a data key and decrypts it for each part'
                : "S3 asks KMS for a data key to encrypt the object, with the caller's permissions",
              source: multipart ? S3_MPU : S3_KMS,
            },
            notes,
          ),
        );
        if (effective.key === undefined) {
          notes.push({
            code: 'kms-key-unknown',
            message:
              'no key named: S3 uses the AWS managed key `aws/s3`, whose key policy allows these checks for principals of the account',
            source: S3_KMS,
          });
        }
      } else if (effective.algorithm === undefined) {
        notes.push(unknownEncryption('bucket', '`kms:GenerateDataKey`'));
      }
    }
    return checks;
  },
};

function bucketOf(objectArn: string): string {
  const slash = objectArn.indexOf('/');
  return slash < 0 ? objectArn : objectArn.slice(0, slash);
}

function unknownEncryption(what: string, action: string): CallNote {
  return {
    code: 'kms-key-unknown',
    message: `whether the ${what} uses SSE-KMS is not known; if it does, ${action} on its key is checked too`,
    source: S3_KMS,
  };
}
