import { buildArn, type CallScope, isArn, namedArn } from '../arns.js';
import type { CallNote } from '../call-model.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const ECS_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html';
/** Scheduled tasks: PassRole is needed for each task execution role, task role, or task role override. */
const ECS_PASSROLE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html';
const ECS_TASK_ROLE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html';
const ECS_TAGGING =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html';

/** The task definition ARN for `family`, `family:revision` or an ARN. */
export function taskDefinitionArn(scope: CallScope, reference: string | undefined) {
  if (reference !== undefined && isArn(reference)) return { arn: reference, standIns: [] };
  const [family, revision] = reference === undefined ? [undefined, undefined] : reference.split(':');
  return buildArn(scope, 'ecs', { regional: true, account: true }, [
    'task-definition/',
    { id: family, what: 'task definition family' },
    ':',
    { id: revision, what: 'revision (the latest active one is used)' },
  ]);
}

/** PassRole checks for the task role and execution role, or one assumed check when neither is known. */
export function taskRoleChecks(
  scope: CallScope,
  roles: { task?: string | undefined; execution?: string | undefined },
  notes: CallNote[],
  source: string,
): CallCheck[] {
  const checks: CallCheck[] = [];
  for (const [role, purpose] of [
    [roles.task, 'task role'],
    [roles.execution, 'task execution role'],
  ] as const) {
    if (role !== undefined)
      checks.push(passRoleCheck(scope, { role, service: 'ecs-tasks.amazonaws.com', purpose, source }, notes));
  }
  if (checks.length === 0) {
    checks.push(
      passRoleCheck(
        scope,
        {
          role: undefined,
          service: 'ecs-tasks.amazonaws.com',
          purpose: 'task or execution role',
          source,
          checkAssumed: 'made only when the task definition names a task role or an execution role',
        },
        notes,
      ),
    );
  }
  return checks;
}

/**
 * ECS `RunTask` and `StartTask`: the action on the task definition with the cluster key, PassRole
 * (`ecs-tasks.amazonaws.com`) for the task role and execution role (overrides or the task
 * definition's), and `ecs:TagResource` with `ecs:CreateAction` for tags.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 */
export const ecsRunTask: CallRule = {
  id: 'ecs-run-task',
  service: 'ecs',
  operations: ['RunTask', 'StartTask'],
  passesRoleTo: 'ecs-tasks.amazonaws.com',
  sources: [ECS_SAR, ECS_PASSROLE, ECS_TASK_ROLE, ECS_TAGGING],
  parameters: [
    'cluster',
    'taskDefinition',
    'overrides.taskRoleArn',
    'overrides.executionRoleArn',
    'taskRoleArn',
    'executionRoleArn',
    'tags.*',
    'enableExecuteCommand',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation = call.operation.toLowerCase() === 'starttask' ? 'StartTask' : 'RunTask';
    const cluster = parameters.string('cluster');
    const overrides = parameters.object('overrides');
    const tags = parameters.tags('tags');
    const execCommand = parameters.boolean('enableExecuteCommand');
    const clusterArn = namedArn(scope, 'ecs', 'cluster/', cluster ?? 'default', 'cluster');
    const checks: CallCheck[] = [
      makeCheck({
        action: `ecs:${operation}`,
        resource: taskDefinitionArn(scope, parameters.string('taskDefinition')),
        resourceType: 'task-definition',
        context: {
          ...regionContext(scope),
          'ecs:cluster': clusterArn.arn,
          'ecs:enable-execute-command': execCommand === undefined ? undefined : String(execCommand),
          ...requestTagContext(tags),
        },
        ...(cluster === undefined
          ? { assumedContext: { 'ecs:cluster': 'no cluster given: the `default` cluster is used' } }
          : {}),
        why: 'the task definition the task is started from',
        source: ECS_SAR,
      }),
      ...taskRoleChecks(
        scope,
        {
          task: overrides?.string('taskRoleArn') ?? parameters.string('taskRoleArn'),
          execution: overrides?.string('executionRoleArn') ?? parameters.string('executionRoleArn'),
        },
        notes,
        ECS_PASSROLE,
      ),
    ];
    if (tags !== undefined && Object.keys(tags).length > 0) {
      const clusterName =
        cluster === undefined
          ? 'default'
          : isArn(cluster)
            ? cluster.slice(cluster.lastIndexOf('/') + 1)
            : cluster;
      checks.push(
        makeCheck({
          action: 'ecs:TagResource',
          resource: buildArn(scope, 'ecs', { regional: true, account: true }, [`task/${clusterName}/*`]),
          resourceType: 'task',
          context: { ...regionContext(scope), 'ecs:CreateAction': operation, ...requestTagContext(tags) },
          why: 'tags on the new task are applied at creation, authorized as `ecs:TagResource`',
          source: ECS_TAGGING,
        }),
      );
    }
    return checks;
  },
};
