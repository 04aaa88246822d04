import { dictionary } from '../json/dictionary.js';
import { isJsonObject } from '../json/is-json-object.js';
import type { CallNote } from './call-model.js';

/**
 * Reads request parameters given as raw input. Each getter validates the shape it expects; a value
 * of the wrong shape is ignored with a `parameter-ignored` note, and {@link ParameterReader.finish}
 * reports keys no getter asked for, so nothing a user supplied disappears without a word.
 */
export class ParameterReader {
  readonly #values: Readonly<Record<string, unknown>>;
  readonly #path: string;
  readonly #notes: CallNote[];
  readonly #read = new Set<string>();
  readonly #children: ParameterReader[] = [];

  constructor(values: unknown, notes: CallNote[], path = '') {
    this.#notes = notes;
    this.#path = path;
    this.#values = isJsonObject(values) ? values : {};
    if (values !== undefined && !isJsonObject(values)) this.#ignored('', 'an object');
  }

  /** Whether the key is present (and marks it read). */
  has(name: string): boolean {
    this.#read.add(name);
    return this.#values[name] !== undefined && this.#values[name] !== null;
  }

  /** A non-empty string. */
  string(name: string): string | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value !== '') return value;
    return this.#ignored(name, 'a non-empty string');
  }

  /** A list of non-empty strings; a single string is taken as a list of one. */
  strings(name: string): readonly string[] | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    const list = Array.isArray(value) ? value : [value];
    if (list.every((v): v is string => typeof v === 'string' && v !== '')) return list;
    return this.#ignored(name, 'a list of strings');
  }

  /** A boolean; the strings `true` and `false` are accepted as well. */
  boolean(name: string): boolean | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.#ignored(name, 'a boolean');
  }

  /** A finite number, or a string holding one; returned as the decimal string context keys carry. */
  numeric(name: string): string | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      return value.trim();
    return this.#ignored(name, 'a number');
  }

  /** The raw value of a parameter, unvalidated, for rules that re-read it in another shape. */
  raw(name: string): unknown {
    return this.#take(name);
  }

  /** A nested object, read by its own reader. */
  object(name: string): ParameterReader | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) return this.#ignored(name, 'an object');
    return this.#child(value, name);
  }

  /** A list of objects; a single object is taken as a list of one. */
  objects(name: string): readonly ParameterReader[] {
    const value = this.#take(name);
    if (value === undefined) return [];
    const list = Array.isArray(value) ? value : [value];
    if (!list.every(isJsonObject)) {
      this.#ignored(name, 'a list of objects');
      return [];
    }
    return list.map((item, i) => this.#child(item, `${name}/${i}`));
  }

  /**
   * Tags, as a `{ key: value }` map or as the SDK's `[{ key, value }]` list; `undefined` when the
   * parameter is absent.
   */
  tags(name: string): Readonly<Record<string, string>> | undefined {
    const value = this.#take(name);
    if (value === undefined) return undefined;
    if (isJsonObject(value) && Object.values(value).every((v) => typeof v === 'string')) {
      return value as Record<string, string>;
    }
    if (Array.isArray(value)) {
      const tags = dictionary<string>();
      for (const item of value) {
        if (!isJsonObject(item)) return this.#ignored(name, 'tags');
        const key = item.key ?? item.Key;
        const tagValue = item.value ?? item.Value ?? '';
        if (typeof key !== 'string' || typeof tagValue !== 'string') return this.#ignored(name, 'tags');
        tags[key] = tagValue;
      }
      return tags;
    }
    return this.#ignored(name, 'tags');
  }

  /** Adds a `parameter-unused` note for every key no getter asked for, here and in nested readers. */
  finish(): void {
    for (const key of Object.keys(this.#values)) {
      if (!this.#read.has(key)) {
        this.#notes.push({
          code: 'parameter-unused',
          message: `parameter \`${this.#where(key)}\` is not used to work out the checks`,
        });
      }
    }
    for (const child of this.#children) child.finish();
  }

  #take(name: string): unknown {
    this.#read.add(name);
    const value = this.#values[name];
    return value === null ? undefined : value;
  }

  #child(value: Record<string, unknown>, name: string): ParameterReader {
    const child = new ParameterReader(value, this.#notes, this.#where(name));
    this.#children.push(child);
    return child;
  }

  #where(name: string): string {
    return this.#path === '' ? name : name === '' ? this.#path : `${this.#path}/${name}`;
  }

  #ignored(name: string, expected: string): undefined {
    this.#notes.push({
      code: 'parameter-ignored',
      message: `parameter \`${this.#where(name) || '(parameters)'}\` is not ${expected} and was ignored`,
    });
    return undefined;
  }
}
