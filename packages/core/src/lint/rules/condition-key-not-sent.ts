import type { LintRule, RuleFinding } from '../lint-rule.js';
import { expandedActions, outcomeWhenKeyAbsent } from '../statement-facts.js';

type MessageId = 'neverMet' | 'alwaysMet' | 'unknownGlobalKey';

/**
 * A condition key that no action of the statement ever sends. Absent, a positive operator is false:
 * an `Allow` silently never matches and a `Deny` is silently disabled. A negated or `IfExists`
 * operator is true: the condition silently restricts nothing.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const conditionKeyNotSent: LintRule<MessageId> = {
  meta: {
    id: 'condition-key-not-sent',
    severity: 'error',
    description: 'condition key is never present in requests for the statement’s actions',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      neverMet: {
        message: '{subject} `{key}`, so this condition is never met and the {effect} never applies',
        help: 'the key is not among the condition keys of the action or of its resource types; use a key the action supports, or move it to a statement for actions that send it',
      },
      alwaysMet: {
        message: '{subject} `{key}`, so `{operator}` is always true and restricts nothing',
        help: 'with the key absent a negated or `IfExists` operator matches every request; use a key the action supports',
      },
      unknownGlobalKey: {
        message: '`{key}` is not a global condition key, so no request carries it',
        help: 'global keys are listed at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.conditions.length === 0) continue;
      const actions = expandedActions(statement, catalog);
      for (const clause of statement.conditions) {
        if (catalog.globalConditionKey(clause.key) !== null) continue;
        const colon = clause.key.indexOf(':');
        const prefix = colon < 0 ? '' : clause.key.slice(0, colon).toLowerCase();
        if (prefix === 'aws') {
          findings.push({ messageId: 'unknownGlobalKey', path: clause.pointer, data: { key: clause.key } });
          continue;
        }
        // keys of unknown prefixes (OIDC providers such as `token.actions.githubusercontent.com`) cannot be judged
        if (actions === null || actions.length === 0 || !catalog.hasService(prefix)) continue;
        const sent = actions.some(
          (a) => catalog.service(a.service)?.actionSupportsKey(a, clause.key) ?? true,
        );
        if (sent) continue;
        const only = statement.action.values.length === 1 ? statement.action.values[0] : undefined;
        const subject = only ? `\`${only.raw}\` never sends` : 'no action of this statement sends';
        const always = outcomeWhenKeyAbsent(clause);
        findings.push({
          messageId: always ? 'alwaysMet' : 'neverMet',
          path: clause.pointer,
          severity: always ? 'warning' : 'error',
          data: {
            subject,
            key: clause.key,
            operator: clause.operator,
            effect: statement.effect === 'Allow' ? '`Allow`' : '`Deny`',
          },
        });
      }
    }
    return findings;
  },
};
