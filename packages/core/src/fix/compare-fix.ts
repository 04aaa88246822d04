import type { Catalog } from '../catalog/catalog.js';
import type { AccessRow, CompareLayer, ConditionValue } from '../compare/compare-model.js';
import { comparePolicies } from '../compare/compare-policies.js';
import type { PolicyLayer } from '../engine/layers.js';
import { type AuthorizationRequest, type ContextValue, contextValueOf } from '../engine/request.js';
import type { FixTargetKind } from './fix-model.js';

/**
 * The fix safety check beyond probes: the changed document is compared with the current one over
 * every action either grants (wildcards expanded through the catalog), every resource type of those
 * actions and every condition key they use (`comparePolicies`), and every access the new document
 * allows that the old does not must be one of the failed checks.
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */

/** New access a fix grants that is not one of the checks it answers, as (action, resource, conditions). */
export interface AccessBeyondChecks {
  readonly action: string;
  readonly resource: string;
  readonly conditions: Readonly<Record<string, readonly ConditionValue[]>>;
}

/** What the comparison said of a fix. */
export interface FixComparison {
  /** Whether the documents were compared (`false`: no catalog, a layer compare does not model, or too large). */
  readonly compared: boolean;
  /** New access beyond the checks (the first rows); empty when the fix allows exactly the checks more. */
  readonly beyond: readonly AccessBeyondChecks[];
  /** How many rows of new access beyond the checks there are in all. */
  readonly beyondCount: number;
}

/** A fix's layer as compare models it; `null` for layers it does not (session, VPC endpoint). */
function compareLayerOf(layer: PolicyLayer): CompareLayer | null {
  switch (layer) {
    case 'identity':
    case 'permissions-boundary':
    case 'scp':
    case 'rcp':
    case 'resource':
      return layer;
    case 'trust-policy':
      return 'resource';
    default:
      return null;
  }
}

/** Most test points one fix comparison may take before the probes alone decide. */
const MAX_POINTS = 300_000;
/**
 * Most test points for a changed Deny, whose new access is a proposal's to show, not to refuse: a
 * region guard on `*` would take every action of the catalog (over 20,000 rows, seconds).
 */
const MAX_DENY_POINTS = 20_000;
/** Rows of new access kept for display; `beyondCount` has them all. */
const MAX_ROWS = 20;

const EMPTY = { Version: '2012-10-17', Statement: [] };

/**
 * Compares a fix's new document with its current one (`null` for a policy to create) and returns the
 * new access that no request of `requests` accounts for. `notSent` says which keys AWS never sends
 * with a request's check.
 */
export async function compareFix(
  fix: {
    readonly layer: PolicyLayer;
    readonly kind: FixTargetKind;
    readonly before: unknown;
    readonly after: unknown;
  },
  requests: readonly AuthorizationRequest[],
  catalog: Catalog | undefined,
  notSent: (request: AuthorizationRequest, key: string) => boolean = () => false,
): Promise<FixComparison> {
  const layer = compareLayerOf(fix.layer);
  if (catalog === undefined || layer === null) return { compared: false, beyond: [], beyondCount: 0 };
  const before = fix.before ?? EMPTY;
  // a Deny limits what other statements or policies allow: compared alone, a document of Denies
  // allows nothing either way, so each side gets an Allow of what its Denies name
  const mirrored = layer === 'rcp' ? null : withAllowUnderDenies(before, fix.after, layer);
  if (mirrored === 'too-broad') return { compared: false, beyond: [], beyondCount: 0 };
  const compared = await comparePolicies(
    { name: 'current', policy: mirrored?.[0] ?? before },
    { name: 'fixed', policy: mirrored?.[1] ?? fix.after },
    { catalog, layer, maxPoints: mirrored === null ? MAX_POINTS : MAX_DENY_POINTS },
  );
  if (!compared.ok) return { compared: false, beyond: [], beyondCount: 0 };
  // a key policy's `*` and a trust policy's missing Resource stand for the key or role itself
  const ownResource = fix.kind === 'key-policy' || fix.layer === 'trust-policy';
  const beyond = compared.value.newAccess.filter(
    (row) => !requests.some((r) => rowIsRequest(row, r, ownResource, notSent)),
  );
  return {
    compared: true,
    beyond: beyond
      .slice(0, MAX_ROWS)
      .map((row) => ({ action: row.action, resource: row.resource, conditions: row.conditions })),
    beyondCount: beyond.length,
  };
}

/** Whether a row of new access is exactly `request`: its action, its resource, its condition values, its caller. */
function rowIsRequest(
  row: AccessRow,
  request: AuthorizationRequest,
  ownResource: boolean,
  notSent: (request: AuthorizationRequest, key: string) => boolean,
): boolean {
  if (row.action.toLowerCase() !== request.action.toLowerCase()) return false;
  if (row.notResource !== undefined) return false;
  if (row.resource !== request.resource && !(ownResource && row.resource === '*')) return false;
  if (row.principal !== undefined) {
    const grantee = request.sessionIssuer ?? request.principal;
    if (row.principal !== grantee && row.principal !== request.principal) return false;
  }
  // a key AWS never sends with this check's resource type has no value in AWS: the row's values of it
  // are never met there (RunInstances sends `ec2:InstanceType` with the instance, not the subnet)
  return Object.entries(row.conditions).every(
    ([key, values]) =>
      notSent(request, key) || values.every((value) => sameValue(value, contextValue(request, key))),
  );
}

function contextValue(request: AuthorizationRequest, key: string): ContextValue | null {
  return contextValueOf(request.context, key) ?? null;
}

function sameValue(tested: ConditionValue, sent: ContextValue | null): boolean {
  if (tested === null || sent === null) return tested === sent;
  const a = typeof tested === 'string' ? [tested] : [...tested];
  const b = typeof sent === 'string' ? [sent] : [...sent];
  return a.length === b.length && a.every((v) => b.includes(v));
}

/**
 * Both documents with one Allow per distinct Deny statement of either (same `Action`/`NotAction` and
 * `Resource`/`NotResource`, no condition), so that what a changed Deny stops denying shows as new
 * access; `null` when neither has a Deny, `'too-broad'` when a Deny spans every service (a region
 * guard on `*` or a `NotAction` list): its new access is every action of the catalog, tens of
 * thousands of rows that say no more than the probes' "other actions" do.
 */
function withAllowUnderDenies(
  before: unknown,
  after: unknown,
  layer: CompareLayer,
): [unknown, unknown] | 'too-broad' | null {
  const denies = [...statementsOf(before), ...statementsOf(after)].filter((s) => s.Effect === 'Deny');
  if (denies.length === 0) return null;
  if (denies.some(everyService)) return 'too-broad';
  const seen = new Set<string>();
  const allows: Record<string, unknown>[] = [];
  for (const deny of denies) {
    const allow: Record<string, unknown> = { Effect: 'Allow' };
    if (layer === 'resource') allow.Principal = deny.Principal ?? '*';
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (deny[k] !== undefined) allow[k] = deny[k];
    }
    if (allow.Resource === undefined && allow.NotResource === undefined) allow.Resource = '*';
    const key = JSON.stringify(allow);
    if (!seen.has(key)) {
      seen.add(key);
      allows.push(allow);
    }
  }
  const add = (document: unknown) => {
    const record = document as Record<string, unknown>;
    return { ...record, Statement: [...allows, ...statementsOf(document)] };
  };
  return [add(before), add(after)];
}

function statementsOf(document: unknown): Record<string, unknown>[] {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as Record<string, unknown>).Statement;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
}

/** Whether a statement names every service: `NotAction`, or an `Action` entry of `*` (or `*:*`). */
function everyService(statement: Record<string, unknown>): boolean {
  if (statement.NotAction !== undefined) return true;
  const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
  return actions.some((a) => typeof a === 'string' && /^\*(:\*)?$/.test(a));
}
