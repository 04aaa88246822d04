import { compileConditionKeyTemplate } from './condition-key-template.js';
import type { ConditionKeyInfo } from './service-info.js';

interface GlobalKeyFile {
  readonly keys: readonly { readonly key: string; readonly type: string }[];
}

/** Looks up global condition keys by name (case-insensitive, tag keys by their prefix). */
export interface GlobalConditionKeys {
  find(name: string): ConditionKeyInfo | null;
  all(): readonly ConditionKeyInfo[];
}

let loaded: Promise<GlobalConditionKeys> | undefined;

/**
 * Loads the global condition keys (`data/global-condition-keys.json`, see `data/PROVENANCE.md`) on
 * first use. These keys may be present in any request, whatever the action.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function loadGlobalConditionKeys(): Promise<GlobalConditionKeys> {
  loaded ??= import('./data/global-condition-keys.json', { with: { type: 'json' } }).then((module) =>
    indexGlobalKeys((module.default as GlobalKeyFile).keys),
  );
  return loaded;
}

function indexGlobalKeys(raw: GlobalKeyFile['keys']): GlobalConditionKeys {
  const keys = raw.map((k) => ({
    info: { key: k.key, type: k.type, multiValued: k.type.startsWith('ArrayOf'), global: true },
    template: compileConditionKeyTemplate(k.key),
  }));
  return {
    find: (name) => keys.find((k) => k.template.matches(name))?.info ?? null,
    all: () => keys.map((k) => k.info),
  };
}
