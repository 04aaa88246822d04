import { compileWildcard } from '../../matching/wildcard.js';
import type { PolicyStatement } from '../../policy/policy-model.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'globalServicesDenied';

/**
 * The global services AWS says a Region restriction must not deny: their single endpoint is in
 * `us-east-1`, so every request to them names that Region.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html
 */
const GLOBAL_SERVICES: readonly string[] = ['cloudfront:*', 'iam:*', 'route53:*', 'support:*'];

/** The Region every request to those services names. */
const GLOBAL_REGION = 'us-east-1';

/** Operators that make a list of Regions the only ones allowed: true when the requested one is not listed. */
const ALLOW_LIST_OPERATORS = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike']);

/**
 * A `Deny` of every Region but a list (`StringNotEquals aws:RequestedRegion`) that also denies the
 * global services, whose requests all go to `us-east-1`: unless `us-east-1` is allowed, IAM, Route 53,
 * CloudFront and Support calls are denied from everywhere. AWS's examples exempt them with `NotAction`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
 */
export const regionDenyGlobalServices: LintRule<MessageId> = {
  meta: {
    id: 'region-deny-global-services',
    severity: 'warning',
    description: 'a Region restriction also denies the global services, whose requests all go to us-east-1',
    docsUrl:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html',
    kinds: ['identity', 'scp', 'boundary'],
    readsConditionValues: true,
    messages: {
      globalServicesDenied: {
        message:
          'this `Deny` outside {regions} also denies {services}, global services whose requests all go to `us-east-1`',
        help: 'exempt the global services you use with `NotAction` (AWS’s example exempts `cloudfront:*`, `iam:*`, `route53:*`, `support:*`; add others such as `organizations:*`, `budgets:*`, `globalaccelerator:*` as needed)',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Deny') continue;
      const clause = statement.conditions.find(
        (c) =>
          c.key.toLowerCase() === 'aws:requestedregion' &&
          c.setOperator === null &&
          ALLOW_LIST_OPERATORS.has(c.baseOperator),
      );
      if (clause === undefined) continue;
      const usEast = clause.values.some((v) =>
        compileWildcard(v.value, { ignoreCase: true }).matches(GLOBAL_REGION),
      );
      if (usEast) continue;
      const denied = GLOBAL_SERVICES.filter((pattern) => deniesPattern(statement, pattern));
      if (denied.length === 0) continue;
      findings.push({
        messageId: 'globalServicesDenied',
        path: statement.action.pointer,
        data: {
          regions: clause.values.map((v) => `\`${v.raw}\``).join(', '),
          services: denied.map((p) => `\`${p}\``).join(', '),
        },
      });
    }
    return findings;
  },
};

/**
 * Whether the statement's actions take in some of `pattern`'s (`iam:*`): an `Action` value that
 * overlaps it, or a `NotAction` none of whose values holds it whole.
 */
function deniesPattern(statement: PolicyStatement, pattern: string): boolean {
  const values = statement.action.values.map((v) => v.value);
  if (statement.action.negated) {
    return !values.some((v) => compileWildcard(v, { ignoreCase: true }).matches(pattern));
  }
  return values.some(
    (v) =>
      compileWildcard(v, { ignoreCase: true }).matches(pattern) ||
      compileWildcard(pattern, { ignoreCase: true }).matches(v),
  );
}
