import type { LintRule, RuleFinding } from '../lint-rule.js';
import { matchesAnyRole, resourceValues, valuesNaming } from '../statement-facts.js';

type MessageId = 'anyRole';

/**
 * `iam:PassRole` allowed on every role with no condition: the principal can hand any role, an
 * administrator role included, to any service that accepts one.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export const passroleUnrestricted: LintRule<MessageId> = {
  meta: {
    id: 'passrole-unrestricted',
    severity: 'warning',
    description: '`iam:PassRole` is allowed on every role with no condition',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    kinds: ['identity'],
    messages: {
      anyRole: {
        message: '`{action}` is allowed on `{resource}` with no condition',
        help: 'this lets the principal pass any role, including administrator roles, to any service; list the roles it may pass and add an `iam:PassedToService` condition',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || statement.conditions.length > 0) continue;
      const named = valuesNaming(statement, 'iam:passrole');
      const first = named[0];
      if (first === undefined) continue;
      const broad = resourceValues(statement)?.find((r) => matchesAnyRole(r.value));
      if (broad === undefined) continue;
      findings.push({
        messageId: 'anyRole',
        path: broad.pointer,
        data: { action: first.raw, resource: broad.raw },
      });
    }
    return findings;
  },
};
