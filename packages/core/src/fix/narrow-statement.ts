import type { AuthorizationRequest, ContextValue } from '../engine/request.js';

/**
 * Condition keys a fix pins to the value the call sent: they narrow a grant to the use the call made
 * of it without changing what the call needs.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
const PINNED_KEYS: readonly string[] = [
  'iam:PassedToService',
  'ec2:CreateAction',
  'kms:ViaService',
  'kms:GrantIsForAWSResource',
];

/** How {@link narrowStatement} narrows beyond actions and resources. */
export interface NarrowOptions {
  /** Further keys to pin to the value the checks sent (keys a near-miss statement restricts). */
  readonly pin?: readonly string[];
  /**
   * Whether the statement names its resources; a role trust policy may not (IAM rejects it with
   * "Has prohibited field Resource"): the role is the resource. `'*'` for a key policy, whose `*`
   * means "this key".
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
   * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
   */
  readonly resource?: boolean | '*';
}

/**
 * The narrowest Allow statement that grants the denied requests: their exact actions on their exact
 * resources, with the pinned condition keys the calls sent. Requests are expected to share their
 * pinned context (group them with {@link groupRequests} first).
 */
export function narrowStatement(
  requests: readonly AuthorizationRequest[],
  sid: string,
  principal?: Readonly<Record<string, unknown>>,
  options: NarrowOptions = {},
): Record<string, unknown> {
  const actions = unique(requests.map((r) => r.action));
  const resources = unique(requests.map((r) => r.resource));
  const condition = pinnedCondition(requests[0]?.context ?? {}, options.pin ?? []);
  return {
    Sid: sid,
    Effect: 'Allow',
    ...(principal === undefined ? {} : { Principal: principal }),
    Action: actions.length === 1 ? actions[0] : actions,
    ...(options.resource === false
      ? {}
      : { Resource: options.resource === '*' ? '*' : resources.length === 1 ? resources[0] : resources }),
    ...(condition === null ? {} : { Condition: condition }),
  };
}

/** Groups requests that can share one statement: same pinned condition values. */
export function groupRequests(
  requests: readonly AuthorizationRequest[],
  pin: readonly string[] = [],
): AuthorizationRequest[][] {
  const groups = new Map<string, AuthorizationRequest[]>();
  for (const request of requests) {
    const key = JSON.stringify(pinnedCondition(request.context, pin));
    const group = groups.get(key);
    if (group) group.push(request);
    else groups.set(key, [request]);
  }
  return [...groups.values()];
}

function pinnedCondition(
  context: Readonly<Record<string, ContextValue>>,
  pin: readonly string[],
): Record<string, Record<string, string>> | null {
  const equals: Record<string, string> = {};
  const lowered = new Map(Object.keys(context).map((k) => [k.toLowerCase(), k]));
  const keys = [
    ...PINNED_KEYS,
    ...pin.filter((k) => !PINNED_KEYS.some((p) => p.toLowerCase() === k.toLowerCase())),
  ];
  for (const key of keys) {
    const given = lowered.get(key.toLowerCase());
    const value = given === undefined ? undefined : context[given];
    if (typeof value === 'string') {
      equals[key] = value;
    }
  }
  if (Object.keys(equals).length === 0) {
    return null;
  }
  // kms:GrantIsForAWSResource is a Bool key; the others are strings
  const bool = equals['kms:GrantIsForAWSResource'];
  delete equals['kms:GrantIsForAWSResource'];
  return {
    ...(Object.keys(equals).length > 0 ? { StringEquals: equals } : {}),
    ...(bool === undefined ? {} : { Bool: { 'kms:GrantIsForAWSResource': bool } }),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
