/**
 * The IAM wildcard matcher: `*` matches any sequence of characters (including none, and across `/`
 * and `:`), `?` matches exactly one character (one UTF-16 code unit). Matching never builds a RegExp
 * and runs in time linear in the text: the pattern is split at its stars, the first piece is anchored
 * at the start, the last at the end, and every middle piece is found at its leftmost position with a
 * linear search (Knuth–Morris–Pratt for plain pieces, bit-parallel Shift-And for pieces with `?`
 * inside; the `?`s at a piece's ends only reserve characters). Leftmost placement of each middle
 * piece is always safe, so the matcher never backtracks. A piece with `?`s inside costs, per text
 * character, the fewer of one 32-bit word per 32 of its characters (Shift-And) and one KMP pass per
 * run of literal characters (a policy variable's long value between `?`s): both are bounded by the
 * policy text, whose values are bounded (MAX_POLICY_STRING in policy/parse-policy.ts, from AWS's
 * policy size quotas), so either stays a constant factor.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/**
 * One piece of a wildcard pattern. A pattern given as parts keeps literal text (such as a value
 * substituted for a policy variable, or `${*}`) apart from the wildcards of the policy text.
 */
export type WildcardPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'any-char' };

/** Options of {@link compileWildcard}. */
export interface WildcardOptions {
  /** Compare case-insensitively (both pattern and text are lower-cased). Default `false`. */
  readonly ignoreCase?: boolean;
}

/** A compiled wildcard pattern; `matches` is linear in the length of `text`. */
export interface WildcardMatcher {
  /** The pattern as written (text parts joined; literal wildcard characters are shown escaped as `${*}`/`${?}`). */
  readonly source: string;
  /** True when the pattern has no `*` or `?`, so it matches only one string. */
  readonly isLiteral: boolean;
  matches(text: string): boolean;
}

/** A run of characters between two stars; `anyAt[i]` is true where the pattern has `?`. */
interface Piece {
  readonly text: string;
  readonly anyAt: readonly boolean[] | null;
  /** Finds the first occurrence at or after `from`, ending at or before `limit`; returns its start or -1. */
  readonly find: (haystack: string, from: number, limit: number) => number;
}

/**
 * Compiles an IAM wildcard pattern. A string pattern treats every `*` and `?` as a wildcard; give
 * {@link WildcardPart}s to keep some characters literal.
 */
export function compileWildcard(
  pattern: string | readonly WildcardPart[],
  options: WildcardOptions = {},
): WildcardMatcher {
  const ignoreCase = options.ignoreCase === true;
  const parts = typeof pattern === 'string' ? [{ kind: 'text', text: pattern } as const] : pattern;
  const source = describeParts(parts);
  // each piece as its text's chunks, its length and where its `?`s are (filled in once, at the end)
  const pieces: Array<{ chunks: string[]; length: number; anyAt: number[] }> = [
    { chunks: [], length: 0, anyAt: [] },
  ];
  let stars = 0;
  for (const part of expandParts(parts)) {
    const current = pieces[pieces.length - 1] as { chunks: string[]; length: number; anyAt: number[] };
    if (part.kind === 'star') {
      if (current.length === 0 && pieces.length > 1) continue; // `**` is `*`
      stars += 1;
      pieces.push({ chunks: [], length: 0, anyAt: [] });
    } else if (part.kind === 'any-char') {
      current.anyAt.push(current.length);
      current.chunks.push('?');
      current.length += 1;
    } else {
      const text = ignoreCase ? part.text.toLowerCase() : part.text;
      current.chunks.push(text);
      current.length += text.length;
    }
  }
  const compiled = pieces.map((p) => {
    if (p.anyAt.length === 0) return makePiece(p.chunks.join(''), null);
    const anyAt = new Array<boolean>(p.length).fill(false);
    for (const at of p.anyAt) anyAt[at] = true;
    return makePiece(p.chunks.join(''), anyAt);
  });
  const isLiteral = stars === 0 && compiled[0]?.anyAt === null;
  const fold = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;

  if (stars === 0) {
    const only = compiled[0] as Piece;
    if (only.anyAt === null) {
      const literal = only.text;
      return { source, isLiteral, matches: (text) => fold(text) === literal };
    }
    return {
      source,
      isLiteral,
      matches: (text) => {
        const t = fold(text);
        return t.length === only.text.length && matchesAt(only, t, 0);
      },
    };
  }
  const first = compiled[0] as Piece;
  const last = compiled[compiled.length - 1] as Piece;
  const middle = compiled.slice(1, -1).filter((p) => p.text.length > 0);
  const fixed = first.text.length + last.text.length;
  if (middle.length === 0 && first.anyAt === null && last.anyAt === null) {
    if (fixed === 0) return { source, isLiteral, matches: () => true };
    const prefix = first.text;
    const suffix = last.text;
    return {
      source,
      isLiteral,
      matches: (text) => {
        const t = fold(text);
        return t.length >= fixed && t.startsWith(prefix) && t.endsWith(suffix);
      },
    };
  }
  return {
    source,
    isLiteral,
    matches: (text) => {
      const t = fold(text);
      if (t.length < fixed) return false;
      if (!matchesAt(first, t, 0)) return false;
      const end = t.length - last.text.length;
      if (!matchesAt(last, t, end)) return false;
      let position = first.text.length;
      for (const piece of middle) {
        const at = piece.find(t, position, end);
        if (at < 0) return false;
        position = at + piece.text.length;
      }
      return true;
    },
  };
}

/** Matches `text` against an IAM wildcard `pattern` (compiles the pattern on every call). */
export function matchWildcard(pattern: string, text: string, options: WildcardOptions = {}): boolean {
  return compileWildcard(pattern, options).matches(text);
}

/** Splits a pattern string into parts: every `*` and `?` is a wildcard. */
export function partsFromString(pattern: string): WildcardPart[] {
  const parts: WildcardPart[] = [];
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) {
      if (i > start) parts.push({ kind: 'text', text: pattern.slice(start, i) });
      // consecutive stars are one star
      if (c === 42) {
        if (parts[parts.length - 1]?.kind !== 'star') parts.push({ kind: 'star' });
      } else {
        parts.push({ kind: 'any-char' });
      }
      start = i + 1;
    }
  }
  if (start < pattern.length) parts.push({ kind: 'text', text: pattern.slice(start) });
  return parts;
}

/** Expands the wildcards of `text` parts; afterwards every `text`/`literal` part is plain characters. */
function expandParts(parts: readonly WildcardPart[]): WildcardPart[] {
  const out: WildcardPart[] = [];
  for (const part of parts) {
    // one by one: a spread of a long pattern's parts overflows the stack (`s3:` + `G*` × 70,000)
    if (part.kind === 'text') for (const p of partsFromString(part.text)) out.push(p);
    else out.push(part);
  }
  return out;
}

function describeParts(parts: readonly WildcardPart[]): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'star') out += '*';
    else if (part.kind === 'any-char') out += '?';
    else if (part.kind === 'text') out += part.text;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: IAM policy-variable syntax, not a JS template
    else out += part.text.replaceAll('$', '${$}').replaceAll('*', '${*}').replaceAll('?', '${?}');
  }
  return out;
}

function matchesAt(piece: Piece, text: string, at: number): boolean {
  const p = piece.text;
  const anyAt = piece.anyAt;
  if (anyAt === null) return text.startsWith(p, at);
  for (let i = 0; i < p.length; i++) {
    if (!anyAt[i] && text.charCodeAt(at + i) !== p.charCodeAt(i)) return false;
  }
  return true;
}

function makePiece(text: string, anyAt: boolean[] | null): Piece {
  if (anyAt === null || !anyAt.includes(true)) {
    return { text, anyAt: null, find: text.length === 0 ? (_h, from) => from : kmpFinder(text) };
  }
  return { text, anyAt, find: edgeSkippingFinder(text, anyAt) };
}

/**
 * A finder for a piece with `?`: the `?`s at its two ends only reserve characters (`*?ab?*` is found
 * where `ab` is, one character in), so they are stepped over and only the piece between them is
 * searched: with KMP when no `?` is left (`*?aaaa…b*` stays linear), else with Shift-And, whose
 * words per text character grow with that inner piece, bounded by the policy text (see
 * MAX_POLICY_STRING in policy/parse-policy.ts).
 */
function edgeSkippingFinder(text: string, anyAt: readonly boolean[]): Piece['find'] {
  let lead = 0;
  while (lead < text.length && anyAt[lead] === true) lead++;
  let trail = 0;
  while (trail < text.length - lead && anyAt[text.length - 1 - trail] === true) trail++;
  const innerEnd = text.length - trail;
  if (lead === innerEnd) {
    // only `?`s: any characters will do
    return (_h, from, limit) => (from + text.length <= limit ? from : -1);
  }
  const innerText = text.slice(lead, innerEnd);
  const innerAny = anyAt.slice(lead, innerEnd);
  const inner = !innerAny.includes(true)
    ? kmpFinder(innerText)
    : segmentsOf(innerText, innerAny).length * 32 < innerText.length
      ? segmentCountFinder(innerText, innerAny)
      : shiftAndFinder(innerText, innerAny);
  if (lead === 0 && trail === 0) return inner;
  return (haystack, from, limit) => {
    const at = inner(haystack, from + lead, limit - trail);
    return at < 0 ? -1 : at - lead;
  };
}

/** Knuth–Morris–Pratt search: linear in the scanned text plus the needle. */
function kmpFinder(needle: string): Piece['find'] {
  const m = needle.length;
  const failure = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = failure[k - 1] as number;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k += 1;
    failure[i] = k;
  }
  return (haystack, from, limit) => {
    for (let i = from, k = 0; i < limit; i++) {
      const c = haystack.charCodeAt(i);
      while (k > 0 && c !== needle.charCodeAt(k)) k = failure[k - 1] as number;
      if (c === needle.charCodeAt(k)) k += 1;
      if (k === m) return i - m + 1;
    }
    return -1;
  };
}

/** The runs of literal characters of a piece with `?`s, each with its offset in the piece. */
function segmentsOf(needle: string, anyAt: readonly boolean[]): { offset: number; text: string }[] {
  const segments: { offset: number; text: string }[] = [];
  let start = -1;
  for (let i = 0; i <= needle.length; i++) {
    const literal = i < needle.length && anyAt[i] !== true;
    if (literal && start < 0) start = i;
    else if (!literal && start >= 0) {
      segments.push({ offset: start, text: needle.slice(start, i) });
      start = -1;
    }
  }
  return segments;
}

/**
 * Search for a long needle with few `?`s (a policy variable's long value between them): every run
 * of literal characters is searched with KMP, each occurrence counts for the start it implies, and
 * the first start all runs agree on is the match. Time grows with the text times the number of
 * runs, where Shift-And would grow with the text times the needle's length.
 */
function segmentCountFinder(needle: string, anyAt: readonly boolean[]): Piece['find'] {
  const segments = segmentsOf(needle, anyAt).map((s) => ({ ...s, all: kmpAllFinder(s.text) }));
  const m = needle.length;
  return (haystack, from, limit) => {
    const starts = limit - m - from + 1;
    if (starts <= 0) return -1;
    const agreeing = new Uint32Array(starts);
    for (const { offset, text, all } of segments) {
      all(haystack, from + offset, from + offset + starts - 1 + text.length, (at) => {
        agreeing[at - offset - from] = (agreeing[at - offset - from] as number) + 1;
      });
    }
    const index = agreeing.indexOf(segments.length);
    return index < 0 ? -1 : from + index;
  };
}

/** KMP reporting every occurrence (overlapping ones too) that starts at or after `from` and ends by `limit`. */
function kmpAllFinder(
  needle: string,
): (haystack: string, from: number, limit: number, found: (at: number) => void) => void {
  const m = needle.length;
  const failure = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = failure[k - 1] as number;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k += 1;
    failure[i] = k;
  }
  return (haystack, from, limit, found) => {
    for (let i = from, k = 0; i < limit; i++) {
      const c = haystack.charCodeAt(i);
      while (k > 0 && c !== needle.charCodeAt(k)) k = failure[k - 1] as number;
      if (c === needle.charCodeAt(k)) k += 1;
      if (k === m) {
        found(i - m + 1);
        k = failure[k - 1] as number;
      }
    }
  };
}

/**
 * Shift-And search for a needle with single-character wildcards: one bit per needle position,
 * `ceil(m / 32)` words per text character, so linear in the scanned text for a fixed needle.
 */
function shiftAndFinder(needle: string, anyAt: readonly boolean[]): Piece['find'] {
  const m = needle.length;
  const words = Math.ceil(m / 32);
  const wildMask = new Uint32Array(words);
  for (let i = 0; i < m; i++) {
    if (anyAt[i]) setBit(wildMask, i);
  }
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    if (anyAt[i]) continue;
    const c = needle.charCodeAt(i);
    let mask = masks.get(c);
    if (!mask) {
      mask = Uint32Array.from(wildMask);
      masks.set(c, mask);
    }
    setBit(mask, i);
  }
  const lastWord = (m - 1) >>> 5;
  const lastBit = 1 << ((m - 1) & 31);
  return (haystack, from, limit) => {
    const state = new Uint32Array(words);
    for (let i = from; i < limit; i++) {
      const mask = masks.get(haystack.charCodeAt(i)) ?? wildMask;
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const s = state[w] as number;
        state[w] = (((s << 1) | carry) & (mask[w] as number)) >>> 0;
        carry = s >>> 31;
      }
      if (((state[lastWord] as number) & lastBit) !== 0) return i - m + 1;
    }
    return -1;
  };
}

function setBit(words: Uint32Array, bit: number): void {
  const w = bit >>> 5;
  words[w] = ((words[w] as number) | (1 << (bit & 31))) >>> 0;
}
