import { compileWildcard } from '../../matching/wildcard.js';
import type { PolicyString } from '../../policy/policy-model.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';
import { isAllResources, resourceValues, statementCovers } from '../statement-facts.js';

type MessageId = 'cannotLaunch';

/**
 * `ec2:RunInstances` (or `ec2:*`) allowed on some of the resource types a launch always involves but
 * not all of them, e.g. only on `instance/*`: every launch is denied on the image, subnet, security
 * group or network interface. The policy is read as a whole, so types allowed by other statements of
 * the same policy count.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
 */
export const runinstancesMissingResources: LintRule<MessageId> = {
  meta: {
    id: 'runinstances-missing-resources',
    severity: 'warning',
    description: '`ec2:RunInstances` is allowed on only some of the resource types every launch needs',
    docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html',
    kinds: ['identity', 'boundary'],
    messages: {
      cannotLaunch: {
        message: '`ec2:RunInstances` is allowed only on {covered}, so no instance can be launched',
        help: 'every launch is also authorised on {missing}; allow `ec2:RunInstances` on those resource types too (AWS evaluates the action once per resource)',
      },
    },
  },
  check({ policy, catalog }) {
    const runInstances = catalog.action('ec2:RunInstances');
    const ec2 = catalog.service('ec2');
    if (runInstances === null || ec2 === null) return [];
    const required = runInstances.resourceTypes.filter((rt) => rt.required).map((rt) => rt.name);
    const covered = new Set<string>();
    let anchor: PolicyString | undefined;
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow' || !statementCovers(statement, 'ec2:runinstances')) continue;
      // `*` or `*:Run*` is a broad grant, not a scoped launch permission
      const naming = statement.action.values.filter((v) =>
        compileWildcard(v.value, { ignoreCase: true }).matches('ec2:runinstances'),
      );
      if (naming.some((v) => !v.value.startsWith('ec2:'))) return [];
      const resources = resourceValues(statement);
      if (resources === null || resources.some((r) => isAllResources(r.value))) return [];
      for (const resource of resources) {
        for (const rt of ec2.resourceTypesMatching(runInstances, resource.value)) covered.add(rt.name);
        anchor ??= resource;
      }
    }
    const missing = required.filter((name) => !covered.has(name));
    if (anchor === undefined || missing.length === 0) return [];
    const coveredRequired = required.filter((name) => covered.has(name));
    if (coveredRequired.length === 0) return []; // scoped to nothing a launch needs: resource-type-mismatch's case
    const list = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
    const finding: RuleFinding<MessageId> = {
      messageId: 'cannotLaunch',
      path: anchor.pointer,
      data: { covered: list(coveredRequired), missing: list(missing) },
    };
    return [finding];
  },
};
