import type { CatalogSnapshot } from '../../catalog/catalog.js';
import type { ActionInfo, ActionResourceType, ServiceInfo } from '../../catalog/service-info.js';
import type { ConditionClause, PolicyStatement } from '../../policy/policy-model.js';
import type { LintRule, RuleFinding } from '../lint-rule.js';
import { expandedActions, isAllResources, outcomeWhenKeyAbsent, resourceValues } from '../statement-facts.js';

type MessageId = 'allowNeverApplies' | 'denyAlwaysApplies';

/** Global keys the Service Authorization Reference lists per resource type (the rest are decided elsewhere). */
const TAG_KEYS = /^aws:(requesttag\/.+|tagkeys)$/i;

/**
 * A condition key AWS sends with some of the resources an action is authorised on but not with
 * others the statement covers. AWS evaluates a call once per resource (RunInstances: the instance,
 * and also the image, subnet, security group, network interface); a key listed only for the instance
 * (`ec2:InstanceType`, `aws:RequestTag/…`) is absent from the other checks. There a positive operator
 * is false, so an `Allow` never allows the call; a negated one is true, so a `Deny` denies every call.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export const conditionKeyNotSentForType: LintRule<MessageId> = {
  meta: {
    id: 'condition-key-not-sent-for-type',
    severity: 'warning',
    description: 'condition key is absent from the checks of some resource types the statement covers',
    docsUrl:
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    kinds: ['identity', 'resource', 'scp', 'rcp', 'boundary'],
    messages: {
      allowNeverApplies: {
        message:
          '`{action}` sends `{key}` only with some of its resources, not with {types}, so this `Allow` never allows the call',
        help: 'AWS authorises `{action}` once per resource; allow {types} in a separate statement without this condition, and keep the condition on a statement whose `Resource` names only the types that carry the key',
      },
      denyAlwaysApplies: {
        message:
          '`{action}` sends `{key}` only with some of its resources, not with {types}, so `{operator}` is true there and this `Deny` denies every call',
        help: 'limit the `Resource` of this `Deny` to the resource types that carry the key (for RunInstances, `arn:aws:ec2:*:*:instance/*`)',
      },
    },
  },
  check({ policy, catalog }) {
    const findings: RuleFinding<MessageId>[] = [];
    for (const statement of policy.statements) {
      if (statement.conditions.length === 0) continue;
      const actions = expandedActions(statement, catalog);
      const resources = resourceValues(statement);
      if (actions === null || actions.length === 0 || resources === null) continue;
      for (const clause of statement.conditions) {
        const lower = clause.key.toLowerCase();
        if (lower.startsWith('aws:') && !TAG_KEYS.test(lower)) continue;
        const absentIsTrue = outcomeWhenKeyAbsent(clause);
        if (statement.effect === 'Allow' ? absentIsTrue : !absentIsTrue) continue;
        for (const action of actions) {
          const service = catalog.service(action.service);
          if (service === null) continue;
          let missing = typesWithoutKey(service, action, clause.key, statement);
          if (statement.effect === 'Allow') {
            missing = missing.filter(
              (t) => !otherStatementAllows(policy.statements, statement, catalog, action, t),
            );
          }
          if (missing.length === 0) continue;
          findings.push({
            messageId: statement.effect === 'Allow' ? 'allowNeverApplies' : 'denyAlwaysApplies',
            path: clause.pointer,
            severity: statement.effect === 'Allow' ? 'warning' : 'error',
            data: {
              action: action.fullName,
              key: clause.key,
              operator: clause.operator,
              types: missing.map((t) => `\`${t.name}\``).join(', '),
            },
          });
          break; // one finding per condition: the first action that shows it
        }
      }
    }
    return findings;
  },
};

/**
 * The resource types of `action` that every call involves (all of them when the data marks none as
 * required), that the statement's `Resource` covers and whose checks do not carry `key`; `[]` when the
 * key is the action's own (sent with every check) or is sent with none (another rule's finding).
 */
function typesWithoutKey(
  service: ServiceInfo,
  action: ActionInfo,
  key: string,
  statement: PolicyStatement,
): ActionResourceType[] {
  if (action.resourceTypes.length < 2) return [];
  if (!service.actionSupportsKey(action, key)) return [];
  if (service.checkSendsKey(action, '\u0000no type', key)) return []; // an action-level key
  const required = action.resourceTypes.filter((t) => t.required);
  const types = required.length > 0 ? required : action.resourceTypes;
  const covered = types.filter((t) => covers(service, action, statement, t));
  const sent = covered.filter((t) => service.checkSendsKey(action, t.name, key));
  if (sent.length === 0) return [];
  return covered.filter((t) => !service.checkSendsKey(action, t.name, key));
}

function covers(
  service: ServiceInfo,
  action: ActionInfo,
  statement: PolicyStatement,
  type: ActionResourceType,
): boolean {
  return (resourceValues(statement) ?? []).some(
    (r) => isAllResources(r.value) || service.resourceTypesMatching(action, r.value).includes(type),
  );
}

/** Whether another `Allow` of the policy allows the action on the type without a key its check lacks. */
function otherStatementAllows(
  statements: readonly PolicyStatement[],
  self: PolicyStatement,
  catalog: CatalogSnapshot,
  action: ActionInfo,
  type: ActionResourceType,
): boolean {
  const service = catalog.service(action.service);
  if (service === null) return false;
  return statements.some(
    (s) =>
      s !== self &&
      s.effect === 'Allow' &&
      (expandedActions(s, catalog)?.includes(action) ?? false) &&
      covers(service, action, s, type) &&
      s.conditions.every((c: ConditionClause) => sentOrHarmless(service, action, type, c)),
  );
}

function sentOrHarmless(
  service: ServiceInfo,
  action: ActionInfo,
  type: ActionResourceType,
  clause: ConditionClause,
): boolean {
  if (outcomeWhenKeyAbsent(clause)) return true;
  const lower = clause.key.toLowerCase();
  if (lower.startsWith('aws:') && !TAG_KEYS.test(lower)) return true;
  return service.checkSendsKey(action, type.name, clause.key);
}
