import { buildArn, isArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const CFN_ROLE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html';
const CFN_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html';

/**
 * CloudFormation stack operations with a service role: the action on the stack, with
 * `cloudformation:RoleArn` and `cloudformation:TemplateUrl`, and `iam:PassRole` on the role
 * (`cloudformation.amazonaws.com`). The stack's own resources are then created with the role's
 * credentials, or with the caller's when no role is given.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
 */
export const cloudformationStackRole: CallRule = {
  id: 'cloudformation-stack-role',
  service: 'cloudformation',
  operations: ['CreateStack', 'UpdateStack', 'CreateChangeSet', 'DeleteStack'],
  passesRoleTo: 'cloudformation.amazonaws.com',
  sources: [CFN_ROLE, CFN_SAR],
  parameters: [
    'stackName',
    'roleARN',
    'templateURL',
    'resourceTypes',
    'changeSetName',
    'tags.*',
    'templateBody',
    'parameters.*',
    'capabilities',
  ],
  expand({ call, scope, parameters, notes }) {
    const operation =
      ['CreateStack', 'UpdateStack', 'CreateChangeSet', 'DeleteStack'].find(
        (op) => op.toLowerCase() === call.operation.toLowerCase(),
      ) ?? 'CreateStack';
    const stack = parameters.string('stackName');
    const role = parameters.string('roleARN') ?? parameters.string('roleArn');
    const stackArn =
      stack !== undefined && isArn(stack)
        ? { arn: stack, standIns: [] }
        : buildArn(scope, 'cloudformation', { regional: true, account: true }, [
            'stack/',
            { id: stack, what: 'stack name' },
            '/',
            operation === 'CreateStack' ? '*' : { id: undefined, what: 'stack id' },
          ]);
    const checks: CallCheck[] = [
      makeCheck({
        action: `cloudformation:${operation}`,
        resource: stackArn,
        resourceType: 'stack',
        context: {
          ...regionContext(scope),
          'cloudformation:RoleArn': role,
          'cloudformation:TemplateUrl': parameters.string('templateURL'),
          'cloudformation:ResourceTypes': parameters.strings('resourceTypes'),
          'cloudformation:ChangeSetName':
            operation === 'CreateChangeSet' ? parameters.string('changeSetName') : undefined,
          ...(operation === 'DeleteStack' ? {} : requestTagContext(parameters.tags('tags'))),
        },
        why:
          operation === 'CreateStack'
            ? 'the stack being created; its id does not exist yet'
            : 'the stack the operation acts on',
        source: CFN_SAR,
      }),
    ];
    if (role !== undefined) {
      checks.push(
        passRoleCheck(
          scope,
          { role, service: 'cloudformation.amazonaws.com', purpose: 'stack service role', source: CFN_ROLE },
          notes,
        ),
      );
      notes.push({
        code: 'other-credentials',
        message: `the stack's resources are then created, changed or deleted with the credentials of \`${role}\``,
        source: CFN_ROLE,
      });
    } else {
      notes.push({
        code: 'not-expanded',
        message:
          "without a service role each resource in the template is created with the caller's own permissions; those checks depend on the template and are not listed",
        source: CFN_ROLE,
      });
    }
    parameters.has('templateBody');
    parameters.has('parameters');
    parameters.strings('capabilities');
    return checks;
  },
};
