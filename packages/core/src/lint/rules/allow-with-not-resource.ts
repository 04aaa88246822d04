import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'allowNotResource';

/**
 * `Allow` with `NotResource`: allows the actions on every resource except those listed, in every
 * account and region, including resources created later.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
export const allowWithNotResource: LintRule<MessageId> = {
  meta: {
    id: 'allow-with-not-resource',
    severity: 'warning',
    description: '`Allow` with `NotResource` grants every resource not listed',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
    kinds: ['identity', 'resource', 'boundary'],
    messages: {
      allowNotResource: {
        message: '`Allow` with `NotResource` allows every resource except the {count} listed',
        help: 'list the resources to allow in `Resource` instead; `NotResource` is safest with `Deny`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || statement.resource === null || !statement.resource.negated)
        continue;
      findings.push({
        messageId: 'allowNotResource',
        path: statement.resource.pointer,
        data: { count: String(statement.resource.values.length) },
      });
    }
    return findings;
  },
};
