import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'literalWildcard';

/** The exact-match string operators, and the operator that reads `*` as a wildcard instead. */
const LIKE_OF: Readonly<Record<string, string>> = {
  StringEquals: 'StringLike',
  StringEqualsIgnoreCase: 'StringLike',
  StringNotEquals: 'StringNotLike',
  StringNotEqualsIgnoreCase: 'StringNotLike',
};

/**
 * A `*` in a value of an exact-match string operator. `StringEquals` compares the value literally, so
 * `repo:my-org/*` matches only a subject that ends in a `*` character: an `Allow` (a role trust policy
 * for GitHub Actions, typically) never matches, and a negated operator in a `Deny` matches every request.
 * Found in aws-actions/configure-aws-credentials#1137, where `StringEquals` on
 * `token.actions.githubusercontent.com:sub` with `repo:<ORG>/*` gave "Not authorized to perform
 * sts:AssumeRoleWithWebIdentity".
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 * @see https://github.com/aws-actions/configure-aws-credentials/issues/1137
 */
export const wildcardInStringEquals: LintRule<MessageId> = {
  meta: {
    id: 'wildcard-in-string-equals',
    severity: 'error',
    description: 'a `*` in an exact-match string condition is compared literally, not as a wildcard',
    docsUrl:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    readsConditionValues: true,
    messages: {
      literalWildcard: {
        message: '`{operator}` compares `{value}` literally, so its `*` matches only a `*` character',
        help: 'use `{like}` for a pattern (`{like}` is case-sensitive), or write the exact value',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      for (const clause of statement.conditions) {
        const like = LIKE_OF[clause.baseOperator];
        if (like === undefined) continue;
        for (const value of clause.values) {
          if (!value.value.includes('*')) continue;
          findings.push({
            messageId: 'literalWildcard',
            path: value.pointer,
            data: { operator: clause.operator, value: value.raw, like },
          });
        }
      }
    }
    return findings;
  },
};
