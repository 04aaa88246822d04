import { namedArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const CODEBUILD_ROLE = 'https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html';
const CODEBUILD_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodebuild.html';

/**
 * CodeBuild `CreateProject`, `UpdateProject` and `StartBuild`: the action on the project, and
 * `iam:PassRole` on the service role (`codebuild.amazonaws.com`) the call names
 * (`serviceRole`, or `serviceRoleOverride` for a build).
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
export const codebuildProjectRole: CallRule = {
  id: 'codebuild-project-role',
  service: 'codebuild',
  operations: ['CreateProject', 'UpdateProject', 'StartBuild'],
  passesRoleTo: 'codebuild.amazonaws.com',
  sources: [CODEBUILD_ROLE, CODEBUILD_SAR],
  parameters: ['projectName', 'name', 'serviceRoleOverride', 'serviceRole', 'tags.*'],
  expand({ call, scope, parameters, notes }) {
    const operation =
      ['CreateProject', 'UpdateProject', 'StartBuild'].find(
        (op) => op.toLowerCase() === call.operation.toLowerCase(),
      ) ?? 'CreateProject';
    const build = operation === 'StartBuild';
    const name = build ? parameters.string('projectName') : parameters.string('name');
    const role = build ? parameters.string('serviceRoleOverride') : parameters.string('serviceRole');
    const checks: CallCheck[] = [
      makeCheck({
        action: `codebuild:${operation}`,
        resource: namedArn(scope, 'codebuild', 'project/', name, 'project name'),
        resourceType: 'project',
        context: { ...regionContext(scope), ...(build ? {} : requestTagContext(parameters.tags('tags'))) },
        why: build ? 'the project the build runs' : 'the build project being written',
        source: CODEBUILD_SAR,
      }),
    ];
    if (role !== undefined || operation === 'CreateProject') {
      checks.push(
        passRoleCheck(
          scope,
          { role, service: 'codebuild.amazonaws.com', purpose: 'service role', source: CODEBUILD_ROLE },
          notes,
        ),
      );
    }
    return checks;
  },
};
