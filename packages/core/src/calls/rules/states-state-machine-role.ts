import { namedArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const STATES_IAM = 'https://docs.aws.amazon.com/step-functions/latest/dg/concept-create-iam-advanced.html';
const STATES_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html';

/**
 * Step Functions `CreateStateMachine` and `UpdateStateMachine`: the action on the state machine,
 * `iam:PassRole` on its execution role (`states.amazonaws.com`), and
 * `states:PublishStateMachineVersion` when the call publishes a version.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concept-create-iam-advanced.html
 */
export const statesStateMachineRole: CallRule = {
  id: 'states-state-machine-role',
  service: 'states',
  operations: ['CreateStateMachine', 'UpdateStateMachine'],
  passesRoleTo: 'states.amazonaws.com',
  sources: [STATES_IAM, STATES_SAR],
  parameters: ['name', 'stateMachineArn', 'roleArn', 'definition', 'tags.*', 'publish'],
  expand({ call, scope, parameters, notes }) {
    const create = call.operation.toLowerCase() === 'createstatemachine';
    const name = create ? parameters.string('name') : parameters.string('stateMachineArn');
    const role = parameters.string('roleArn');
    const resource = namedArn(scope, 'states', 'stateMachine:', name, 'state machine name');
    parameters.has('definition');
    const checks: CallCheck[] = [
      makeCheck({
        action: create ? 'states:CreateStateMachine' : 'states:UpdateStateMachine',
        resource,
        resourceType: 'statemachine',
        context: { ...regionContext(scope), ...(create ? requestTagContext(parameters.tags('tags')) : {}) },
        why: create ? 'the state machine being created' : 'the state machine being changed',
        source: STATES_SAR,
      }),
    ];
    if (create || role !== undefined) {
      checks.push(
        passRoleCheck(
          scope,
          { role, service: 'states.amazonaws.com', purpose: 'execution role', source: STATES_IAM },
          notes,
        ),
      );
    }
    if (parameters.boolean('publish') === true) {
      checks.push(
        makeCheck({
          action: 'states:PublishStateMachineVersion',
          resource,
          resourceType: 'statemachine',
          context: regionContext(scope),
          why: 'the call publishes a version of the state machine',
          source: STATES_SAR,
        }),
      );
    }
    return checks;
  },
};
