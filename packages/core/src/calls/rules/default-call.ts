import { actionForOperation } from '../../catalog/operations.js';
import { givenArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext } from '../call-rule.js';

const SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

/**
 * Any call no other rule knows: one check of the action the operation is authorized as, on the
 * `resource` parameter (an ARN, e.g. the one the error names) or on an unknown resource.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const defaultCall: CallRule = {
  id: 'default-call',
  service: '*',
  operations: [],
  sources: [SAR],
  parameters: ['resource'],
  expand({ call, scope, parameters, notes }) {
    const resource = parameters.string('resource');
    const { action } = actionForOperation(call.service.toLowerCase(), call.operation);
    notes.push({
      code: 'default-rule',
      message: `no rule knows what \`${call.service}:${call.operation}\` authorizes beyond \`${action}\`; further checks (PassRole, KMS, tags) are not listed`,
      source: SAR,
    });
    return [
      makeCheck({
        action,
        resource:
          resource === undefined ? { arn: '*', standIns: ['the resource is not known'] } : givenArn(resource),
        resourceType: null,
        context: regionContext(scope),
        why: `\`${call.operation}\` is authorized as \`${action}\``,
        source: SAR,
      }),
    ];
  },
};
