import { compileWildcard, type WildcardMatcher, type WildcardPart } from '../matching/wildcard.js';

/**
 * Whether a `Resource` pattern of a policy can match any ARN of a resource type, given the type's
 * ARN format from the Service Authorization Reference (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
 *
 * Both sides are patterns: the policy's `*`/`?` and policy variables, the format's `${Placeholder}`s.
 * Like IAM's own matching, the six ARN segments are compared one by one (a policy pattern with fewer
 * than six segments whose last segment ends in `*` lets that `*` run past the colons). A placeholder
 * matches any text, except those that cannot hold a `/` or `:` (partition, region, account, bucket
 * name). When the policy segment has no wildcard, the project's linear wildcard matcher decides;
 * otherwise a product-automaton walk over the two token lists does, in time proportional to the
 * product of their lengths. No RegExp is ever built from either side.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export function arnPatternMatchesFormat(pattern: string, format: string): boolean {
  if (pattern === '*') return true;
  // one pattern is tried against many formats in a row, and the catalog has few formats: each is
  // split once (lint of a long policy split them again for every statement and action)
  if (pattern !== lastPattern) {
    lastPattern = pattern;
    lastPolicy = segments(policyTokens(pattern));
  }
  const policy = lastPolicy;
  let data = formatSegments.get(format);
  if (data === undefined && !formatSegments.has(format)) {
    data = segments(formatTokens(format));
    formatSegments.set(format, data);
  }
  if (policy === undefined || data === undefined) return false;
  const tailAbsorbs = policy.length < 6 && isStar(policy[policy.length - 1]?.at(-1));
  if (policy.length < 6 && !tailAbsorbs) return false;
  for (let i = 0; i < policy.length; i++) {
    const isTail = tailAbsorbs && i === policy.length - 1;
    const theirs = isTail ? joinSegments(data.slice(i)) : data[i];
    const ours = policy[i];
    if (ours === undefined || theirs === undefined) return false;
    if (!segmentOverlaps(ours, theirs)) return false;
  }
  return true;
}

let lastPattern: string | undefined;
let lastPolicy: readonly (readonly ArnToken[])[] | undefined;
const formatSegments = new Map<string, readonly (readonly ArnToken[])[] | undefined>();

/** One token of a pattern: a literal character, `?`, a star, or a star that stays inside one path part. */
export type ArnToken =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'any' }
  | { readonly kind: 'part' };

/** Placeholders whose values never contain `/` or `:`. */
const NO_SEPARATOR_PLACEHOLDERS = new Set(['Partition', 'Region', 'Account', 'AccountId', 'BucketName']);

/** Tokens of a policy `Resource` pattern: `*`, `?`, policy variables (any text) and `${*}`-style escapes. */
export function policyTokens(pattern: string): ArnToken[] {
  const tokens: ArnToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '$' && pattern.charAt(i + 1) === '{') {
      const close = pattern.indexOf('}', i + 2);
      if (close > 0) {
        const name = pattern.slice(i + 2, close);
        if (name === '*' || name === '?' || name === '$') tokens.push({ kind: 'char', char: name });
        else tokens.push({ kind: 'any' });
        i = close;
        continue;
      }
    }
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** Tokens of a resource type's ARN format: each `${Placeholder}` is a star. */
export function formatTokens(format: string): ArnToken[] {
  const tokens: ArnToken[] = [];
  let start = 0;
  while (start < format.length) {
    const open = format.indexOf('${', start);
    const close = open < 0 ? -1 : format.indexOf('}', open + 2);
    const end = open < 0 || close < 0 ? format.length : open;
    for (let i = start; i < end; i++) {
      const c = format.charAt(i);
      tokens.push(c === '*' ? { kind: 'any' } : { kind: 'char', char: c });
    }
    if (end === format.length) break;
    const name = format.slice(open + 2, close);
    tokens.push({ kind: NO_SEPARATOR_PLACEHOLDERS.has(name) ? 'part' : 'any' });
    start = close + 1;
  }
  return tokens;
}

function isStar(token: ArnToken | undefined): boolean {
  return token?.kind === 'any' || token?.kind === 'part';
}

/** Splits tokens at the first five literal colons; `undefined` unless they start with `arn:`. */
function segments(tokens: readonly ArnToken[]): ArnToken[][] | undefined {
  const prefix = 'arn:';
  for (let i = 0; i < prefix.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'char' || t.char !== prefix.charAt(i)) return undefined;
  }
  const out: ArnToken[][] = [[]];
  for (const token of tokens.slice(prefix.length)) {
    if (token.kind === 'char' && token.char === ':' && out.length < 5) out.push([]);
    else (out[out.length - 1] as ArnToken[]).push(token);
  }
  // the `arn` segment itself was checked above; keep six segments like an ARN
  return [[{ kind: 'char', char: 'a' }], ...out];
}

function joinSegments(list: readonly (readonly ArnToken[])[]): ArnToken[] {
  const out: ArnToken[] = [];
  list.forEach((segment, i) => {
    if (i > 0) out.push({ kind: 'char', char: ':' });
    for (const token of segment) out.push(token);
  });
  return out;
}

const literalMatchers = new Map<string, WildcardMatcher | null>();

function segmentOverlaps(ours: readonly ArnToken[], theirs: readonly ArnToken[]): boolean {
  if (ours.every((t) => t.kind === 'char')) {
    const text = ours.map((t) => (t.kind === 'char' ? t.char : '')).join('');
    const matcher = formatMatcher(theirs);
    if (matcher !== null) return matcher.matches(text);
  }
  return tokensOverlap(ours, theirs);
}

/** The linear matcher for a format segment whose placeholders are all unrestricted stars, else `null`. */
function formatMatcher(theirs: readonly ArnToken[]): WildcardMatcher | null {
  const source = theirs.map((t) => (t.kind === 'char' ? t.char : `\u0000${t.kind}`)).join('');
  let matcher = literalMatchers.get(source);
  if (matcher === undefined) {
    matcher = theirs.some((t) => t.kind === 'part' || t.kind === 'one')
      ? null
      : compileWildcard(wildcardParts(theirs));
    literalMatchers.set(source, matcher);
  }
  return matcher;
}

/** Format tokens as wildcard parts: runs of characters are literal, each placeholder a star. */
function wildcardParts(tokens: readonly ArnToken[]): WildcardPart[] {
  const parts: WildcardPart[] = [];
  for (const token of tokens) {
    const last = parts[parts.length - 1];
    if (token.kind !== 'char') parts.push({ kind: 'star' });
    else if (last?.kind === 'literal')
      parts[parts.length - 1] = { kind: 'literal', text: last.text + token.char };
    else parts.push({ kind: 'literal', text: token.char });
  }
  return parts;
}

/**
 * Whether two token lists can produce a common string. `reach[i][j]` says the suffixes from `i` and
 * `j` can; it is filled from the end, so every cell is computed once.
 */
export function tokensOverlap(a: readonly ArnToken[], b: readonly ArnToken[]): boolean {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const reach = new Uint8Array((n + 1) * width);
  reach[n * width + m] = 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      const x = a[i];
      const y = b[j];
      let ok = false;
      if (x !== undefined && isStar(x) && reach[(i + 1) * width + j] === 1) ok = true;
      if (!ok && y !== undefined && isStar(y) && reach[i * width + j + 1] === 1) ok = true;
      if (!ok && x !== undefined && y !== undefined) {
        const xStar = isStar(x);
        const yStar = isStar(y);
        if (xStar && !yStar) ok = compatible(x, y) && reach[i * width + j + 1] === 1;
        else if (!xStar && yStar) ok = compatible(y, x) && reach[(i + 1) * width + j] === 1;
        else if (!xStar && !yStar) ok = compatible(x, y) && reach[(i + 1) * width + j + 1] === 1;
      }
      if (ok) reach[i * width + j] = 1;
    }
  }
  return reach[0] === 1;
}

/** Whether a star or single-character token `x` can produce what the single-character token `y` does. */
function compatible(x: ArnToken, y: ArnToken): boolean {
  if (x.kind === 'any') return true;
  if (x.kind === 'part') return y.kind === 'one' || (y.kind === 'char' && y.char !== '/' && y.char !== ':');
  if (x.kind === 'one' || y.kind === 'one') return true;
  return x.kind === 'char' && y.kind === 'char' && x.char === y.char;
}
