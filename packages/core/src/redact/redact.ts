import { detect, type Found } from './detect.js';
import { planIpStandIns } from './ip-networks.js';
import { NamePatterns } from './name-patterns.js';
import type { RedactionKind, RedactionMap } from './redaction-map.js';
import { StandIns } from './stand-ins.js';

/** What {@link redact} may reuse. */
export interface RedactOptions {
  /** A map from an earlier run: its stand-ins are reused, so that a second file is redacted alike. */
  readonly map?: RedactionMap;
}

/** The redacted text and the map that reverses it. */
export interface RedactResult {
  readonly text: string;
  /** The earlier map's entries first, then the new ones in order of first appearance. */
  readonly map: RedactionMap;
}

/** Name kinds also replaced where they appear outside an ARN (CloudTrail's `userName`, prose). */
const NAME_KINDS: ReadonlySet<RedactionKind> = new Set([
  'user-name',
  'role-name',
  'session-name',
  'bucket-name',
  'name',
  // a KMS key's id, met in its ARN, also stands bare (`--key-id`, `keyId`)
  'key-id',
]);
const TOKEN_CHAR = /[A-Za-z0-9_+=.@-]/;
const IPV6_CHAR = /[0-9A-Fa-f:]/;

/** Several texts redacted together, and the map that reverses them. */
export interface RedactAllResult {
  /** Each text redacted, in the order given. */
  readonly texts: readonly string[];
  /** The earlier map's entries first, then the new ones in order of first appearance. */
  readonly map: RedactionMap;
}

/**
 * Replaces account ids, the names inside ARNs (users, roles, sessions, buckets, functions...), access
 * key ids, unique ids, secret keys, session tokens, IP addresses, e-mail addresses and EC2 resource
 * ids with stand-ins of the same shape: an account id stays twelve digits, an ARN stays an ARN of the
 * same service and resource type, a key id keeps its prefix and length. The same value always gets
 * the same stand-in; what a diagnosis needs (actions, services, regions, resource types, condition
 * keys, error codes, AWS managed policy ARNs, `AWSServiceRoleFor…` and `AWSReservedSSO_` prefixes,
 * EC2's encoded message) stays. Only characters of replaced values change, so JSON stays JSON.
 * Stand-ins never equal a token of the input, so {@link restore} can reverse the result exactly.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const result = redactAll([text], options);
  return { text: result.texts[0] ?? '', map: result.map };
}

/**
 * {@link redact} for the files of one case at once (the error and its evidence), with one map: a name
 * met in any of them (an ARN of the account file) is replaced in all of them (the error's prose), a
 * network of one holds the stand-ins of the addresses of the others, and a wildcard pattern of a policy
 * keeps matching the names of the error.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
export function redactAll(texts: readonly string[], options: RedactOptions = {}): RedactAllResult {
  const taken = new Set<string>();
  for (const text of texts) tokensOf(text, taken);
  const earlier = options.map?.entries ?? [];
  const standIns = new StandIns(earlier, taken);
  const get = (original: string, kind: RedactionKind): string => standIns.get(original, kind);
  const read = texts.map((text) => {
    // in JSON, only string values (and keys) are touched, so that numbers and structure stay
    const strings = isJson(text) ? stringRanges(text) : null;
    const kept = nonOverlapping(detect(text)).filter(
      (f) => strings === null || within(strings, f.start, f.end),
    );
    return { text, strings, kept };
  });
  // what must be known before anything is rewritten: the networks and the wildcard patterns
  const addresses = read.flatMap((r) => r.kept.flatMap((f) => (f.address === undefined ? [] : [f.address])));
  for (const [original, standIn] of planIpStandIns(addresses, earlier)) standIns.plan(original, standIn);
  const patterns = new NamePatterns();
  const collect = (original: string): string => {
    if (original.includes('*')) patterns.add(original);
    return original;
  };
  for (const r of read) for (const f of r.kept) f.rewrite(collect);
  standIns.usePatterns(patterns);
  const rewritten = read.map((r) => r.kept.map((f) => f.rewrite(get)));
  // names met in ARNs (or in the earlier map) are replaced wherever else they stand as a word
  const names = new Map<string, string>();
  for (const entry of standIns.entries()) {
    if (NAME_KINDS.has(entry.kind) && entry.original.length >= 3) names.set(entry.original, entry.standIn);
  }
  const out = read.map((r, i) => assemble(r.text, r.strings, r.kept, rewritten[i] ?? [], names));
  return { texts: out, map: { version: 1, entries: standIns.entries() } };
}

/** The text with each kept piece replaced by its rewriting, and known names replaced in between. */
function assemble(
  text: string,
  strings: readonly [number, number][] | null,
  kept: readonly Found[],
  rewritten: readonly string[],
  names: ReadonlyMap<string, string>,
): string {
  // gaps come in order: the string ranges before the current gap are never looked at again
  let first = 0;
  const gap = (from: number, to: number): string => {
    if (names.size === 0 || from >= to) return text.slice(from, to);
    if (strings === null) return replaceTokens(text.slice(from, to), names, true);
    while (first < strings.length && (strings[first] as [number, number])[1] <= from) first++;
    const parts: string[] = [];
    let cursor = from;
    for (let k = first; k < strings.length; k++) {
      const [start, end] = strings[k] as [number, number];
      if (start >= to) break;
      const a = Math.max(start, from);
      const b = Math.min(end, to);
      parts.push(text.slice(cursor, a), replaceTokens(text.slice(a, b), names, true));
      cursor = b;
    }
    parts.push(text.slice(cursor, to));
    return parts.join('');
  };
  const pieces: string[] = [];
  let cursor = 0;
  kept.forEach((f, i) => {
    pieces.push(gap(cursor, f.start), rewritten[i] ?? '');
    cursor = f.end;
  });
  pieces.push(gap(cursor, text.length));
  return pieces.join('');
}

function isJson(text: string): boolean {
  const start = text.trimStart().charAt(0);
  if (start !== '{' && start !== '[' && start !== '"') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The contents of every string of a JSON text, as `[start, end)` offsets, in order. */
function stringRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) !== '"') continue;
    let j = i + 1;
    while (j < text.length && text.charAt(j) !== '"') j += text.charAt(j) === '\\' ? 2 : 1;
    ranges.push([i + 1, j]);
    i = j;
  }
  return ranges;
}

/** Whether `[start, end)` lies inside one of the sorted ranges. */
function within(ranges: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid] as [number, number];
    if (range[1] < start) lo = mid + 1;
    else if (range[0] > start) hi = mid - 1;
    else return end <= range[1];
  }
  return false;
}

/** The result of {@link restore}. */
export interface RestoreResult {
  readonly text: string;
  /** How many stand-ins were put back. */
  readonly restored: number;
}

/**
 * Puts the originals back into a text redacted with `map`: every stand-in that stands as a whole
 * token is replaced by its original. Meant to run locally, on an answer about redacted input.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
export function restore(text: string, map: RedactionMap): RestoreResult {
  // an account id also stands dashed, as the console shows it, and an address in EC2's host names
  const dashed = (id: string): string => `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`;
  const ipLabel = (address: string): string => `ip-${address.replace(/\./g, '-')}`;
  const originals = new Map<string, string>();
  for (const e of map.entries) {
    const variants =
      e.kind === 'account-id'
        ? [e, { standIn: dashed(e.standIn), original: dashed(e.original) }]
        : e.kind === 'ipv4' && !e.original.includes('/')
          ? [e, { standIn: ipLabel(e.standIn), original: ipLabel(e.original) }]
          : [e];
    for (const v of variants) if (!originals.has(v.standIn)) originals.set(v.standIn, v.original);
  }
  // one pass: where a word starts, the longest stand-in that stands there alone is put back
  const lengths = [...new Set([...originals.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const firsts = new Set([...originals.keys()].map((k) => k.charAt(0)));
  const out: string[] = [];
  let cursor = 0;
  let restored = 0;
  let i = 0;
  while (i < text.length) {
    const found = firsts.has(text.charAt(i)) && startsAlone(text, i) ? longestAt(text, i) : null;
    if (found === null) {
      i++;
      continue;
    }
    out.push(text.slice(cursor, i), found.original);
    cursor = i + found.length;
    i = cursor;
    restored++;
  }
  out.push(text.slice(cursor));
  return { text: out.join(''), restored };

  function longestAt(t: string, at: number): { original: string; length: number } | null {
    for (const length of lengths) {
      if (at + length > t.length) continue;
      const original = originals.get(t.slice(at, at + length));
      if (original !== undefined && !ALNUM.test(t.charAt(at + length))) return { original, length };
    }
    return null;
  }
}

const ALNUM = /[A-Za-z0-9]/;

/** Whether a word may start at `start`: not inside a longer word (the letter of a JSON escape such as `\n` does not count). */
function startsAlone(text: string, start: number): boolean {
  const before = text.charAt(start - 1);
  const escaped = 'nrt'.includes(before) && text.charAt(start - 2) === '\\';
  return start === 0 || escaped || !ALNUM.test(before);
}

/** Keeps, of overlapping pieces, the one that starts first (or, starting together, ranks higher). */
function nonOverlapping(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - a.end);
  const kept: Found[] = [];
  let reach = 0;
  for (const f of found) {
    if (f.start >= reach && f.end > f.start) {
      kept.push(f);
      reach = f.end;
    }
  }
  return kept;
}

/**
 * The tokens of a text: maximal runs of name characters, without the letter of a JSON escape
 * (`\n`) before them or dots (a sentence's end) after them.
 */
function eachToken(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && TOKEN_CHAR.test(text.charAt(i));
    if (inside && start < 0) {
      start = i;
      if (text.charAt(i - 1) === '\\' && 'nrt'.includes(text.charAt(i))) start++;
    }
    if (inside || start < 0) continue;
    let end = i;
    while (end > start && text.charAt(end - 1) === '.') end--;
    if (end > start) visit(start, end);
    start = -1;
  }
}

/** Characters that no stand-in holds: a token is also tried piece by piece between them. */
const PIECE_BREAK = /[+=,]/;

/** A token and, when it holds `+`, `=` or `,` (`key=value`), each piece between them, with offsets. */
function piecesOf(token: string): { piece: string; at: number }[] {
  const pieces = [{ piece: token, at: 0 }];
  let from = 0;
  let broken = false;
  for (let i = 0; i <= token.length; i++) {
    if (i < token.length && !PIECE_BREAK.test(token.charAt(i))) continue;
    if (i < token.length) broken = true;
    if (broken && i > from) pieces.push({ piece: token.slice(from, i), at: from });
    from = i + 1;
  }
  return pieces;
}

/** Adds every token of the text and its pieces, and every run that could be an IPv6 address. */
function tokensOf(text: string, tokens: Set<string>): void {
  eachToken(text, (start, end) => {
    for (const { piece } of piecesOf(text.slice(start, end))) tokens.add(piece);
  });
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && IPV6_CHAR.test(text.charAt(i));
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      tokens.add(text.slice(start, i));
      start = -1;
    }
  }
}

/**
 * Replaces whole tokens (or `=`-separated pieces of a token) found in `replacements`. With
 * `avoidKeys`, tokens next to `:` or `/` are left alone: there they are parts of condition keys
 * (`aws:ResourceTag/team`), actions or paths, not names.
 */
function replaceTokens(
  text: string,
  replacements: ReadonlyMap<string, string>,
  avoidKeys: boolean,
  onReplace?: () => void,
): string {
  const out: string[] = [];
  let cursor = 0;
  eachToken(text, (start, end) => {
    const before = text.charAt(start - 1);
    const after = text.charAt(end);
    if (avoidKeys && (before === ':' || before === '/' || after === ':' || after === '/')) return;
    const token = text.slice(start, end);
    const whole = replacements.get(token);
    const pieces = whole === undefined ? piecesOf(token).slice(1) : [{ piece: token, at: 0 }];
    for (const { piece, at } of pieces) {
      const replacement = replacements.get(piece);
      if (replacement === undefined) continue;
      out.push(text.slice(cursor, start + at), replacement);
      cursor = start + at + piece.length;
      onReplace?.();
    }
  });
  out.push(text.slice(cursor));
  return out.join('');
}
