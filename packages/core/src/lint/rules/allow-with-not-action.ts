import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'allowNotAction';

/**
 * `Allow` with `NotAction`: allows every action of every AWS service except those listed, including
 * services added later.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export const allowWithNotAction: LintRule<MessageId> = {
  meta: {
    id: 'allow-with-not-action',
    severity: 'warning',
    description: '`Allow` with `NotAction` grants every action not listed',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
    kinds: ['identity', 'resource', 'boundary'],
    messages: {
      allowNotAction: {
        message: '`Allow` with `NotAction` allows every action of every service except the {count} listed',
        help: 'list the actions to allow in `Action` instead; `NotAction` is safest with `Deny`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || !statement.action.negated) continue;
      findings.push({
        messageId: 'allowNotAction',
        path: statement.action.pointer,
        data: { count: String(statement.action.values.length) },
      });
    }
    return findings;
  },
};
