import { buildArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import { taskRoleChecks } from './ecs-run-task.js';

const ECS_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html';
const ECS_EXEC_ROLE =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html';

/**
 * ECS `RegisterTaskDefinition`: the action on the new revision, and PassRole
 * (`ecs-tasks.amazonaws.com`) for the `taskRoleArn` and `executionRoleArn` it names.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 */
export const ecsRegisterTaskDefinition: CallRule = {
  id: 'ecs-register-task-definition',
  service: 'ecs',
  operations: ['RegisterTaskDefinition'],
  passesRoleTo: 'ecs-tasks.amazonaws.com',
  sources: [ECS_SAR, ECS_EXEC_ROLE],
  parameters: ['family', 'taskRoleArn', 'executionRoleArn', 'cpu', 'memory', 'tags.*'],
  expand({ scope, parameters, notes }) {
    const family = parameters.string('family');
    const task = parameters.string('taskRoleArn');
    const execution = parameters.string('executionRoleArn');
    const checks = [
      makeCheck({
        action: 'ecs:RegisterTaskDefinition',
        resource: buildArn(scope, 'ecs', { regional: true, account: true }, [
          'task-definition/',
          { id: family, what: 'family' },
          ':*',
        ]),
        resourceType: 'task-definition',
        context: {
          ...regionContext(scope),
          'ecs:task-cpu': parameters.numeric('cpu'),
          'ecs:task-memory': parameters.numeric('memory'),
          ...requestTagContext(parameters.tags('tags')),
        },
        why: 'the task definition revision being registered; its number is assigned by the call',
        source: ECS_SAR,
      }),
    ];
    if (task !== undefined || execution !== undefined) {
      checks.push(...taskRoleChecks(scope, { task, execution }, notes, ECS_EXEC_ROLE));
    }
    return checks;
  },
};
