import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'unknownAction' | 'noMatch' | 'notAnAction';

/**
 * An `Action`/`NotAction` value that names no action of a known service, or a pattern that matches
 * none: IAM accepts it, and the statement silently never matches it.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export const unknownAction: LintRule<MessageId> = {
  meta: {
    id: 'unknown-action',
    severity: 'error',
    description: 'action is not an action of its service',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      unknownAction: {
        message: '`{action}` is not an action of `{service}`{suggestion}',
        help: 'a statement never matches an action that does not exist; check the spelling in the Service Authorization Reference',
      },
      noMatch: {
        message: '`{action}` matches no action of `{service}`',
        help: 'the pattern is accepted but matches nothing, so it grants or denies nothing',
      },
      notAnAction: {
        message: '`{action}` is not of the form `service:action`',
        help: 'write the action as its service prefix, a colon and the action name, e.g. `s3:GetObject`; `*` alone means every action',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      for (const value of statement.action.values) {
        const colon = value.raw.indexOf(':');
        if (colon < 0) {
          if (value.raw.replaceAll('*', '') !== '')
            findings.push({ messageId: 'notAnAction', path: value.pointer, data: { action: value.raw } });
          continue;
        }
        const service = value.raw.slice(0, colon).toLowerCase();
        const info = catalog.service(service);
        if (info === null) continue; // unknown or wildcard service: another rule, or nothing to say
        const name = value.raw.slice(colon + 1);
        if (info.matchActions(name).length > 0) continue;
        const wildcard = name.includes('*') || name.includes('?');
        if (wildcard) {
          findings.push({
            messageId: 'noMatch',
            path: value.pointer,
            severity: 'warning',
            data: { action: value.raw, service },
          });
          continue;
        }
        const suggestions = catalog.suggestActions(service, name);
        findings.push({
          messageId: 'unknownAction',
          path: value.pointer,
          data: {
            action: value.raw,
            service,
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
