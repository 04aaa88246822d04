import type { Catalog, CatalogSnapshot } from '../catalog/catalog.js';
import type { ActionInfo, ServiceInfo } from '../catalog/service-info.js';
import type { PolicyDocument } from '../policy/policy-model.js';

/**
 * The actions a comparison tests: every catalog action that a statement of either policy can match
 * (`s3:Get*` and `*` are expanded through the catalog; `NotAction` matches every catalog action it
 * does not list), plus the actions the policies name that the catalog does not know.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */

/** One action to test. */
export interface ActionPoint {
  /** `service:Name` as the catalog spells it, or as the policy wrote it when the catalog lacks it. */
  readonly name: string;
  readonly lower: string;
  readonly service: string;
  /** `null` for an action the catalog does not know. */
  readonly info: ActionInfo | null;
  readonly serviceInfo: ServiceInfo | null;
}

/** The tested actions, the catalog view they came from, and the named actions it does not know. */
export interface ActionSpace {
  readonly actions: readonly ActionPoint[];
  readonly snapshot: CatalogSnapshot;
  /** Actions the policies name that the catalog does not know, as written. */
  readonly unknown: readonly string[];
  /** Wildcard action patterns of services the catalog does not know, as written. */
  readonly unknownServices: readonly string[];
}

const servicePoints = new WeakMap<ServiceInfo, Map<ActionInfo, ActionPoint>>();
const everyActions = new WeakMap<Catalog, readonly ActionPoint[]>();

function byName(a: ActionPoint, b: ActionPoint): number {
  return a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0;
}

/** Every action of every service of the catalog, sorted, built once per catalog. */
function everyAction(
  catalog: Catalog,
  snapshot: CatalogSnapshot,
  prefixes: readonly string[],
): readonly ActionPoint[] {
  let list = everyActions.get(catalog);
  if (list === undefined) {
    const points = new Map<string, ActionPoint>();
    for (const prefix of prefixes) {
      const serviceInfo = snapshot.service(prefix);
      if (serviceInfo === null) continue;
      for (const point of pointsOf(serviceInfo).values())
        if (!points.has(point.lower)) points.set(point.lower, point);
    }
    list = [...points.values()].sort(byName);
    everyActions.set(catalog, list);
  }
  return list;
}

/** The action points of a service, built once per loaded service. */
function pointsOf(serviceInfo: ServiceInfo): Map<ActionInfo, ActionPoint> {
  let points = servicePoints.get(serviceInfo);
  if (points === undefined) {
    points = new Map(
      serviceInfo.actions().map((info) => [
        info,
        {
          name: info.fullName,
          lower: info.fullName.toLowerCase(),
          service: serviceInfo.prefix,
          info,
          serviceInfo,
        },
      ]),
    );
    servicePoints.set(serviceInfo, points);
  }
  return points;
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * Loads the services the policies can reach and lists every action to test: the actions of the
 * statements whose effect can make a difference (`Allow` where access needs an allow, `Deny` in an
 * RCP, which allows what it does not deny). A `Deny` with `NotAction` elsewhere only narrows what
 * those actions get, so it does not load every service.
 */
export async function actionSpace(
  documents: readonly PolicyDocument[],
  catalog: Catalog,
  deciding: 'Allow' | 'Deny',
): Promise<ActionSpace> {
  const statements = documents.flatMap((d) => d.statements).filter((s) => s.effect === deciding);
  let everyService = false;
  const prefixes = new Set<string>();
  for (const s of statements) {
    if (s.action.negated) everyService = true;
    for (const { value } of s.action.values) {
      const colon = value.indexOf(':');
      const prefix = colon < 0 ? value : value.slice(0, colon);
      if (colon < 0 || hasWildcard(prefix)) everyService = true;
      else prefixes.add(prefix);
    }
  }
  const wanted = everyService ? (await catalog.services()).map((s) => s.prefix.toLowerCase()) : [...prefixes];
  const snapshot = await catalog.snapshot(wanted);
  const byLower = new Map<string, ActionPoint>();
  const add = (serviceInfo: ServiceInfo, info: ActionInfo) => {
    const point = pointsOf(serviceInfo).get(info);
    if (point !== undefined && !byLower.has(point.lower)) byLower.set(point.lower, point);
  };
  const every = everyService ? everyAction(catalog, snapshot, wanted) : null;
  const unknown: string[] = [];
  const unknownServices: string[] = [];
  for (const s of statements) {
    for (const { value, raw } of s.action.values) {
      const colon = value.indexOf(':');
      if (colon < 0) continue;
      const serviceInfo = snapshot.service(value.slice(0, colon));
      const found = serviceInfo === null ? null : snapshot.matchActions(value);
      if (every === null) for (const info of found ?? []) add(serviceInfo as ServiceInfo, info);
      if ((found === null || found.length === 0) && !hasWildcard(value) && !byLower.has(value)) {
        byLower.set(value, {
          name: raw,
          lower: value,
          service: value.slice(0, colon),
          info: null,
          serviceInfo,
        });
        unknown.push(raw);
      }
      if (
        serviceInfo === null &&
        !hasWildcard(value.slice(0, colon)) &&
        hasWildcard(value) &&
        !unknownServices.includes(raw)
      )
        unknownServices.push(raw);
    }
  }
  const actions =
    every !== null && byLower.size === 0 ? every : [...(every ?? []), ...byLower.values()].sort(byName);
  return { actions, snapshot, unknown, unknownServices };
}

/**
 * Whether a request for `action` can carry `key`: global keys (`aws:`) always can; a key of another
 * service the catalog knows never does; a key of the action's own service when the catalog lists it
 * for the action or one of its resource types. Keys of services the catalog does not know may be sent.
 */
export function actionSendsKey(action: ActionPoint, key: string, snapshot: CatalogSnapshot): boolean {
  const colon = key.indexOf(':');
  if (colon < 0) return true;
  const prefix = key.slice(0, colon).toLowerCase();
  if (prefix === 'aws' || action.info === null || action.serviceInfo === null) return true;
  if (prefix !== action.service) return !snapshot.hasService(prefix);
  return action.serviceInfo.actionSupportsKey(action.info, key);
}
