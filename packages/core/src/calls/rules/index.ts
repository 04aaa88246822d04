/**
 * Every call rule, registered by id in one explicit map. A rule is found by its service and one of
 * its operations; calls no rule knows get {@link defaultCall}.
 */
import type { CallRule } from '../call-rule.js';
import { cloudformationStackRole } from './cloudformation-stack-role.js';
import { codebuildProjectRole } from './codebuild-project-role.js';
import { defaultCall } from './default-call.js';
import { ec2CreateFleet } from './ec2-create-fleet.js';
import { ec2RunInstances } from './ec2-run-instances.js';
import { ecsRegisterTaskDefinition } from './ecs-register-task-definition.js';
import { ecsRunTask } from './ecs-run-task.js';
import { eksCreateNodegroup } from './eks-create-nodegroup.js';
import { eventsPutTargets } from './events-put-targets.js';
import { glueJobRole } from './glue-job-role.js';
import { iamCreateRole } from './iam-create-role.js';
import { lambdaFunctionRole } from './lambda-function-role.js';
import { s3SseKms } from './s3-sse-kms.js';
import { sagemakerExecutionRole } from './sagemaker-execution-role.js';
import { secretsmanagerKms } from './secretsmanager-kms.js';
import { ssmSecureString } from './ssm-secure-string.js';
import { statesStateMachineRole } from './states-state-machine-role.js';

/** All call rules, keyed by id. */
export const CALL_RULES: Readonly<Record<string, CallRule>> = {
  'ec2-run-instances': ec2RunInstances,
  'ec2-create-fleet': ec2CreateFleet,
  'lambda-function-role': lambdaFunctionRole,
  'ecs-run-task': ecsRunTask,
  'ecs-register-task-definition': ecsRegisterTaskDefinition,
  'eks-create-nodegroup': eksCreateNodegroup,
  'cloudformation-stack-role': cloudformationStackRole,
  'codebuild-project-role': codebuildProjectRole,
  'glue-job-role': glueJobRole,
  'iam-create-role': iamCreateRole,
  'sagemaker-execution-role': sagemakerExecutionRole,
  'states-state-machine-role': statesStateMachineRole,
  'events-put-targets': eventsPutTargets,
  's3-sse-kms': s3SseKms,
  'secretsmanager-kms': secretsmanagerKms,
  'ssm-secure-string': ssmSecureString,
};

/** The rule for calls no other rule knows. */
export const DEFAULT_CALL_RULE: CallRule = defaultCall;

let byOperation: Map<string, CallRule> | undefined;

/** The rule for `service:operation` (case-insensitive), or the default rule. */
export function ruleFor(service: string, operation: string): CallRule {
  if (byOperation === undefined) {
    byOperation = new Map();
    for (const rule of Object.values(CALL_RULES)) {
      for (const op of rule.operations) byOperation.set(`${rule.service}:${op}`.toLowerCase(), rule);
    }
  }
  return byOperation.get(`${service}:${operation}`.toLowerCase()) ?? DEFAULT_CALL_RULE;
}
