import type { LintRule, RuleFinding } from '../lint-rule.js';
import { ORGANIZATIONS_POLICY_MAX_CHARACTERS, policySizes } from './policy-size.js';

type MessageId = 'tooLarge' | 'tooLargeWithSpaces' | 'missingVersion';

/**
 * Limits of the SCP language that IAM policies do not have: the 5,120-character size limit, and the
 * required `Version`. (`Principal`/`NotPrincipal`, which SCPs reject, are reported by the parser.)
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const scpGrammar: LintRule<MessageId> = {
  meta: {
    id: 'scp-grammar',
    severity: 'error',
    description: 'the service control policy breaks a limit of the SCP language',
    docsUrl:
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
    kinds: ['scp'],
    messages: {
      tooLarge: {
        message:
          'the policy has {size} characters without white space, more than the {limit} an SCP may have',
        help: 'split it into several SCPs (up to five per target) or merge statements',
      },
      tooLargeWithSpaces: {
        message: 'the policy has {size} characters, more than the {limit} an SCP may have',
        help: 'remove the white space outside strings (it counts against the limit) or split the policy',
      },
      missingVersion: {
        message: 'the SCP has no `Version`',
        help: 'add `"Version": "2012-10-17"`',
      },
    },
  },
  check(context) {
    const findings: RuleFinding<MessageId>[] = [];
    const { written, minified } = policySizes(context);
    const limit = String(ORGANIZATIONS_POLICY_MAX_CHARACTERS);
    if (minified > ORGANIZATIONS_POLICY_MAX_CHARACTERS) {
      findings.push({ messageId: 'tooLarge', path: '', data: { size: String(minified), limit } });
    } else if (written > ORGANIZATIONS_POLICY_MAX_CHARACTERS) {
      findings.push({
        messageId: 'tooLargeWithSpaces',
        path: '',
        severity: 'warning',
        data: { size: String(written), limit },
      });
    }
    if (context.policy.version === null) {
      findings.push({ messageId: 'missingVersion', path: '', severity: 'warning', data: {} });
    }
    return findings;
  },
};
