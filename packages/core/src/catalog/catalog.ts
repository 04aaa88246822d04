import type { CatalogSource, RawServiceName } from './catalog-source.js';
import { loadDependentActions } from './dependent-actions.js';
import { type GlobalConditionKeys, loadGlobalConditionKeys } from './global-condition-keys.js';
import { actionForOperation } from './operations.js';
import {
  type ActionInfo,
  buildServiceInfo,
  type ConditionKeyInfo,
  type ServiceInfo,
} from './service-info.js';
import { suggest } from './suggest.js';

/**
 * A synchronous view of the catalog over the services loaded so far. Lint rules run on one, so that
 * the rules themselves stay synchronous and the loading happens once, up front.
 */
export interface CatalogSnapshot {
  /** Every service prefix of the data, lower-case. */
  readonly servicePrefixes: readonly string[];
  /** Whether the data knows this service prefix (case-insensitive), loaded or not. */
  hasService(prefix: string): boolean;
  /** The service's data; `null` when the data has no such service or it was not loaded. */
  service(prefix: string): ServiceInfo | null;
  /** `service:Action` (case-insensitive), or `null`. */
  action(fullName: string): ActionInfo | null;
  /**
   * The actions an action pattern (`ec2:Describe*`, `ec2:RunInstances`) matches among loaded services;
   * `null` when its service part has a wildcard or its service is unknown or not loaded.
   */
  matchActions(pattern: string): readonly ActionInfo[] | null;
  /** A global condition key (`aws:SourceIp`, `aws:PrincipalTag/team`), or `null`. */
  globalConditionKey(name: string): ConditionKeyInfo | null;
  /** Known service prefixes close to a mistyped one. */
  suggestServices(prefix: string): string[];
  /** Action names of a loaded service close to a mistyped one (as `service:Name`). */
  suggestActions(service: string, name: string): string[];
  /** Services that support resource control policies, or `null` when the data does not say. */
  readonly rcpSupportedServices: readonly string[] | null;
}

/**
 * The catalog of AWS services, actions, resource types and condition keys, over an injected
 * {@link CatalogSource}. Each service is loaded once, on first use, and cached.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export interface Catalog {
  /** Every service prefix and display name. */
  services(): Promise<readonly RawServiceName[]>;
  hasService(prefix: string): Promise<boolean>;
  service(prefix: string): Promise<ServiceInfo | null>;
  /** `service:Action` (case-insensitive), or `null` when unknown. */
  action(fullName: string): Promise<ActionInfo | null>;
  /** A condition key, global or of the service its prefix names; `null` when unknown. */
  conditionKey(name: string): Promise<ConditionKeyInfo | null>;
  /**
   * The services that have an action of this name (case-insensitive). Loads every service the first
   * time: meant for refining an error whose operation the curated table does not know.
   */
  servicesWithAction(actionName: string): Promise<readonly string[]>;
  /**
   * The action an API operation of `service` is authorised as: the curated table's mapping where it
   * has one, else the action of the same name when the service has it, else `null`.
   */
  actionForOperation(service: string, operation: string): Promise<ActionInfo | null>;
  /** Loads these services (unknown ones are skipped) and returns a synchronous view. */
  snapshot(prefixes: Iterable<string>): Promise<CatalogSnapshot>;
}

/** Creates a {@link Catalog} that reads from `source`. */
export function createCatalog(source: CatalogSource): Catalog {
  const services = new Map<string, Promise<ServiceInfo | null>>();
  let names: Promise<readonly RawServiceName[]> | undefined;
  let prefixSet: Promise<Map<string, string>> | undefined;
  let rcp: Promise<readonly string[] | null> | undefined;
  let actionIndex: Promise<Map<string, string[]>> | undefined;

  const serviceNames = () => {
    names ??= source.serviceNames();
    return names;
  };
  const known = () => {
    prefixSet ??= serviceNames().then((list) => new Map(list.map((s) => [s.prefix.toLowerCase(), s.name])));
    return prefixSet;
  };
  const service = (prefix: string): Promise<ServiceInfo | null> => {
    const key = prefix.toLowerCase();
    let entry = services.get(key);
    if (entry === undefined) {
      entry = (async () => {
        const display = (await known()).get(key);
        if (display === undefined) return null;
        const [raw, dependents] = await Promise.all([source.loadService(key), loadDependentActions()]);
        return raw === null ? null : buildServiceInfo(key, display, raw, dependents[key]);
      })();
      services.set(key, entry);
    }
    return entry;
  };
  const action = async (fullName: string) => {
    const colon = fullName.indexOf(':');
    if (colon < 0) return null;
    return (await service(fullName.slice(0, colon)))?.action(fullName.slice(colon + 1)) ?? null;
  };

  return {
    services: serviceNames,
    hasService: async (prefix) => (await known()).has(prefix.toLowerCase()),
    service,
    action,
    async conditionKey(name) {
      const global = (await loadGlobalConditionKeys()).find(name);
      if (global !== null) return global;
      const colon = name.indexOf(':');
      if (colon < 0) return null;
      return (await service(name.slice(0, colon)))?.conditionKey(name) ?? null;
    },
    async servicesWithAction(actionName) {
      actionIndex ??= (async () => {
        const index = new Map<string, string[]>();
        for (const { prefix } of await serviceNames()) {
          for (const a of (await service(prefix))?.actions() ?? []) {
            const key = a.name.toLowerCase();
            index.set(key, [...(index.get(key) ?? []), prefix]);
          }
        }
        return index;
      })();
      return (await actionIndex).get(actionName.toLowerCase()) ?? [];
    },
    async actionForOperation(serviceName, operation) {
      return action(actionForOperation(serviceName.toLowerCase(), operation).action);
    },
    async snapshot(prefixes) {
      const wanted = [...new Set([...prefixes].map((p) => p.toLowerCase()))];
      rcp ??= source.rcpSupportedServices();
      const [prefixMap, loadedList, globals, rcpList] = await Promise.all([
        known(),
        Promise.all(wanted.map(service)),
        loadGlobalConditionKeys(),
        rcp,
      ]);
      const loaded = new Map<string, ServiceInfo>();
      for (const info of loadedList) if (info !== null) loaded.set(info.prefix, info);
      return createSnapshot([...prefixMap.keys()], loaded, globals, rcpList);
    },
  };
}

function createSnapshot(
  servicePrefixes: readonly string[],
  loaded: ReadonlyMap<string, ServiceInfo>,
  globals: GlobalConditionKeys,
  rcpSupportedServices: readonly string[] | null,
): CatalogSnapshot {
  const prefixes = new Set(servicePrefixes);
  const service = (prefix: string) => loaded.get(prefix.toLowerCase()) ?? null;
  return {
    servicePrefixes,
    hasService: (prefix) => prefixes.has(prefix.toLowerCase()),
    service,
    action(fullName) {
      const colon = fullName.indexOf(':');
      if (colon < 0) return null;
      return service(fullName.slice(0, colon))?.action(fullName.slice(colon + 1)) ?? null;
    },
    matchActions(pattern) {
      const colon = pattern.indexOf(':');
      if (colon < 0) return null;
      const prefix = pattern.slice(0, colon);
      if (prefix.includes('*') || prefix.includes('?')) return null;
      return service(prefix)?.matchActions(pattern.slice(colon + 1)) ?? null;
    },
    globalConditionKey: (name) => globals.find(name),
    suggestServices: (prefix) => suggest(prefix, servicePrefixes),
    suggestActions(prefix, name) {
      const info = service(prefix);
      if (info === null) return [];
      return suggest(
        name,
        info.actions().map((a) => a.name),
      ).map((n) => `${info.prefix}:${n}`);
    },
    rcpSupportedServices,
  };
}
