/**
 * Every Terraform resource type whose API calls are modelled, registered in one explicit map: a type
 * missing from {@link SUPPORTED_RESOURCE_TYPES} or from the map does not compile.
 */

import type { ResourceCalls } from './resource-model.js';
import {
  awsEcsService,
  awsEcsTaskDefinition,
  awsEksNodeGroup,
  awsLambdaFunction,
} from './resources/compute.js';
import { awsAutoscalingGroup, awsInstance, awsLaunchTemplate } from './resources/ec2.js';
import {
  awsIamInstanceProfile,
  awsIamPolicy,
  awsIamRole,
  awsIamRolePolicy,
  awsIamRolePolicyAttachment,
} from './resources/iam.js';
import {
  awsKmsKey,
  awsS3Bucket,
  awsS3BucketEncryption,
  awsS3BucketLifecycle,
  awsS3BucketOwnershipControls,
  awsS3BucketPolicy,
  awsS3BucketPublicAccessBlock,
  awsS3BucketVersioning,
  awsS3Object,
} from './resources/storage.js';

/** The resource types whose calls are modelled. */
export const SUPPORTED_RESOURCE_TYPES = [
  'aws_instance',
  'aws_launch_template',
  'aws_autoscaling_group',
  'aws_lambda_function',
  'aws_ecs_task_definition',
  'aws_ecs_service',
  'aws_eks_node_group',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_iam_instance_profile',
  'aws_s3_bucket',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_object',
  'aws_kms_key',
] as const;

/** A resource type whose calls are modelled. */
export type SupportedResourceType = (typeof SUPPORTED_RESOURCE_TYPES)[number];

/** The calls of each supported resource type. */
export const RESOURCE_CALLS: Readonly<Record<SupportedResourceType, ResourceCalls>> = {
  aws_instance: awsInstance,
  aws_launch_template: awsLaunchTemplate,
  aws_autoscaling_group: awsAutoscalingGroup,
  aws_lambda_function: awsLambdaFunction,
  aws_ecs_task_definition: awsEcsTaskDefinition,
  aws_ecs_service: awsEcsService,
  aws_eks_node_group: awsEksNodeGroup,
  aws_iam_role: awsIamRole,
  aws_iam_policy: awsIamPolicy,
  aws_iam_role_policy: awsIamRolePolicy,
  aws_iam_role_policy_attachment: awsIamRolePolicyAttachment,
  aws_iam_instance_profile: awsIamInstanceProfile,
  aws_s3_bucket: awsS3Bucket,
  aws_s3_bucket_policy: awsS3BucketPolicy,
  aws_s3_bucket_versioning: awsS3BucketVersioning,
  aws_s3_bucket_server_side_encryption_configuration: awsS3BucketEncryption,
  aws_s3_bucket_public_access_block: awsS3BucketPublicAccessBlock,
  aws_s3_bucket_ownership_controls: awsS3BucketOwnershipControls,
  aws_s3_bucket_lifecycle_configuration: awsS3BucketLifecycle,
  aws_s3_object: awsS3Object,
  aws_kms_key: awsKmsKey,
};

/** The calls of `type`, or `undefined` when the type is not covered. */
export function resourceCallsFor(type: string): ResourceCalls | undefined {
  return Object.hasOwn(RESOURCE_CALLS, type) ? RESOURCE_CALLS[type as SupportedResourceType] : undefined;
}
