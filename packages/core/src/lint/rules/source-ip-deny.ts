import type { LintRule, RuleFinding } from '../lint-rule.js';
import { outcomeWhenKeyAbsent } from '../statement-facts.js';

type MessageId = 'vpcEndpointDenied';

/** Keys a request carries only when it comes through a VPC endpoint. */
const ENDPOINT_KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc', 'aws:vpcsourceip']);

/**
 * A Deny that applies when `aws:SourceIp` is absent (`NotIpAddress`, or an `IfExists` form). Calls
 * through a VPC endpoint carry no `aws:SourceIp`, so unless the statement also tests an endpoint key
 * they are all denied. (Calls AWS services make with forward access sessions keep the caller's
 * address, so they need no exemption of their own.)
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
 */
export const sourceIpDeny: LintRule<MessageId> = {
  meta: {
    id: 'source-ip-deny',
    severity: 'warning',
    description: 'a Deny on the source address also denies calls through VPC endpoints',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      vpcEndpointDenied: {
        message:
          '`{operator}` on `aws:SourceIp` also denies every call through a VPC endpoint, which carries no `aws:SourceIp`',
        help: 'exempt endpoint calls, e.g. add `"Null": {"aws:SourceVpc": "true"}` to this Deny, or allow named endpoints with `aws:SourceVpce`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Deny') continue;
      const clause = statement.conditions.find(
        (c) => c.key.toLowerCase() === 'aws:sourceip' && outcomeWhenKeyAbsent(c),
      );
      if (clause === undefined) continue;
      const keys = new Set(statement.conditions.map((c) => c.key.toLowerCase()));
      const data = { operator: clause.operator };
      if (![...ENDPOINT_KEYS].some((k) => keys.has(k))) {
        findings.push({ messageId: 'vpcEndpointDenied', path: clause.pointer, data });
      }
    }
    return findings;
  },
};
