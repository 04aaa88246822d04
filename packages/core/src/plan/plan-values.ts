/**
 * One planned resource's attribute values as Terraform writes them in a plan: `after` holds the known
 * values, `after_unknown` mirrors it with `true` where a value is known only after apply. A value read
 * here is known, unknown (never taken for absent) or absent.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */
import { isJsonObject } from '../json/is-json-object.js';

/** A path into the attribute values: attribute names and list positions. */
export type AttributePath = readonly (string | number)[];

/** The planned values of one resource change, read attribute by attribute. */
export class PlannedValues {
  readonly #after: unknown;
  readonly #unknown: unknown;
  readonly #unknownRead = new Set<string>();

  constructor(after: unknown, afterUnknown: unknown) {
    this.#after = after;
    this.#unknown = afterUnknown;
  }

  /** Whether the value at `path` is known only after apply (and records it as read). */
  isUnknown(path: AttributePath): boolean {
    let node: unknown = this.#unknown;
    for (const part of path) {
      if (node === true) break;
      node = step(node, part);
    }
    const unknown = node === true;
    if (unknown) this.#unknownRead.add(dotted(path));
    return unknown;
  }

  /** The known value at `path`; `undefined` when unknown at plan time or absent. */
  value(path: AttributePath): unknown {
    if (this.isUnknown(path)) return undefined;
    let node: unknown = this.#after;
    for (const part of path) node = step(node, part);
    return node === null ? undefined : node;
  }

  /** A known non-empty string. */
  string(path: AttributePath): string | undefined {
    const value = this.value(path);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  /** A known list of strings (a set in Terraform's schema); `undefined` when any item is unknown. */
  strings(path: AttributePath): readonly string[] | undefined {
    const value = this.value(path);
    if (!Array.isArray(value)) return undefined;
    if (value.some((_, i) => this.isUnknown([...path, i]))) return undefined;
    return value.every((v): v is string => typeof v === 'string') ? value : undefined;
  }

  /** A known boolean. */
  boolean(path: AttributePath): boolean | undefined {
    const value = this.value(path);
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A known number. */
  number(path: AttributePath): number | undefined {
    const value = this.value(path);
    return typeof value === 'number' ? value : undefined;
  }

  /** How many items the list at `path` has when known (a nested block), else 0. */
  count(path: AttributePath): number {
    const value = this.value(path);
    return Array.isArray(value) ? value.length : 0;
  }

  /** Known tags (`tags`, a string map); `undefined` when unknown or when some value is unknown. */
  tags(path: AttributePath = ['tags']): Readonly<Record<string, string>> | undefined {
    const value = this.value(path);
    if (!isJsonObject(value)) return undefined;
    const keys = Object.keys(value);
    if (keys.some((k) => this.isUnknown([...path, k]))) return undefined;
    if (!keys.every((k) => typeof value[k] === 'string')) return undefined;
    return keys.length === 0 ? undefined : (value as Record<string, string>);
  }

  /** The attributes read so far that are known only after apply, as dotted paths. */
  unknownRead(): readonly string[] {
    return [...this.#unknownRead];
  }
}

function step(node: unknown, part: string | number): unknown {
  if (typeof part === 'number') return Array.isArray(node) ? node[part] : undefined;
  return isJsonObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
}

function dotted(path: AttributePath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replaceAll('.[', '[');
}
