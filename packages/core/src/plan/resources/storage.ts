/**
 * S3 and KMS resources: buckets and their configuration resources, objects, keys and aliases.
 */
import type { PlannedValues } from '../plan-values.js';
import { defined, type PlannedCall, providerSource, type ResourceCalls } from '../resource-model.js';

const S3_ACTIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';

function bucketArn(v: PlannedValues, attribute = 'bucket'): string | undefined {
  const bucket = v.string([attribute]);
  return bucket === undefined ? undefined : `arn:aws:s3:::${bucket}`;
}

function onBucket(operation: string, v: PlannedValues): PlannedCall {
  return { service: 's3', operation, parameters: defined({ resource: bucketArn(v) }) };
}

/** A bucket configuration resource: one `Put*` call on the bucket, on create and on update. */
function bucketSetting(operation: string, file: string): ResourceCalls {
  return {
    operations: [`s3:${operation}`],
    sources: [providerSource(`s3/${file}`), S3_ACTIONS],
    create: (v) => [onBucket(operation, v)],
    update: (v) => [onBucket(operation, v)],
  };
}

/**
 * `aws_s3_bucket`: `CreateBucket`, and `PutBucketTagging` for its tags.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket.go
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 */
export const awsS3Bucket: ResourceCalls = {
  operations: ['s3:CreateBucket', 's3:PutBucketTagging'],
  sources: [providerSource('s3/bucket.go'), S3_ACTIONS],
  create(v) {
    const calls = [onBucket('CreateBucket', v)];
    if (v.tags() !== undefined) calls.push(onBucket('PutBucketTagging', v));
    return calls;
  },
  update(v) {
    return v.tags() === undefined ? [] : [onBucket('PutBucketTagging', v)];
  },
};

/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_policy.go */
export const awsS3BucketPolicy = bucketSetting('PutBucketPolicy', 'bucket_policy.go');
/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_versioning.go */
export const awsS3BucketVersioning = bucketSetting('PutBucketVersioning', 'bucket_versioning.go');
/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_server_side_encryption_configuration.go */
export const awsS3BucketEncryption = bucketSetting(
  'PutEncryptionConfiguration',
  'bucket_server_side_encryption_configuration.go',
);
/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_public_access_block.go */
export const awsS3BucketPublicAccessBlock = bucketSetting(
  'PutBucketPublicAccessBlock',
  'bucket_public_access_block.go',
);
/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_ownership_controls.go */
export const awsS3BucketOwnershipControls = bucketSetting(
  'PutBucketOwnershipControls',
  'bucket_ownership_controls.go',
);
/** @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/bucket_lifecycle_configuration.go */
export const awsS3BucketLifecycle = bucketSetting(
  'PutLifecycleConfiguration',
  'bucket_lifecycle_configuration.go',
);

/**
 * `aws_s3_object`: `PutObject` with its server-side encryption (SSE-KMS adds `kms:GenerateDataKey`).
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/s3/object.go
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const awsS3Object: ResourceCalls = {
  operations: ['s3:PutObject', 'kms:GenerateDataKey (SSE-KMS)'],
  sources: [
    providerSource('s3/object.go'),
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  ],
  create: (v) => [putObject(v)],
  update: (v) => [putObject(v)],
};

function putObject(v: PlannedValues): PlannedCall {
  return {
    service: 's3',
    operation: 'PutObject',
    parameters: defined({
      bucket: v.string(['bucket']),
      key: v.string(['key']),
      serverSideEncryption: v.string(['server_side_encryption']),
      sseKmsKeyId: v.string(['kms_key_id']),
    }),
  };
}

/**
 * `aws_kms_key`: `CreateKey` (on `*`: the key does not exist yet), and `TagResource` for its tags.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/kms/key.go
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html
 */
export const awsKmsKey: ResourceCalls = {
  operations: ['kms:CreateKey', 'kms:TagResource'],
  sources: [
    providerSource('kms/key.go'),
    'https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html',
  ],
  create(v) {
    const calls: PlannedCall[] = [{ service: 'kms', operation: 'CreateKey', parameters: { resource: '*' } }];
    if (v.tags() !== undefined) calls.push({ service: 'kms', operation: 'TagResource', parameters: {} });
    return calls;
  },
};
