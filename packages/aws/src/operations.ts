import { GetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import {
  GetAccountAuthorizationDetailsCommand,
  GetGroupPolicyCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { GetPolicyCommand as GetFunctionPolicyCommand } from '@aws-sdk/client-lambda';
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
} from '@aws-sdk/client-organizations';
import { GetBucketPolicyCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

/**
 * Every AWS API operation live mode can call: the package's only way to reach AWS goes through this
 * table, and every entry is a read (`Get*`, `List*`, `Describe*`, `Decode*`, `Simulate*`). Nothing
 * here writes; fixes are printed, never applied.
 */

/** The SDK clients live mode uses, by the service's IAM prefix. */
export type ClientName =
  | 'sts'
  | 'iam'
  | 'organizations'
  | 's3'
  | 'kms'
  | 'secretsmanager'
  | 'sqs'
  | 'sns'
  | 'lambda'
  | 'ecr';

/** One allowed operation: its client, its SDK command, and the IAM action that authorizes it. */
export interface Operation {
  readonly client: ClientName;
  /** The IAM action (`iam:GetRole`): what a caller needs to let live mode make the call. */
  readonly action: string;
  /** The SDK command (each takes its own input type: the session passes the input it was given). */
  readonly command: new (
    input: never,
  ) => unknown;
  /** The AWS page of the operation. */
  readonly source: string;
  /** The API operation, when its name is not the action's (`ListObjectsV2` is authorized by `s3:ListBucket`). */
  readonly operation?: string;
}

const IAM_API = 'https://docs.aws.amazon.com/IAM/latest/APIReference';
const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';

/** The table of every operation live mode calls, by IAM action. */
export const OPERATIONS = {
  'sts:GetCallerIdentity': {
    client: 'sts',
    command: GetCallerIdentityCommand,
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
  },
  'sts:DecodeAuthorizationMessage': {
    client: 'sts',
    command: DecodeAuthorizationMessageCommand,
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html',
  },
  'iam:GetRole': { client: 'iam', command: GetRoleCommand, source: `${IAM_API}/API_GetRole.html` },
  'iam:GetUser': { client: 'iam', command: GetUserCommand, source: `${IAM_API}/API_GetUser.html` },
  'iam:ListRolePolicies': {
    client: 'iam',
    command: ListRolePoliciesCommand,
    source: `${IAM_API}/API_ListRolePolicies.html`,
  },
  'iam:GetRolePolicy': {
    client: 'iam',
    command: GetRolePolicyCommand,
    source: `${IAM_API}/API_GetRolePolicy.html`,
  },
  'iam:ListAttachedRolePolicies': {
    client: 'iam',
    command: ListAttachedRolePoliciesCommand,
    source: `${IAM_API}/API_ListAttachedRolePolicies.html`,
  },
  'iam:ListUserPolicies': {
    client: 'iam',
    command: ListUserPoliciesCommand,
    source: `${IAM_API}/API_ListUserPolicies.html`,
  },
  'iam:GetUserPolicy': {
    client: 'iam',
    command: GetUserPolicyCommand,
    source: `${IAM_API}/API_GetUserPolicy.html`,
  },
  'iam:ListAttachedUserPolicies': {
    client: 'iam',
    command: ListAttachedUserPoliciesCommand,
    source: `${IAM_API}/API_ListAttachedUserPolicies.html`,
  },
  'iam:ListGroupsForUser': {
    client: 'iam',
    command: ListGroupsForUserCommand,
    source: `${IAM_API}/API_ListGroupsForUser.html`,
  },
  'iam:ListGroupPolicies': {
    client: 'iam',
    command: ListGroupPoliciesCommand,
    source: `${IAM_API}/API_ListGroupPolicies.html`,
  },
  'iam:GetGroupPolicy': {
    client: 'iam',
    command: GetGroupPolicyCommand,
    source: `${IAM_API}/API_GetGroupPolicy.html`,
  },
  'iam:ListAttachedGroupPolicies': {
    client: 'iam',
    command: ListAttachedGroupPoliciesCommand,
    source: `${IAM_API}/API_ListAttachedGroupPolicies.html`,
  },
  'iam:GetPolicy': { client: 'iam', command: GetPolicyCommand, source: `${IAM_API}/API_GetPolicy.html` },
  'iam:GetPolicyVersion': {
    client: 'iam',
    command: GetPolicyVersionCommand,
    source: `${IAM_API}/API_GetPolicyVersion.html`,
  },
  'iam:ListInstanceProfilesForRole': {
    client: 'iam',
    command: ListInstanceProfilesForRoleCommand,
    source: `${IAM_API}/API_ListInstanceProfilesForRole.html`,
  },
  'iam:GetInstanceProfile': {
    client: 'iam',
    command: GetInstanceProfileCommand,
    source: `${IAM_API}/API_GetInstanceProfile.html`,
  },
  'iam:GetAccountAuthorizationDetails': {
    client: 'iam',
    command: GetAccountAuthorizationDetailsCommand,
    source: `${IAM_API}/API_GetAccountAuthorizationDetails.html`,
  },
  'iam:SimulatePrincipalPolicy': {
    client: 'iam',
    command: SimulatePrincipalPolicyCommand,
    source: `${IAM_API}/API_SimulatePrincipalPolicy.html`,
  },
  'organizations:DescribeOrganization': {
    client: 'organizations',
    command: DescribeOrganizationCommand,
    source: `${ORG_API}/API_DescribeOrganization.html`,
  },
  'organizations:ListParents': {
    client: 'organizations',
    command: ListParentsCommand,
    source: `${ORG_API}/API_ListParents.html`,
  },
  'organizations:ListPoliciesForTarget': {
    client: 'organizations',
    command: ListPoliciesForTargetCommand,
    source: `${ORG_API}/API_ListPoliciesForTarget.html`,
  },
  'organizations:DescribePolicy': {
    client: 'organizations',
    command: DescribePolicyCommand,
    source: `${ORG_API}/API_DescribePolicy.html`,
  },
  's3:GetBucketPolicy': {
    client: 's3',
    command: GetBucketPolicyCommand,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html',
  },
  // `trail s3://bucket/prefix`: CloudTrail's log files, listed and read
  's3:ListBucket': {
    client: 's3',
    command: ListObjectsV2Command,
    operation: 'ListObjectsV2',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html',
  },
  's3:GetObject': {
    client: 's3',
    command: GetObjectCommand,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html',
  },
  'kms:GetKeyPolicy': {
    client: 'kms',
    command: GetKeyPolicyCommand,
    source: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html',
  },
  'secretsmanager:GetResourcePolicy': {
    client: 'secretsmanager',
    command: GetResourcePolicyCommand,
    source: 'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetResourcePolicy.html',
  },
  'sqs:GetQueueUrl': {
    client: 'sqs',
    command: GetQueueUrlCommand,
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html',
  },
  'sqs:GetQueueAttributes': {
    client: 'sqs',
    command: GetQueueAttributesCommand,
    source:
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html',
  },
  'sns:GetTopicAttributes': {
    client: 'sns',
    command: GetTopicAttributesCommand,
    source: 'https://docs.aws.amazon.com/sns/latest/api/API_GetTopicAttributes.html',
  },
  'lambda:GetPolicy': {
    client: 'lambda',
    command: GetFunctionPolicyCommand,
    source: 'https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html',
  },
  'ecr:GetRepositoryPolicy': {
    client: 'ecr',
    command: GetRepositoryPolicyCommand,
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetRepositoryPolicy.html',
  },
} as const satisfies Readonly<Record<string, Omit<Operation, 'action'>>>;

/** The IAM action of an allowed operation. */
export type OperationName = keyof typeof OPERATIONS;

/** The verbs of a read: an operation whose name starts otherwise is refused by the table's test. */
export const READ_VERBS = /^(Get|List|Describe|Decode|Simulate)[A-Z]/;
