/**
 * The prediction table: each fixture plan (written by us in the shape of `terraform show -json`)
 * with, per resource address, how it is covered, the calls the provider makes, and every denial
 * predicted for the deployer of `cases/account-111122223333.json`. The type rejects unknown keys.
 */
import type { CallNoteCode } from '../calls/call-model.js';
import type { PolicyLayer } from '../engine/layers.js';
import type { ChangeCoverage } from './predict.js';

/** One predicted denial, as asserted. */
export interface ExpectedDenial {
  readonly call: string;
  readonly action: string;
  readonly resource: string;
  readonly decision: 'ExplicitDeny' | 'ImplicitDeny';
  readonly layer: PolicyLayer;
  /** The deciding statement's Sid; `null` when no statement of the layer applied. */
  readonly sid: string | null;
  readonly certain: boolean;
  /** Keys of the deciding statement's conditions the request failed. */
  readonly failedKeys?: readonly string[];
}

/** One resource change, as asserted. */
export interface ExpectedResource {
  readonly coverage: ChangeCoverage;
  /** `service:Operation` of each call, in order. */
  readonly calls: readonly string[];
  /** Note codes that must be among the calls' notes. */
  readonly notes?: readonly CallNoteCode[];
  /** Attributes read that are known only after apply. */
  readonly unknownAtPlan?: readonly string[];
  /** Every denial, in order; `[]` when none. */
  readonly denials: readonly ExpectedDenial[];
  /** How many fixes are shown for this resource. */
  readonly fixes?: number;
}

/** One fixture plan and what is predicted for it. */
export interface PlanCase {
  readonly name: string;
  /** The fixture plan's file name under `cases/`. */
  readonly plan: string;
  /** An organization snapshot under `cases/` given with the account file. */
  readonly org?: string;
  /** The provider sources and AWS pages the expected calls follow. */
  readonly sources: readonly string[];
  readonly resources: Readonly<Record<string, ExpectedResource>>;
}

const ACCOUNT = '111122223333';
const PROVIDER = 'https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service';

/** The prediction cases. */
export const PLAN_CASES: readonly PlanCase[] = [
  {
    name: 'EC2: an instance passing a profile ec2 may not receive, a launch template, an Auto Scaling group',
    plan: 'ec2.plan.json',
    sources: [
      `${PROVIDER}/ec2/ec2_instance.go`,
      `${PROVIDER}/autoscaling/group.go`,
      'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-launch-template-permissions.html',
    ],
    resources: {
      'aws_instance.web': {
        coverage: 'modelled',
        calls: ['ec2:RunInstances'],
        notes: ['kms-key-unknown', 'checked-at-launch'],
        unknownAtPlan: ['root_block_device[0].kms_key_id'],
        denials: [
          {
            call: 'ec2:RunInstances',
            action: 'iam:PassRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/app-web`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: 'PassAppRoles',
            certain: false,
            failedKeys: ['iam:PassedToService'],
          },
          ...[
            'kms:CreateGrant',
            'kms:Decrypt',
            'kms:DescribeKey',
            'kms:GenerateDataKeyWithoutPlaintext',
            'kms:ReEncryptFrom',
            'kms:ReEncryptTo',
          ].map(
            (action): ExpectedDenial => ({
              call: 'ec2:RunInstances',
              action,
              resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`,
              decision: 'ImplicitDeny',
              layer: 'resource',
              sid: null,
              certain: false,
            }),
          ),
        ],
      },
      'aws_launch_template.app': {
        coverage: 'modelled',
        calls: ['ec2:CreateLaunchTemplate'],
        notes: ['default-rule'],
        denials: [],
      },
      'aws_autoscaling_group.app': {
        coverage: 'modelled',
        calls: ['autoscaling:CreateAutoScalingGroup', 'ec2:RunInstances'],
        notes: ['launch-template-contents-unknown'],
        unknownAtPlan: ['launch_template[0].id'],
        denials: [],
      },
    },
  },
  {
    name: 'Lambda, ECS, EKS: roles passed to the service, one of them known only after apply',
    plan: 'compute.plan.json',
    sources: [
      `${PROVIDER}/lambda/function.go`,
      `${PROVIDER}/ecs/task_definition.go`,
      `${PROVIDER}/ecs/service.go`,
      `${PROVIDER}/eks/node_group.go`,
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    ],
    resources: {
      'aws_lambda_function.api': { coverage: 'modelled', calls: ['lambda:CreateFunction'], denials: [] },
      'aws_lambda_function.worker': {
        coverage: 'modelled',
        calls: ['lambda:CreateFunction'],
        notes: ['passed-role-unknown'],
        unknownAtPlan: ['role'],
        // no grant on the stand-in `role/*`
        fixes: 0,
        denials: [
          {
            call: 'lambda:CreateFunction',
            action: 'iam:PassRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/*`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: false,
          },
        ],
      },
      'aws_ecs_task_definition.svc': {
        coverage: 'modelled',
        calls: ['ecs:RegisterTaskDefinition'],
        denials: [
          {
            call: 'ecs:RegisterTaskDefinition',
            action: 'iam:PassRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/ops-exec`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: true,
          },
        ],
        fixes: 1,
      },
      'aws_ecs_service.svc': { coverage: 'modelled', calls: ['ecs:CreateService'], denials: [] },
      'aws_eks_node_group.nodes': {
        coverage: 'modelled',
        calls: ['eks:CreateNodegroup'],
        denials: [
          {
            call: 'eks:CreateNodegroup',
            action: 'iam:PassRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/app-nodes`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: 'PassAppRoles',
            certain: true,
            failedKeys: ['iam:PassedToService'],
          },
        ],
        fixes: 1,
      },
    },
  },
  {
    name: 'IAM: a role outside the allowed names, tags on create without TagRole, policies and a profile',
    plan: 'iam.plan.json',
    sources: [
      `${PROVIDER}/iam/role.go`,
      `${PROVIDER}/iam/policy.go`,
      `${PROVIDER}/iam/instance_profile.go`,
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html',
    ],
    resources: {
      'aws_iam_role.app': {
        coverage: 'modelled',
        calls: ['iam:CreateRole'],
        denials: [
          {
            call: 'iam:CreateRole',
            action: 'iam:TagRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/app-api`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: true,
          },
        ],
        fixes: 1,
      },
      'aws_iam_role.ops': {
        coverage: 'modelled',
        calls: ['iam:CreateRole'],
        denials: [
          {
            call: 'iam:CreateRole',
            action: 'iam:CreateRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/ops-admin`,
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: true,
          },
        ],
      },
      'aws_iam_policy.read': { coverage: 'modelled', calls: ['iam:CreatePolicy'], denials: [] },
      'aws_iam_role_policy.inline': { coverage: 'modelled', calls: ['iam:PutRolePolicy'], denials: [] },
      'aws_iam_role_policy_attachment.read': {
        coverage: 'modelled',
        calls: ['iam:AttachRolePolicy'],
        denials: [],
      },
      'aws_iam_instance_profile.web': {
        coverage: 'modelled',
        calls: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'],
        denials: [],
      },
    },
  },
  {
    name: 'SCP: roles must be created with the app boundary; one has none, one gets it only after apply',
    plan: 'iam-boundary.plan.json',
    org: 'org.json',
    sources: [
      `${PROVIDER}/iam/role.go`,
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    ],
    resources: {
      'aws_iam_role.bounded': { coverage: 'modelled', calls: ['iam:CreateRole'], denials: [] },
      'aws_iam_role.unbounded': {
        coverage: 'modelled',
        calls: ['iam:CreateRole'],
        denials: [
          {
            call: 'iam:CreateRole',
            action: 'iam:CreateRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/app-unbounded`,
            decision: 'ExplicitDeny',
            layer: 'scp',
            sid: 'CreateRolesWithBoundary',
            certain: true,
          },
        ],
        // the boundary's ARN joining the Deny's exceptions, a proposal for the organization
        fixes: 1,
      },
      'aws_iam_role.later': {
        coverage: 'modelled',
        calls: ['iam:CreateRole'],
        unknownAtPlan: ['permissions_boundary'],
        denials: [
          {
            call: 'iam:CreateRole',
            action: 'iam:CreateRole',
            resource: `arn:aws:iam::${ACCOUNT}:role/app-later`,
            decision: 'ExplicitDeny',
            layer: 'scp',
            sid: 'CreateRolesWithBoundary',
            // the boundary is known only after apply: it may be the one the SCP wants
            certain: false,
          },
        ],
      },
    },
  },
  {
    name: 'S3 and KMS: a bucket and its settings, an SSE-KMS object, a tagged key; an uncovered type, a delete, a no-op',
    plan: 'storage.plan.json',
    sources: [
      `${PROVIDER}/s3/bucket.go`,
      `${PROVIDER}/s3/object.go`,
      `${PROVIDER}/kms/key.go`,
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    ],
    resources: {
      'aws_s3_bucket.logs': {
        coverage: 'modelled',
        calls: ['s3:CreateBucket', 's3:PutBucketTagging'],
        denials: [],
      },
      'aws_s3_bucket_policy.logs': {
        coverage: 'modelled',
        calls: ['s3:PutBucketPolicy'],
        denials: [
          {
            call: 's3:PutBucketPolicy',
            action: 's3:PutBucketPolicy',
            resource: 'arn:aws:s3:::app-logs',
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: true,
          },
        ],
      },
      'aws_s3_bucket_versioning.logs': {
        coverage: 'modelled',
        calls: ['s3:PutBucketVersioning'],
        denials: [],
      },
      'aws_s3_bucket_server_side_encryption_configuration.logs': {
        coverage: 'modelled',
        calls: ['s3:PutEncryptionConfiguration'],
        denials: [],
      },
      'aws_s3_bucket_public_access_block.logs': {
        coverage: 'modelled',
        calls: ['s3:PutBucketPublicAccessBlock'],
        denials: [],
      },
      'aws_s3_bucket_ownership_controls.logs': {
        coverage: 'modelled',
        calls: ['s3:PutBucketOwnershipControls'],
        denials: [],
      },
      'aws_s3_bucket_lifecycle_configuration.logs': {
        coverage: 'modelled',
        calls: ['s3:PutLifecycleConfiguration'],
        unknownAtPlan: ['bucket'],
        denials: [
          {
            call: 's3:PutLifecycleConfiguration',
            action: 's3:PutLifecycleConfiguration',
            resource: '*',
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: false,
          },
        ],
      },
      'aws_s3_object.readme': {
        coverage: 'modelled',
        calls: ['s3:PutObject'],
        denials: [
          {
            call: 's3:PutObject',
            action: 'kms:GenerateDataKey',
            resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            decision: 'ImplicitDeny',
            layer: 'resource',
            sid: null,
            certain: false,
          },
        ],
      },
      'aws_kms_key.logs': {
        coverage: 'modelled',
        calls: ['kms:CreateKey', 'kms:TagResource'],
        denials: [
          {
            call: 'kms:TagResource',
            action: 'kms:TagResource',
            resource: '*',
            decision: 'ImplicitDeny',
            layer: 'identity',
            sid: null,
            certain: false,
          },
        ],
      },
      'aws_sqs_queue.jobs': { coverage: 'type-not-covered', calls: [], denials: [] },
      'aws_s3_bucket_versioning.kept': { coverage: 'no-change', calls: [], denials: [] },
    },
  },
];
