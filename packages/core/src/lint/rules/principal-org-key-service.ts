import type { PolicyStatement } from '../../policy/policy-model.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';
import { outcomeWhenKeyAbsent } from '../statement-facts.js';

type MessageId = 'serviceNeverAllowed' | 'servicesDenied';

/**
 * Keys present only when the caller is an IAM principal of an organization: a service principal
 * (CloudTrail, Config, VPC Flow Logs, ELB log delivery) carries neither.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
 */
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths']);

/** Keys that tell service calls apart, so a statement using one has thought of them. */
const SERVICE_KEYS = new Set([
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceaccount',
  'aws:sourcearn',
]);

/**
 * An organization condition (`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`) that AWS services never
 * meet: an `Allow` for a `Service` principal with it never allows the service, and a `Deny` to
 * everyone outside the organization also denies every service delivering to the resource, unless it
 * exempts them with `aws:PrincipalIsAWSService`. Found in ministryofjustice/modernisation-platform#8000
 * (VPC flow logs could not write to a bucket whose policy required `aws:PrincipalOrgPaths`) and
 * awsdocs/aws-cloudtrail-user-guide#16 (CloudTrail could not write with `aws:PrincipalOrgID`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
 * @see https://github.com/ministryofjustice/modernisation-platform/pull/8000
 * @see https://github.com/awsdocs/aws-cloudtrail-user-guide/pull/16
 */
export const principalOrgKeyService: LintRule<MessageId> = {
  meta: {
    id: 'principal-org-key-service',
    severity: 'warning',
    description: 'an organization condition that AWS service principals never meet',
    docsUrl:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice',
    kinds: ['resource', 'rcp'],
    messages: {
      serviceNeverAllowed: {
        message:
          '`{key}` is never present when a service principal calls, so this `Allow` never allows {services}',
        help: 'services act as themselves, outside any organization: scope their access with `aws:SourceOrgID`, `aws:SourceAccount` or `aws:SourceArn` instead',
      },
      servicesDenied: {
        message:
          '`{operator}` on `{key}` is true for every AWS service principal, so this `Deny` also denies services that deliver to this resource',
        help: 'exempt them with `"BoolIfExists": {"aws:PrincipalIsAWSService": "false"}` in this `Deny` (and scope them with `aws:SourceOrgID` where they are allowed)',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      const clause = statement.conditions.find((c) => ORG_KEYS.has(c.key.toLowerCase()));
      if (clause === undefined || statement.principal === null || statement.principal.negated) continue;
      if (statement.conditions.some((c) => SERVICE_KEYS.has(c.key.toLowerCase()))) continue;
      const absentIsTrue = outcomeWhenKeyAbsent(clause);
      const services = statement.principal.entries.filter((e) => e.type === 'Service');
      if (statement.effect === 'Allow' && !absentIsTrue && services.length > 0) {
        findings.push({
          messageId: 'serviceNeverAllowed',
          path: clause.pointer,
          severity: 'error',
          data: { key: clause.key, services: services.map((s) => `\`${s.raw}\``).join(', ') },
        });
      } else if (statement.effect === 'Deny' && absentIsTrue && namesEveryone(statement)) {
        findings.push({
          messageId: 'servicesDenied',
          path: clause.pointer,
          data: { key: clause.key, operator: clause.operator },
        });
      }
    }
    return findings;
  },
};

function namesEveryone(statement: PolicyStatement): boolean {
  return statement.principal?.entries.some((e) => e.type === 'AWS' && e.value === '*') ?? false;
}
