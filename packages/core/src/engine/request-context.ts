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

/** A context entry of {@link ReusableContext}, rewritten for each request. */
interface SlotEntry {
  values: readonly string[];
  multi: boolean;
}

/** Distinct key names a {@link ReusableContext} numbers before it starts again from none. */
const SLOT_LIMIT = 4096;

/**
 * The request context of one lean evaluation at a time: the same lookups as
 * {@link buildRequestContext}'s map (the caller's keys, then the given keys, which win), in slots
 * numbered once per key name and rewritten for each request, so that a batch allocates no map, entry
 * or value list per request. Valid until the next {@link ReusableContext.load}: nothing may keep it
 * or its entries (the lean path keeps neither; traces use {@link buildRequestContext}).
 */
export class ReusableContext implements RequestContext {
  /** Slot of a lower-cased key name. */
  private slots = new Map<string, number>();
  /** Slot of a key name as given (any case), so that a batch lower-cases each name once. */
  private givenSlots = new Map<string, number>();
  private slotEntries: (ContextEntry | undefined)[] = [];
  /** Each slot's entry for given values, reused; its `values` a reused one-element list for a string. */
  private own: SlotEntry[] = [];
  private singles: string[][] = [];
  /** The request a slot was last written for: a slot of another request is empty. */
  private stamps: number[] = [];
  /** The slots written for the current request (the first `count`), in the order a map would list them. */
  private order: number[] = [];
  private count = 0;
  private epoch = 0;

  /** Loads one request's context, forgetting the previous one's. */
  load(caller: Caller, given: Readonly<Record<string, ContextValue>>): this {
    if (this.slots.size >= SLOT_LIMIT) this.reset();
    this.epoch++;
    this.count = 0;
    const derived = callerEntries(caller);
    for (let i = 0; i < derived.length; i++) {
      const pair = derived[i] as readonly [string, ContextEntry];
      this.put(this.slotOf(pair[0]), pair[1]);
    }
    for (const key of Object.keys(given)) {
      const value = given[key] as ContextValue;
      let slot = this.givenSlots.get(key);
      if (slot === undefined) {
        slot = this.slotOf(lowerKey(key));
        this.givenSlots.set(key, slot);
      }
      const entry = this.own[slot] as SlotEntry;
      if (typeof value === 'string') {
        const single = this.singles[slot] as string[];
        single[0] = value;
        entry.values = single;
        entry.multi = false;
      } else {
        entry.values = value;
        entry.multi = true;
      }
      this.put(slot, entry);
    }
    return this;
  }

  /** Which request the context holds: a number no other request loaded into it had. */
  get request(): number {
    return this.epoch;
  }

  get(key: string): ContextEntry | undefined {
    const slot = this.slots.get(key);
    return slot !== undefined && this.stamps[slot] === this.epoch ? this.slotEntries[slot] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.count;
  }

  forEach(callback: (value: ContextEntry, key: string, map: RequestContext) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, ContextEntry]> {
    const names = [...this.slots.keys()];
    for (let i = 0; i < this.count; i++) {
      const slot = this.order[i] as number;
      yield [names[slot] as string, this.slotEntries[slot] as ContextEntry];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<ContextEntry> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, ContextEntry]> {
    return this.entries();
  }

  private slotOf(keyLower: string): number {
    let slot = this.slots.get(keyLower);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(keyLower, slot);
      this.slotEntries.push(undefined);
      this.own.push({ values: [], multi: false });
      this.singles.push(['']);
      this.stamps.push(0);
    }
    return slot;
  }

  private put(slot: number, entry: ContextEntry): void {
    if (this.stamps[slot] !== this.epoch) {
      this.stamps[slot] = this.epoch;
      this.order[this.count++] = slot;
    }
    this.slotEntries[slot] = entry;
  }

  private reset(): void {
    this.slots = new Map();
    this.givenSlots = new Map();
    this.slotEntries = [];
    this.own = [];
    this.singles = [];
    this.stamps = [];
  }
}
