import type { Check } from '../calls/check.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ActionInfo, ServiceInfo } from '../catalog/service-info.js';
import type { ContextValue } from '../engine/request.js';
import { dictionary } from '../json/dictionary.js';

/**
 * Whether AWS sends a context key with a check: `true`, `false`, or `null` when nothing says (a global
 * key, whose presence other rules decide, or a check the service catalog does not describe).
 */
export type KeysSent = (check: Check, key: string) => boolean | null;

/** Nothing is known of which keys AWS sends: every key stays as given. */
export const KEYS_UNKNOWN: KeysSent = () => null;

/**
 * Which service keys AWS sends with each check, from the Service Authorization Reference: the action's
 * own keys and those of the check's resource type. Global `aws:` keys are not decided here.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export async function keysSentWith(
  checks: readonly Check[],
  catalog: Catalog | undefined,
): Promise<KeysSent> {
  if (catalog === undefined) return KEYS_UNKNOWN;
  const known = new Map<string, { service: ServiceInfo; action: ActionInfo } | null>();
  for (const check of checks) {
    const name = check.action.toLowerCase();
    if (known.has(name)) continue;
    const action = await catalog.action(check.action);
    const service = action === null ? null : await catalog.service(action.service);
    known.set(name, action === null || service === null ? null : { service, action });
  }
  return (check, key) => {
    if (key.toLowerCase().startsWith('aws:')) return null;
    const entry = known.get(check.action.toLowerCase());
    if (entry === undefined || entry === null) return null;
    return entry.service.checkSendsKey(entry.action, check.resourceType, key);
  };
}

/**
 * The context values given for the whole call (by the user, a CloudTrail record or a decoded message)
 * that AWS sends with one check: a service key goes only to the checks that carry it (RunInstances
 * sends `ec2:InstanceType` with the instance, not with the image or the subnet).
 */
export function contextSentWith(
  check: Check,
  given: Readonly<Record<string, ContextValue>>,
  sent: KeysSent,
): Record<string, ContextValue> {
  const out = dictionary<ContextValue>();
  for (const [key, value] of Object.entries(given)) {
    if (sent(check, key) !== false) out[key] = value;
  }
  return out;
}
