import { compileWildcard } from '../matching/wildcard.js';
import { arnPatternMatchesFormat } from './arn-format.js';
import type { RawServiceData } from './catalog-source.js';
import { type ConditionKeyTemplate, compileConditionKeyTemplate } from './condition-key-template.js';
import type { ServiceDependentActions } from './dependent-actions.js';

/**
 * A condition key and its type. Types are those of the Service Authorization Reference: `String`,
 * `ARN`, `Bool`, `Date`, `Numeric`, `IPAddress`, and their multi-valued `ArrayOf...` forms.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export interface ConditionKeyInfo {
  /** The key as the data writes it, possibly with a placeholder (`aws:RequestTag/${TagKey}`). */
  readonly key: string;
  readonly type: string;
  /** True for `ArrayOf...` types: the request may carry several values, use `ForAnyValue`/`ForAllValues`. */
  readonly multiValued: boolean;
  /** True for keys that any request may carry (`aws:SourceIp`, `aws:PrincipalTag/...`). */
  readonly global: boolean;
}

/** A resource type an action is authorised on, with its ARN format and condition keys. */
export interface ActionResourceType {
  readonly name: string;
  /** Required types are authorised on every call; others only when the request involves them. */
  readonly required: boolean;
  /** `null` when the data names a type it does not describe. */
  readonly arnFormat: string | null;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

/**
 * An IAM action as the Service Authorization Reference describes it.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export interface ActionInfo {
  readonly service: string;
  /** The action name as AWS writes it (`RunInstances`). */
  readonly name: string;
  /** `service:Name`, e.g. `ec2:RunInstances`. */
  readonly fullName: string;
  /** `List`, `Read`, `Write`, `Permissions management` or `Tagging`. */
  readonly accessLevel: string;
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys the action supports whatever the resource. */
  readonly conditionKeys: readonly string[];
  /** True when the action supports no resource-level permission: only `"Resource": "*"` matches it. */
  readonly wildcardOnly: boolean;
  /** Other actions AWS also authorises when this one is called (from the 0.15 data, see PROVENANCE.md). */
  readonly dependentActions: readonly string[];
}

/** A resource type of a service. */
export interface ResourceTypeInfo {
  readonly service: string;
  readonly key: string;
  readonly arnFormat: string;
  readonly conditionKeys: readonly string[];
}

/** The typed, cached view of one service's data. */
export interface ServiceInfo {
  readonly prefix: string;
  readonly name: string;
  actions(): readonly ActionInfo[];
  /** The action of this name (case-insensitive), or `null`. */
  action(name: string): ActionInfo | null;
  /** The actions an action-name pattern with `*`/`?` matches (case-insensitive). */
  matchActions(namePattern: string): readonly ActionInfo[];
  resourceType(key: string): ResourceTypeInfo | null;
  resourceTypes(): readonly ResourceTypeInfo[];
  /** The service's own description of a condition key (placeholders resolved), or `null`. */
  conditionKey(name: string): ConditionKeyInfo | null;
  /** Whether the action may send this condition key: it is listed for the action or one of its resource types. */
  actionSupportsKey(action: ActionInfo, key: string): boolean;
  /**
   * Whether AWS sends this service's condition key with the check of `action` on a resource of type
   * `resourceType`: the key is listed for the action itself or for that resource type (`null`: the
   * check's resource type is unknown, so any of the action's types counts).
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
   */
  checkSendsKey(action: ActionInfo, resourceType: string | null, key: string): boolean;
  /** The resource types of `action` whose ARN format a policy `Resource` pattern can match. */
  resourceTypesMatching(action: ActionInfo, pattern: string): readonly ActionResourceType[];
}

/** How many distinct action patterns a service remembers the matches of. */
const MAX_MATCHED_PATTERNS = 4096;

/** Builds the typed view of one service. */
export function buildServiceInfo(
  prefix: string,
  name: string,
  raw: RawServiceData,
  dependents: ServiceDependentActions | undefined,
): ServiceInfo {
  const resourceTypes: ResourceTypeInfo[] = Object.values(raw.resourceTypes).map((rt) => ({
    service: prefix,
    key: rt.key,
    arnFormat: rt.arn,
    conditionKeys: rt.conditionKeys,
  }));
  const typeByKey = new Map(resourceTypes.map((rt) => [rt.key.toLowerCase(), rt]));
  const actions: ActionInfo[] = Object.entries(raw.actions).map(([lower, a]) => {
    const deps = dependents?.[lower];
    const types = a.resourceTypes.map(
      (rt): ActionResourceType => ({
        name: rt.name,
        required: rt.required,
        arnFormat: typeByKey.get(rt.name.toLowerCase())?.arnFormat ?? null,
        conditionKeys: rt.conditionKeys,
        dependentActions: deps?.resourceTypes?.[rt.name] ?? [],
      }),
    );
    const dependentActions = new Set(deps?.actions ?? []);
    for (const t of types) for (const d of t.dependentActions) dependentActions.add(d);
    return {
      service: prefix,
      name: a.name,
      fullName: `${prefix}:${a.name}`,
      accessLevel: a.accessLevel,
      resourceTypes: types,
      conditionKeys: a.conditionKeys,
      wildcardOnly: types.length === 0,
      dependentActions: [...dependentActions].sort(),
    };
  });
  const actionByName = new Map(actions.map((a) => [a.name.toLowerCase(), a]));
  const lowerNames = actions.map((a) => a.name.toLowerCase());
  // a policy repeats its patterns (`ec2:Describe*` in statement after statement): each is matched once
  const matched = new Map<string, readonly ActionInfo[]>();
  let lastPattern: string | null = null;
  const formatMatches = new Map<string, boolean>();
  const keyTemplates = new Map<string, ConditionKeyTemplate>();
  const template = (key: string): ConditionKeyTemplate => {
    let t = keyTemplates.get(key);
    if (t === undefined) {
      t = compileConditionKeyTemplate(key);
      keyTemplates.set(key, t);
    }
    return t;
  };
  const conditionKeys = Object.values(raw.conditionKeys);
  return {
    prefix,
    name,
    actions: () => actions,
    action: (actionName) => actionByName.get(actionName.toLowerCase()) ?? null,
    matchActions(namePattern) {
      if (!namePattern.includes('*') && !namePattern.includes('?')) {
        const one = actionByName.get(namePattern.toLowerCase());
        return one ? [one] : [];
      }
      const pattern = namePattern.toLowerCase();
      let found = matched.get(pattern);
      if (found === undefined) {
        const matcher = compileWildcard(pattern);
        found = actions.filter((_, i) => matcher.matches(lowerNames[i] as string));
        if (matched.size < MAX_MATCHED_PATTERNS) matched.set(pattern, found);
      }
      return found;
    },
    resourceType: (key) => typeByKey.get(key.toLowerCase()) ?? null,
    resourceTypes: () => resourceTypes,
    conditionKey(keyName) {
      const exact = raw.conditionKeys[keyName.toLowerCase()];
      const found = exact ?? conditionKeys.find((k) => template(k.key).matches(keyName));
      if (found === undefined) return null;
      return {
        key: found.key,
        type: found.type,
        multiValued: found.type.startsWith('ArrayOf'),
        global: false,
      };
    },
    actionSupportsKey(action, key) {
      if (action.conditionKeys.some((k) => template(k).matches(key))) return true;
      return action.resourceTypes.some((rt) => rt.conditionKeys.some((k) => template(k).matches(key)));
    },
    checkSendsKey(action, resourceType, key) {
      if (resourceType === null) return this.actionSupportsKey(action, key);
      if (action.conditionKeys.some((k) => template(k).matches(key))) return true;
      const wanted = resourceType.toLowerCase();
      return action.resourceTypes.some(
        (rt) => rt.name.toLowerCase() === wanted && rt.conditionKeys.some((k) => template(k).matches(key)),
      );
    },
    resourceTypesMatching(action, pattern) {
      // a statement's resource is tried against each of its actions' types in a row: many actions
      // share a type, so each ARN format is matched once per resource
      if (pattern !== lastPattern) {
        lastPattern = pattern;
        formatMatches.clear();
      }
      return action.resourceTypes.filter((rt) => {
        if (rt.arnFormat === null) return false;
        let matches = formatMatches.get(rt.arnFormat);
        if (matches === undefined) {
          matches = arnPatternMatchesFormat(pattern, rt.arnFormat);
          formatMatches.set(rt.arnFormat, matches);
        }
        return matches;
      });
    },
  };
}
