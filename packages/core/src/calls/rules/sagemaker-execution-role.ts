import { namedArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const SAGEMAKER_ROLES = 'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html';
const SAGEMAKER_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html';

/** Per operation: resource type, the parameter naming it, the role parameter. */
const OPERATIONS: Readonly<Record<string, { type: string; name: string; role: string }>> = {
  CreateTrainingJob: { type: 'training-job', name: 'trainingJobName', role: 'roleArn' },
  CreateProcessingJob: { type: 'processing-job', name: 'processingJobName', role: 'roleArn' },
  CreateModel: { type: 'model', name: 'modelName', role: 'executionRoleArn' },
  CreateNotebookInstance: { type: 'notebook-instance', name: 'notebookInstanceName', role: 'roleArn' },
};

/**
 * SageMaker jobs, models and notebook instances: the action on the new resource (SageMaker ARNs are
 * lower-case), `iam:PassRole` on the execution role (`sagemaker.amazonaws.com`), and
 * `sagemaker:AddTags` when the call carries tags.
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
 */
export const sagemakerExecutionRole: CallRule = {
  id: 'sagemaker-execution-role',
  service: 'sagemaker',
  operations: Object.keys(OPERATIONS),
  passesRoleTo: 'sagemaker.amazonaws.com',
  sources: [SAGEMAKER_ROLES, SAGEMAKER_SAR],
  parameters: [
    ...new Set(Object.values(OPERATIONS).flatMap((s) => [s.name, s.role])),
    'tags.*',
    'instanceType',
    'resourceConfig.instanceType',
    'processingResources.clusterConfig.instanceType',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation =
      Object.keys(OPERATIONS).find((op) => op.toLowerCase() === call.operation.toLowerCase()) ??
      'CreateTrainingJob';
    const shape = OPERATIONS[operation] ?? { type: 'training-job', name: 'trainingJobName', role: 'roleArn' };
    const name = parameters.string(shape.name)?.toLowerCase();
    const role = parameters.string(shape.role);
    const tags = parameters.tags('tags');
    const resource = namedArn(scope, 'sagemaker', `${shape.type}/`, name, `${shape.type} name`);
    const instanceType =
      parameters.string('instanceType') ??
      parameters.object('resourceConfig')?.string('instanceType') ??
      parameters.object('processingResources')?.object('clusterConfig')?.string('instanceType');
    const checks: CallCheck[] = [
      makeCheck({
        action: `sagemaker:${operation}`,
        resource,
        resourceType: shape.type,
        context: {
          ...regionContext(scope),
          'sagemaker:InstanceTypes': instanceType,
          ...requestTagContext(tags),
        },
        why: `the ${shape.type} being created`,
        source: SAGEMAKER_SAR,
      }),
      passRoleCheck(
        scope,
        { role, service: 'sagemaker.amazonaws.com', purpose: 'execution role', source: SAGEMAKER_ROLES },
        notes,
      ),
    ];
    if (tags !== undefined && Object.keys(tags).length > 0) {
      checks.push(
        makeCheck({
          action: 'sagemaker:AddTags',
          resource,
          resourceType: shape.type,
          context: { ...regionContext(scope), ...requestTagContext(tags) },
          why: 'tags given at creation are applied with `sagemaker:AddTags`',
          source: SAGEMAKER_SAR,
        }),
      );
    }
    return checks;
  },
};
