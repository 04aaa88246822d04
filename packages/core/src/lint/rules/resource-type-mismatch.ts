import type { ActionInfo } from '../../catalog/service-info.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';
import { expandedActions, isAllResources, resourceValues } from '../statement-facts.js';

type MessageId = 'noResourceType';

/**
 * A `Resource` ARN that matches no resource type of any action of its statement (an object ARN for
 * `s3:ListBucket`, an instance profile for `iam:PassRole`): that resource value never matches.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const resourceTypeMismatch: LintRule<MessageId> = {
  meta: {
    id: 'resource-type-mismatch',
    severity: 'error',
    description: 'resource ARN matches no resource type of the statement’s actions',
    docsUrl:
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      noResourceType: {
        message: '`{resource}` matches no resource type of {actions}',
        help: 'the resource types of {actions} are {expects}',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      const resources = resourceValues(statement);
      if (resources === null) continue;
      const actions = expandedActions(statement, catalog)?.filter((a) => !a.wildcardOnly);
      if (actions === undefined || actions.length === 0) continue;
      const withTypes = actions.filter((a) => a.resourceTypes.some((rt) => rt.arnFormat !== null));
      if (withTypes.length < actions.length) continue; // the data does not describe every type: stay quiet
      for (const resource of resources) {
        if (isAllResources(resource.value)) continue;
        const matched = actions.some(
          (a) => catalog.service(a.service)?.resourceTypesMatching(a, resource.value).length,
        );
        if (matched) continue;
        const label =
          statement.action.values.length === 1
            ? `\`${statement.action.values[0]?.raw}\``
            : 'the statement’s actions';
        findings.push({
          messageId: 'noResourceType',
          path: resource.pointer,
          data: { resource: resource.raw, actions: label, expects: describeExpected(actions) },
        });
      }
    }
    return findings;
  },
};

/** `` `bucket` (`arn:${Partition}:s3:::${BucketName}`), ...``: at most three types. */
function describeExpected(actions: readonly ActionInfo[]): string {
  const formats = new Map<string, string>();
  for (const a of actions) {
    for (const rt of a.resourceTypes) if (rt.arnFormat !== null) formats.set(rt.name, rt.arnFormat);
  }
  const list = [...formats].slice(0, 3).map(([name, arn]) => `\`${name}\` (\`${arn}\`)`);
  const more = formats.size > 3 ? ` and ${formats.size - 3} more` : '';
  return `${list.join(', ')}${more}`;
}
