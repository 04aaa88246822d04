/**
 * IAM resources: roles, their inline and attached policies, managed policies, instance profiles.
 */
import type { CallScope } from '../../calls/arns.js';
import type { PlannedValues } from '../plan-values.js';
import {
  defined,
  knownArn,
  type PlannedCall,
  providerSource,
  type ResourceCalls,
} from '../resource-model.js';

const TAG_ROLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html';

/** An IAM ARN of `kind` (`role`, `policy`, `instance-profile`) with the planned path and name. */
function iamArn(
  scope: CallScope,
  kind: string,
  v: PlannedValues,
  nameAttribute = 'name',
): string | undefined {
  const path = v.isUnknown(['path']) ? undefined : (v.string(['path']) ?? '/');
  return knownArn(scope, 'iam', { regional: false, account: true }, [
    `${kind}`,
    path,
    v.string([nameAttribute]),
  ]);
}

/** A role's ARN from a role name (or ARN) attribute. */
function roleArnOf(scope: CallScope, v: PlannedValues, attribute: string): string | undefined {
  const role = v.string([attribute]);
  if (role?.startsWith('arn:')) return role;
  return knownArn(scope, 'iam', { regional: false, account: true }, ['role/', role]);
}

function call(service: string, operation: string, resource: string | undefined): PlannedCall {
  return { service, operation, parameters: defined({ resource }) };
}

/**
 * `aws_iam_role`: `CreateRole` with its path, permissions boundary and tags (the call rule adds
 * `TagRole` for the tags), `PutRolePolicy` per inline policy and `AttachRolePolicy` per managed
 * policy ARN.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/role.go
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html
 */
export const awsIamRole: ResourceCalls = {
  operations: ['iam:CreateRole', 'iam:TagRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'],
  sources: [providerSource('iam/role.go'), TAG_ROLES],
  create(v, scope) {
    const role = iamArn(scope, 'role', v);
    const calls: PlannedCall[] = [
      {
        service: 'iam',
        operation: 'CreateRole',
        parameters: defined({
          roleName: v.string(['name']),
          path: v.string(['path']),
          permissionsBoundary: v.string(['permissions_boundary']),
          tags: v.tags(),
        }),
      },
    ];
    for (let i = 0; i < v.count(['inline_policy']); i++) calls.push(call('iam', 'PutRolePolicy', role));
    for (let i = 0; i < (v.strings(['managed_policy_arns'])?.length ?? 0); i++) {
      calls.push(call('iam', 'AttachRolePolicy', role));
    }
    return calls;
  },
};

/**
 * `aws_iam_policy`: `CreatePolicy` (and `TagPolicy` for its tags).
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/policy.go
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
export const awsIamPolicy: ResourceCalls = {
  operations: ['iam:CreatePolicy', 'iam:TagPolicy'],
  sources: [
    providerSource('iam/policy.go'),
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html',
  ],
  create(v, scope) {
    const policy = iamArn(scope, 'policy', v);
    const calls = [call('iam', 'CreatePolicy', policy)];
    if (v.tags() !== undefined) calls.push(call('iam', 'TagPolicy', policy));
    return calls;
  },
  update(v, scope) {
    return [call('iam', 'CreatePolicyVersion', iamArn(scope, 'policy', v))];
  },
};

/**
 * `aws_iam_role_policy`: `PutRolePolicy` on the role.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/role_policy.go
 */
export const awsIamRolePolicy: ResourceCalls = {
  operations: ['iam:PutRolePolicy'],
  sources: [providerSource('iam/role_policy.go')],
  create: (v, scope) => [call('iam', 'PutRolePolicy', roleArnOf(scope, v, 'role'))],
  update: (v, scope) => [call('iam', 'PutRolePolicy', roleArnOf(scope, v, 'role'))],
};

/**
 * `aws_iam_role_policy_attachment`: `AttachRolePolicy` on the role.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/role_policy_attachment.go
 */
export const awsIamRolePolicyAttachment: ResourceCalls = {
  operations: ['iam:AttachRolePolicy'],
  sources: [providerSource('iam/role_policy_attachment.go')],
  create: (v, scope) => [call('iam', 'AttachRolePolicy', roleArnOf(scope, v, 'role'))],
};

/**
 * `aws_iam_instance_profile`: `CreateInstanceProfile`, then `AddRoleToInstanceProfile` for its role.
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/instance_profile.go
 */
export const awsIamInstanceProfile: ResourceCalls = {
  operations: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'],
  sources: [providerSource('iam/instance_profile.go')],
  create(v, scope) {
    const profile = iamArn(scope, 'instance-profile', v);
    const calls = [call('iam', 'CreateInstanceProfile', profile)];
    if (v.string(['role']) !== undefined || v.isUnknown(['role'])) {
      calls.push(call('iam', 'AddRoleToInstanceProfile', profile));
    }
    return calls;
  },
};
