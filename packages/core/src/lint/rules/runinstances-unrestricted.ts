import type { LintRule, RuleFinding } from '../lint-rule.js';
import { isAllResources, resourceValues, valuesNaming } from '../statement-facts.js';

type MessageId = 'anyLaunch';

/**
 * `ec2:RunInstances` allowed on `*` with no condition: any image, instance type, subnet and instance
 * profile the other permissions allow.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html
 */
export const runinstancesUnrestricted: LintRule<MessageId> = {
  meta: {
    id: 'runinstances-unrestricted',
    severity: 'info',
    description: '`ec2:RunInstances` is allowed on every resource with no condition',
    docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html',
    kinds: ['identity'],
    messages: {
      anyLaunch: {
        message: '`{action}` is allowed on `{resource}` with no condition',
        help: 'any AMI, instance type and subnet can be launched; scope the `image` and `instance` resources, or add conditions such as `ec2:InstanceType` or `ec2:Owner`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || statement.conditions.length > 0) continue;
      const first = valuesNaming(statement, 'ec2:runinstances')[0];
      if (first === undefined) continue;
      const all = resourceValues(statement)?.find((r) => isAllResources(r.value));
      if (all === undefined) continue;
      findings.push({
        messageId: 'anyLaunch',
        path: all.pointer,
        data: { action: first.raw, resource: all.raw },
      });
    }
    return findings;
  },
};
