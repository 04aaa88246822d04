import type { Caller } from './caller.js';
import type { ContextValue } from './request.js';

/** The values of one context key; `multi` is true when the key was given as a list. */
export interface ContextEntry {
  readonly values: readonly string[];
  readonly multi: boolean;
}

/**
 * The request context, keyed by lower-cased key name (key names are case-insensitive).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export type RequestContext = ReadonlyMap<string, ContextEntry>;

/**
 * Builds the request context: the keys AWS derives from the principal (`aws:PrincipalArn`,
 * `aws:PrincipalAccount`, `aws:username`, `aws:userid` where the ARN tells it,
 * `aws:PrincipalType`, `aws:PrincipalIsAWSService`, `aws:PrincipalServiceName`), then the keys
 * given with the request, which win.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
export function buildRequestContext(
  caller: Caller,
  given: Readonly<Record<string, ContextValue>>,
): RequestContext {
  const context = new Map<string, ContextEntry>();
  for (const [key, entry] of callerEntries(caller)) context.set(key, entry);
  for (const key of Object.keys(given)) {
    const value = given[key] as ContextValue;
    context.set(
      lowerKey(key),
      typeof value === 'string' ? { values: [value], multi: false } : { values: value, multi: true },
    );
  }
  return context;
}

const callerContexts = new WeakMap<Caller, readonly (readonly [string, ContextEntry])[]>();

/** The keys AWS derives from the caller, built once per caller (entries are never changed). */
function callerEntries(caller: Caller): readonly (readonly [string, ContextEntry])[] {
  let entries = callerContexts.get(caller);
  if (entries === undefined) {
    entries = [...derivedKeys(caller)];
    callerContexts.set(caller, entries);
  }
  return entries;
}

const lowerKeys = new Map<string, string>();

/** A context key's name in lower case; requests of a batch use the same few names over and over. */
function lowerKey(key: string): string {
  let lower = lowerKeys.get(key);
  if (lower === undefined) {
    if (lowerKeys.size >= 4096) lowerKeys.clear();
    lower = key.toLowerCase();
    lowerKeys.set(key, lower);
  }
  return lower;
}

function derivedKeys(caller: Caller): Map<string, ContextEntry> {
  const context = new Map<string, ContextEntry>();
  const set = (key: string, value: string) => context.set(key, { values: [value], multi: false });
  switch (caller.kind) {
    case 'root':
      set('aws:principalarn', `arn:${caller.partition}:iam::${caller.account}:root`);
      set('aws:userid', caller.account ?? '');
      set('aws:principaltype', 'Account');
      break;
    case 'user':
      set('aws:principalarn', caller.principal);
      set('aws:username', caller.name ?? '');
      set('aws:principaltype', 'User');
      break;
    case 'role':
    case 'assumed-role':
      set('aws:principalarn', caller.issuerArn ?? caller.principal);
      set('aws:principaltype', 'AssumedRole');
      break;
    case 'federated-user':
      set('aws:principalarn', caller.principal);
      set('aws:userid', `${caller.account}:${caller.name}`);
      set('aws:principaltype', 'FederatedUser');
      break;
    case 'anonymous':
      set('aws:userid', 'anonymous');
      set('aws:principaltype', 'Anonymous');
      break;
    case 'service':
      set('aws:principalservicename', caller.principal);
      break;
    default:
      break;
  }
  if (caller.account !== null) set('aws:principalaccount', caller.account);
  set('aws:principalisawsservice', caller.kind === 'service' ? 'true' : 'false');
  return context;
}
