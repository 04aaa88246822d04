/**
 * An empty object to use as a map keyed by user text (context keys, tag keys, parameter names): it
 * has no prototype, so a key named `__proto__`, `constructor` or `toString` is only a key, never an
 * inherited member or a prototype to replace.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
