import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { decodePolicyText, type PolicyKind, parsePolicy, pointerSegment } from '../policy/parse-policy.js';

/** A JSON object as read from an evidence file. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** Options of the evidence readers. */
export interface ReadOptions {
  /** Whether each policy document is checked against the policy grammar (default `true`). */
  readonly checkGrammar?: boolean;
}

/** True for a plain JSON object (not an array, not `null`). */
export const isRecord: (value: unknown) => value is RawRecord = isJsonObject;

/** `base` + `/key`, with the key escaped as RFC 6901 requires. */
export function childPointer(base: string, key: string | number): string {
  return `${base}/${pointerSegment(key)}`;
}

/**
 * Validates raw evidence files field by field, collecting diagnostics with JSON pointers instead of
 * stopping at the first problem. Unknown fields are never reported: AWS adds fields over time.
 */
export class RawReader {
  readonly diagnostics: Diagnostic[] = [];

  /**
   * @param checkGrammar whether {@link RawReader.document} checks each document against the policy
   * grammar; lint turns it off to report grammar errors as findings, one policy at a time
   */
  constructor(
    private readonly codePrefix: string,
    private readonly checkGrammar = true,
  ) {}

  /** Records an error at `path` and returns `undefined`, so that callers can `return r.fail(...)`. */
  fail(path: string, message: string, code = 'invalid', help?: string): undefined {
    const diagnostic: Diagnostic = {
      code: `${this.codePrefix}-${code}`,
      severity: 'error',
      message,
      path,
      ...(help === undefined ? {} : { help }),
    };
    this.diagnostics.push(diagnostic);
    return undefined;
  }

  /** The object at `path`, or a diagnostic naming `what` it should have been. */
  record(value: unknown, path: string, what: string): RawRecord | undefined {
    if (isRecord(value)) return value;
    return this.fail(path, `${what} must be an object`);
  }

  /** A required non-empty string field. */
  string(parent: RawRecord, key: string, path: string): string | undefined {
    const value = parent[key];
    const at = childPointer(path, key);
    if (value === undefined) return this.fail(at, `\`${key}\` is missing`);
    if (typeof value !== 'string' || value === '')
      return this.fail(at, `\`${key}\` must be a non-empty string`);
    return value;
  }

  /** An optional string field: `null` when absent, a diagnostic when present with another type. */
  optionalString(parent: RawRecord, key: string, path: string): string | null {
    const value = parent[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    this.fail(childPointer(path, key), `\`${key}\` must be a string`);
    return null;
  }

  /** An optional boolean field. */
  optionalBoolean(parent: RawRecord, key: string, path: string): boolean | null {
    const value = parent[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value;
    this.fail(childPointer(path, key), `\`${key}\` must be a boolean`);
    return null;
  }

  /** An optional list field, with the pointer of each item: `[]` when absent. */
  list(parent: RawRecord, key: string, path: string): { item: unknown; path: string }[] {
    const value = parent[key];
    const at = childPointer(path, key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(at, `\`${key}\` must be a list`);
      return [];
    }
    return value.map((item, i) => ({ item, path: childPointer(at, i) }));
  }

  /** An optional list of strings: `[]` when absent; items of other types are reported and dropped. */
  strings(parent: RawRecord, key: string, path: string): string[] {
    const out: string[] = [];
    for (const { item, path: at } of this.list(parent, key, path)) {
      if (typeof item === 'string' && item !== '') out.push(item);
      else this.fail(at, `every item of \`${key}\` must be a non-empty string`);
    }
    return out;
  }

  /**
   * A policy document given as an object, as JSON text, or as the URL-encoded JSON text the IAM API
   * returns; decoded to its JSON object and checked against the policy grammar (as a `kind` policy when
   * given), so that a malformed document is reported here instead of being left out later.
   *
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
   */
  document(value: unknown, path: string, kind?: PolicyKind): RawRecord | undefined {
    let document: unknown = value;
    if (typeof value === 'string') {
      const text = decodePolicyText(value);
      if (text === undefined) {
        return this.fail(path, 'the policy document is not valid URL-encoded text', 'document');
      }
      const parsed = parseJson(text);
      if (!parsed.ok) {
        return this.fail(
          path,
          `the policy document is not valid JSON: ${parsed.diagnostics.map((d) => d.message).join('; ')}`,
          'document',
          'a document is either a JSON object, its JSON text, or that text URL-encoded as the IAM API returns it',
        );
      }
      document = parsed.value;
    } else if (!isRecord(value)) {
      return this.fail(path, 'a policy document must be an object or a JSON string', 'document');
    }
    if (!isRecord(document)) return this.fail(path, 'a policy document must be a JSON object', 'document');
    if (!this.checkGrammar) return document;
    const grammar = parsePolicy(document, kind === undefined ? {} : { kind });
    if (!grammar.ok) {
      const embedded = typeof value === 'string';
      for (const d of grammar.diagnostics) {
        // inside a string there are no positions: point at the string, and say where in the document
        this.diagnostics.push(
          embedded
            ? { ...d, path, message: `${d.message} (at \`${d.path || '/'}\` of the policy text)` }
            : { ...d, path: `${path}${d.path}` },
        );
      }
      return undefined;
    }
    return document;
  }
}
