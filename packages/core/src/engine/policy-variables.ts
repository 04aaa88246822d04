import type { WildcardPart } from '../matching/wildcard.js';
import type { RequestContext } from './request-context.js';

/**
 * A piece of a string that may hold policy variables: plain policy text (whose `*` and `?` are
 * wildcards where the element allows them), a variable, or a literal from `${*}`, `${?}`, `${$}`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | {
      readonly kind: 'variable';
      readonly key: string;
      readonly keyLower: string;
      readonly fallback: string | null;
    };

/** A parsed string with policy variables. */
export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
}

const SPECIAL: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/**
 * Parses `${key}`, `${key, 'default'}` and the special `${*}`, `${?}`, `${$}` in `text`. Returns
 * `undefined` when the text holds no variable (so callers keep their fast constant path). Text
 * that only looks like a variable (no closing brace) stays plain text.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function parseTemplate(text: string): Template | undefined {
  if (!text.includes('${')) return undefined;
  const parts: TemplatePart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    plain += text.slice(i, open);
    const body = text.slice(open + 2, close);
    const special = SPECIAL[body];
    if (plain.length > 0) {
      parts.push({ kind: 'text', text: plain });
      plain = '';
    }
    if (special !== undefined) {
      parts.push({ kind: 'literal', text: special });
    } else {
      parts.push(parseVariable(body));
    }
    i = close + 1;
  }
  plain += text.slice(i);
  if (plain.length > 0) parts.push({ kind: 'text', text: plain });
  if (!parts.some((p) => p.kind !== 'text')) return undefined;
  return { source: text, parts };
}

function parseVariable(body: string): TemplatePart {
  const comma = body.indexOf(',');
  if (comma >= 0) {
    const key = body.slice(0, comma).trim();
    const rest = body.slice(comma + 1).trim();
    if (rest.length >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
      return { kind: 'variable', key, keyLower: key.toLowerCase(), fallback: rest.slice(1, -1) };
    }
  }
  const key = body.trim();
  return { kind: 'variable', key, keyLower: key.toLowerCase(), fallback: null };
}

/**
 * Substitutes the variables of `template` from `context`. Only single-valued keys can be used; an
 * absent (or multivalued) key takes its default, and without a default the template cannot be
 * resolved: `undefined`, and "any attempt to match it fails" (VARS).
 */
export function resolveTemplate(template: Template, context: RequestContext): WildcardPart[] | undefined {
  const out: WildcardPart[] = [];
  for (const part of template.parts) {
    if (part.kind !== 'variable') {
      out.push(part);
      continue;
    }
    const entry = context.get(part.keyLower);
    const value = entry && !entry.multi && entry.values.length === 1 ? entry.values[0] : undefined;
    const resolved = value ?? part.fallback;
    if (resolved === null || resolved === undefined) return undefined;
    out.push({ kind: 'literal', text: resolved });
  }
  return out;
}

/**
 * The values `template`'s variables take in `context`, as one string that is equal for two contexts
 * exactly when {@link resolveTemplate} gives equal parts (the template's own text is fixed): a cache
 * key built without resolving. `undefined` when the template cannot be resolved.
 */
export function templateValuesKey(template: Template, context: RequestContext): string | undefined {
  let key = '';
  let count = 0;
  for (const part of template.parts) {
    if (part.kind !== 'variable') continue;
    const entry = context.get(part.keyLower);
    const value = entry && !entry.multi && entry.values.length === 1 ? entry.values[0] : undefined;
    const resolved = value ?? part.fallback;
    if (resolved === null || resolved === undefined) return undefined;
    // one value is its own key; several are each prefixed with their length, so none can collide
    key =
      count === 0 ? resolved : `${count === 1 ? `${key.length}:${key}` : key}${resolved.length}:${resolved}`;
    count++;
  }
  return key;
}

/** Joins resolved parts into the plain string they stand for (wildcards kept as characters). */
export function joinParts(parts: readonly WildcardPart[]): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'star') out += '*';
    else if (part.kind === 'any-char') out += '?';
    else out += part.text;
  }
  return out;
}
