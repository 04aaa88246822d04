import type { LintRule, RuleFinding } from '../lint-rule.js';

type MessageId = 'allowNotResource';

/**
 * `Allow` with `NotResource`: allows the actions on every resource except those listed, in every
 * account and region, including resources created later. A statement narrowed by a service condition
 * key (AWS's launch-template pattern scopes `NotResource` with `ec2:LaunchTemplate`) is scoped by that
 * condition and stays quiet; global keys (`aws:SecureTransport`, `aws:SourceIp`...) do not narrow which
 * resources are granted.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances-launch-templates
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
export const allowWithNotResource: LintRule<MessageId> = {
  meta: {
    id: 'allow-with-not-resource',
    severity: 'warning',
    description: '`Allow` with `NotResource` grants every resource not listed',
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
    kinds: ['identity', 'resource', 'boundary'],
    messages: {
      allowNotResource: {
        message: '`Allow` with `NotResource` allows every resource except the {count} listed',
        help: 'list the resources to allow in `Resource` instead; `NotResource` is safest with `Deny`',
      },
    },
  },
  check({ policy }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || statement.resource === null || !statement.resource.negated)
        continue;
      if (statement.conditions.some((c) => !c.key.toLowerCase().startsWith('aws:'))) continue;
      findings.push({
        messageId: 'allowNotResource',
        path: statement.resource.pointer,
        data: { count: String(statement.resource.values.length) },
      });
    }
    return findings;
  },
};
