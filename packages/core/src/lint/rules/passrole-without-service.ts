import type { LintRule, RuleFinding } from '../lint-rule.js';
import { matchesAnyRole, resourceValues, valuesNaming } from '../statement-facts.js';

type MessageId = 'noPassedToService';

/**
 * `iam:PassRole` allowed without an `iam:PassedToService` condition: the roles can be passed to any
 * service that accepts them, not only the one they were made for. (A statement that is already
 * `passrole-unrestricted` is left to that rule.)
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export const passroleWithoutService: LintRule<MessageId> = {
  meta: {
    id: 'passrole-without-service',
    severity: 'info',
    description: '`iam:PassRole` is allowed without an `iam:PassedToService` condition',
    docsUrl:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
    kinds: ['identity'],
    messages: {
      noPassedToService: {
        message: '`{action}` is allowed without an `iam:PassedToService` condition',
        help: 'the roles can be passed to any service that accepts them; add e.g. `"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow') continue;
      const first = valuesNaming(statement, 'iam:passrole')[0];
      if (first === undefined) continue;
      if (statement.conditions.some((c) => c.key.toLowerCase() === 'iam:passedtoservice')) continue;
      const unrestricted =
        statement.conditions.length === 0 &&
        (resourceValues(statement)?.some((r) => matchesAnyRole(r.value)) ?? false);
      if (unrestricted) continue;
      findings.push({ messageId: 'noPassedToService', path: first.pointer, data: { action: first.raw } });
    }
    return findings;
  },
};
