import { buildArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';

const IAM_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html';
const TAG_ROLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html';
const BOUNDARY = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html';

/**
 * IAM `CreateRole`: `iam:CreateRole` on the new role with `iam:PermissionsBoundary` (the boundary it is
 * created with, the key boundary-delegation policies test) and its request tags, and `iam:TagRole` on
 * the same role when it is created with tags.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
export const iamCreateRole: CallRule = {
  id: 'iam-create-role',
  service: 'iam',
  operations: ['CreateRole'],
  sources: [IAM_SAR, BOUNDARY, TAG_ROLES],
  parameters: ['roleName', 'path', 'permissionsBoundary', 'tags.*'],
  expand({ scope, parameters }) {
    const name = parameters.string('roleName');
    const path = parameters.string('path') ?? '/';
    const tags = parameters.tags('tags');
    const role = buildArn(scope, 'iam', { regional: false, account: true }, [
      `role${path.startsWith('/') ? path : `/${path}`}${path.endsWith('/') ? '' : '/'}`,
      { id: name, what: 'role name' },
    ]);
    const checks: CallCheck[] = [
      makeCheck({
        action: 'iam:CreateRole',
        resource: role,
        resourceType: 'role',
        context: {
          ...regionContext(scope),
          'iam:PermissionsBoundary': parameters.string('permissionsBoundary'),
          ...requestTagContext(tags),
        },
        why: 'the role being created',
        source: IAM_SAR,
      }),
    ];
    if (tags !== undefined && Object.keys(tags).length > 0) {
      checks.push(
        makeCheck({
          action: 'iam:TagRole',
          resource: role,
          resourceType: 'role',
          context: { ...regionContext(scope), ...requestTagContext(tags) },
          why: 'tags given when the role is created need the permission to tag it',
          source: TAG_ROLES,
        }),
      );
    }
    return checks;
  },
};
