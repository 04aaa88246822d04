import type { LintRule, RuleFinding } from '../lint-rule.js';
import { actionValues, isAllResources, resourceValues } from '../statement-facts.js';

type MessageId = 'scopedWildcardOnly';

/**
 * An action that supports no resource-level permission, in a statement whose `Resource` lists only
 * ARNs: such an action is authorised against `*`, so the statement never matches it.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-policies-for-amazon-ec2.html
 */
export const resourceLevelUnsupported: LintRule<MessageId> = {
  meta: {
    id: 'resource-level-unsupported',
    severity: 'error',
    description: 'action without resource-level permissions is scoped to ARNs and never matches',
    docsUrl:
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      scopedWildcardOnly: {
        message:
          '`{action}` supports no resource-level permission, so this statement scoped to ARNs never {verb} it',
        help: 'put actions that support no resource-level permission in a statement of their own with `"Resource": "*"`, scoped by conditions if needed',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      const resources = resourceValues(statement);
      if (resources === null || resources.some((r) => isAllResources(r.value))) continue;
      for (const value of actionValues(statement, catalog) ?? []) {
        if (value.actions === null || value.actions.length === 0) continue;
        if (!value.actions.every((a) => a.wildcardOnly)) continue;
        findings.push({
          messageId: 'scopedWildcardOnly',
          path: value.value.pointer,
          data: { action: value.value.raw, verb: statement.effect === 'Allow' ? 'allows' : 'denies' },
        });
      }
    }
    return findings;
  },
};
