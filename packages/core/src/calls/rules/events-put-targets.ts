import { buildArn, isArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext } from '../call-rule.js';
import type { CallCheck } from '../check.js';
import { passRoleCheck } from '../pass-role.js';

const EVENTS_IAM = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html';
const EVENTS_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html';

/**
 * EventBridge `PutTargets`: `events:PutTargets` on the rule with `events:TargetArn`, and
 * `iam:PassRole` (`events.amazonaws.com`) for each target that names a `roleArn`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html
 */
export const eventsPutTargets: CallRule = {
  id: 'events-put-targets',
  service: 'events',
  operations: ['PutTargets'],
  passesRoleTo: 'events.amazonaws.com',
  sources: [EVENTS_IAM, EVENTS_SAR],
  parameters: ['rule', 'eventBusName', 'targets.arn', 'targets.roleArn', 'targets.id'],
  expand({ scope, parameters, notes }) {
    const rule = parameters.string('rule');
    const bus = parameters.string('eventBusName');
    const busName = bus === undefined ? 'default' : isArn(bus) ? bus.slice(bus.lastIndexOf('/') + 1) : bus;
    const targets = parameters
      .objects('targets')
      .map((t) => ({ arn: t.string('arn'), role: t.string('roleArn'), id: t.string('id') }));
    const onDefault = busName === 'default';
    const checks: CallCheck[] = [
      makeCheck({
        action: 'events:PutTargets',
        resource: buildArn(scope, 'events', { regional: true, account: true }, [
          'rule/',
          onDefault ? '' : `${busName}/`,
          { id: rule, what: 'rule name' },
        ]),
        resourceType: onDefault ? 'rule-on-default-event-bus' : 'rule-on-custom-event-bus',
        context: {
          ...regionContext(scope),
          'events:TargetArn': targets.some((t) => t.arn !== undefined)
            ? targets.flatMap((t) => (t.arn === undefined ? [] : [t.arn]))
            : undefined,
        },
        why: 'the rule whose targets are set',
        source: EVENTS_SAR,
      }),
    ];
    const roles = new Set(targets.flatMap((t) => (t.role === undefined ? [] : [t.role])));
    for (const role of roles) {
      checks.push(
        passRoleCheck(
          scope,
          { role, service: 'events.amazonaws.com', purpose: 'target role', source: EVENTS_IAM },
          notes,
        ),
      );
    }
    if (roles.size > 0) {
      notes.push({
        code: 'other-credentials',
        message:
          'EventBridge later invokes the targets with the target role; what that role may do (and pass, e.g. to `ecs-tasks.amazonaws.com`) is checked then',
        source: EVENTS_IAM,
      });
    }
    return checks;
  },
};
