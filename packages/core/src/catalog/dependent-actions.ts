/**
 * Dependent actions of one service, keyed by lower-cased action name: the actions listed for the
 * action itself and for each of its resource types (keyed by the type name as the data writes it).
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export type ServiceDependentActions = Readonly<
  Record<
    string,
    {
      readonly actions?: readonly string[];
      readonly resourceTypes?: Readonly<Record<string, readonly string[]>>;
    }
  >
>;

let loaded: Promise<Readonly<Record<string, ServiceDependentActions>>> | undefined;

/**
 * Loads the generated dependent-actions table (`data/dependent-actions.json`, see `data/PROVENANCE.md`)
 * on first use; a bundler may put it in its own chunk.
 */
export function loadDependentActions(): Promise<Readonly<Record<string, ServiceDependentActions>>> {
  loaded ??= import('./data/dependent-actions.json', { with: { type: 'json' } }).then(
    (module) => module.default as Readonly<Record<string, ServiceDependentActions>>,
  );
  return loaded;
}
