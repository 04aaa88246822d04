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

/** Loads the services the policies can reach and lists every action to test. */
export async function actionSpace(
  documents: readonly PolicyDocument[],
  catalog: Catalog,
): Promise<ActionSpace> {
  const statements = documents.flatMap((d) => d.statements);
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
  if (everyService) {
    for (const prefix of wanted) {
      const serviceInfo = snapshot.service(prefix);
      if (serviceInfo === null) continue;
      for (const point of pointsOf(serviceInfo).values())
        if (!byLower.has(point.lower)) byLower.set(point.lower, point);
    }
  }
  const unknown: string[] = [];
  const unknownServices: string[] = [];
  for (const s of statements) {
    for (const { value, raw } of s.action.values) {
      const colon = value.indexOf(':');
      if (colon < 0) continue;
      const serviceInfo = snapshot.service(value.slice(0, colon));
      const found = serviceInfo === null ? null : snapshot.matchActions(value);
      for (const info of found ?? []) add(serviceInfo as ServiceInfo, info);
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
  const actions = [...byLower.values()].sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
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
