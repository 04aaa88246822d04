import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'unknownService';

/**
 * An `Action`/`NotAction` value whose service prefix AWS does not know: the statement silently never
 * matches it (with `NotAction`, it silently matches everything).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export const unknownService: LintRule<MessageId> = {
  meta: {
    id: 'unknown-service',
    severity: 'error',
    description: 'action names a service prefix that does not exist',
    docsUrl:
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      unknownService: {
        message: '`{service}` in `{action}` is not an AWS service prefix{suggestion}',
        help: 'a statement never matches an action of an unknown service; service prefixes are listed in the Service Authorization Reference',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      for (const value of statement.action.values) {
        const colon = value.raw.indexOf(':');
        if (colon <= 0) continue;
        const service = value.raw.slice(0, colon);
        if (service.includes('*') || service.includes('?') || catalog.hasService(service)) continue;
        const suggestions = catalog.suggestServices(service);
        findings.push({
          messageId: 'unknownService',
          path: value.pointer,
          data: {
            service,
            action: value.raw,
            suggestion:
              suggestions.length > 0
                ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}`
                : '',
          },
        });
      }
    }
    return findings;
  },
};
