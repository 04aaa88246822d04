import type { LintRule, RuleFinding } from '../lint-rule.js';
import { ORGANIZATIONS_POLICY_MAX_CHARACTERS, policySizes } from './policy-size.js';

type MessageId = 'allowEffect' | 'principalNotStar' | 'notPrincipal' | 'unsupportedService' | 'tooLarge';

/**
 * Limits of the RCP language: only `Deny` statements, `Principal` exactly `"*"`, no `NotPrincipal`,
 * only the services RCPs support, and at most 5,120 characters (white space included).
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export const rcpGrammar: LintRule<MessageId> = {
  meta: {
    id: 'rcp-grammar',
    severity: 'error',
    description: 'the resource control policy breaks a limit of the RCP language',
    docsUrl:
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html',
    kinds: ['rcp'],
    messages: {
      allowEffect: {
        message: 'an RCP statement must be `Deny`, this one is `Allow`',
        help: '`Allow` is only supported in the AWS-managed `RCPFullAWSAccess` policy',
      },
      principalNotStar: {
        message: 'an RCP `Principal` must be `"*"`, found `{principal}`',
        help: 'exempt principals with conditions such as `aws:PrincipalOrgID` or `aws:PrincipalArn` instead',
      },
      notPrincipal: {
        message: '`NotPrincipal` is not supported in an RCP',
        help: 'use `"Principal": "*"` and a condition on `aws:PrincipalArn`',
      },
      unsupportedService: {
        message:
          '`{service}` does not support resource control policies, so `{action}` is never restricted by this RCP',
        help: 'the services RCPs apply to are listed at https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
      },
      tooLarge: {
        message: 'the policy has {size} characters, more than the {limit} an RCP may have',
        help: 'every character counts, white space included; remove white space outside strings or split the policy',
      },
    },
  },
  check(context) {
    const findings: RuleFinding<MessageId>[] = [];
    const supported = context.catalog.rcpSupportedServices;
    for (const statement of context.policy.statements) {
      if (statement.effect === 'Allow')
        findings.push({ messageId: 'allowEffect', path: `${statement.pointer}/Effect`, data: {} });
      const principal = statement.principal;
      if (principal?.negated) findings.push({ messageId: 'notPrincipal', path: principal.pointer, data: {} });
      else if (principal) {
        const odd = principal.entries.find((e) => !(e.type === 'AWS' && e.value === '*'));
        if (odd)
          findings.push({ messageId: 'principalNotStar', path: odd.pointer, data: { principal: odd.raw } });
      }
      if (supported === null || statement.action.negated) continue;
      for (const value of statement.action.values) {
        const colon = value.raw.indexOf(':');
        if (colon < 0) continue;
        const service = value.raw.slice(0, colon).toLowerCase();
        if (service.includes('*') || service.includes('?') || !context.catalog.hasService(service)) continue;
        if (supported.includes(service)) continue;
        findings.push({
          messageId: 'unsupportedService',
          path: value.pointer,
          severity: 'warning',
          data: { service, action: value.raw },
        });
      }
    }
    const { written } = policySizes(context);
    if (written > ORGANIZATIONS_POLICY_MAX_CHARACTERS) {
      findings.push({
        messageId: 'tooLarge',
        path: '',
        data: { size: String(written), limit: String(ORGANIZATIONS_POLICY_MAX_CHARACTERS) },
      });
    }
    return findings;
  },
};
