/**
 * Strings that tell a set of wildcard patterns apart. Given patterns (IAM wildcards: `*` any run of
 * characters, `?` one character; or literal text), {@link regionWitnesses} finds, for every
 * combination of "which patterns match" that some string can produce, one string that produces it.
 * Evaluating policies at those strings is then exact: any other string matches the same patterns as
 * one of them, so every policy that only compares against these patterns treats it the same way.
 *
 * The search walks the product of the patterns' automata breadth-first over an alphabet of the
 * characters the patterns name plus one character they do not (every unnamed character behaves the
 * same); it never builds a RegExp from policy text.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */

/** One token of a pattern: one of some characters, any one character, or any run of characters. */
export type GlobToken =
  | { readonly kind: 'chars'; readonly chars: string }
  | { readonly kind: 'one' }
  /** Any run of characters not in `excluded` (an ARN format's `${Region}` holds no `/` or `:`). */
  | { readonly kind: 'star'; readonly excluded: string };

/** How a pattern text is read. */
export interface GlobTextOptions {
  /** `*` and `?` are wildcards (StringLike, ArnLike, Resource); otherwise literal (StringEquals). */
  readonly wildcards: boolean;
  /** Letters match either case (StringEqualsIgnoreCase). */
  readonly ignoreCase?: boolean;
}

/** Reads a pattern text into tokens. */
export function globTokens(text: string, options: GlobTextOptions): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (const c of text) {
    if (options.wildcards && c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star', excluded: '' });
    } else if (options.wildcards && c === '?') tokens.push({ kind: 'one' });
    else if (options.ignoreCase === true && c.toLowerCase() !== c.toUpperCase()) {
      tokens.push({ kind: 'chars', chars: `${c.toLowerCase()}${c.toUpperCase()}` });
    } else tokens.push({ kind: 'chars', chars: c });
  }
  return tokens;
}

/** The witnesses found, and whether the search covered every combination (it stops at a limit). */
export interface RegionWitnesses {
  /** One string per distinct match vector, seeds first (in their order), then the shortest found. */
  readonly witnesses: readonly string[];
  readonly complete: boolean;
}

/** Candidate characters for "a character no pattern names", in order of preference. */
const UNNAMED_CHARACTERS = 'xzqjkvw0123456789-_#~';

/** A character that no token names; every such character behaves the same in every pattern. */
export function unnamedCharacter(patterns: readonly (readonly GlobToken[])[]): string {
  const named = new Set<string>();
  for (const tokens of patterns) {
    for (const t of tokens) {
      const text = t.kind === 'chars' ? t.chars : t.kind === 'star' ? t.excluded : '';
      for (const c of text) named.add(c);
    }
  }
  for (const c of UNNAMED_CHARACTERS) if (!named.has(c)) return c;
  for (let code = 0x4e00; ; code++) {
    const c = String.fromCharCode(code);
    if (!named.has(c)) return c;
  }
}

/** The set of automaton positions a pattern can be in, as a sorted list. */
type Positions = readonly number[];

function closure(tokens: readonly GlobToken[], positions: Iterable<number>): number[] {
  const out = new Set<number>();
  for (const p of positions) {
    let i = p;
    out.add(i);
    while (tokens[i]?.kind === 'star') {
      i += 1;
      out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function step(tokens: readonly GlobToken[], positions: Positions, c: string): number[] {
  const next: number[] = [];
  for (const p of positions) {
    const t = tokens[p];
    if (t === undefined) continue;
    if (t.kind === 'star') {
      if (!t.excluded.includes(c)) next.push(p);
    } else if (t.kind === 'one' || t.chars.includes(c)) next.push(p + 1);
  }
  return closure(tokens, next);
}

/** Whether `text` matches `tokens` (the same automaton the search walks). */
export function globMatches(tokens: readonly GlobToken[], text: string): boolean {
  let positions: Positions = closure(tokens, [0]);
  for (const c of text) {
    positions = step(tokens, positions, c);
    if (positions.length === 0) return false;
  }
  return positions.includes(tokens.length);
}

/**
 * One witness per realizable match vector of `patterns`. `seeds` (named values, readable fills) are
 * tried first so that the witnesses read well; the search adds the shortest string for every vector
 * the seeds miss, visiting at most `limit` product states.
 */
export function regionWitnesses(
  patterns: readonly (readonly GlobToken[])[],
  seeds: readonly string[] = [],
  limit = 4000,
): RegionWitnesses {
  const found = new Map<string, string>();
  const vectorOf = (text: string) => patterns.map((p) => (globMatches(p, text) ? '1' : '0')).join('');
  for (const seed of seeds) {
    const v = vectorOf(seed);
    if (!found.has(v)) found.set(v, seed);
  }
  const alphabet = new Set<string>();
  for (const tokens of patterns) {
    for (const t of tokens) {
      const text = t.kind === 'chars' ? t.chars : t.kind === 'star' ? t.excluded : '';
      for (const c of text) alphabet.add(c);
    }
  }
  alphabet.add(unnamedCharacter(patterns));
  const letters = [...alphabet];
  const start = patterns.map((p) => closure(p, [0]));
  const keyOf = (state: readonly Positions[]) => state.map((s) => s.join(',')).join('|');
  const seen = new Set<string>([keyOf(start)]);
  let queue: { state: Positions[]; text: string }[] = [{ state: start, text: '' }];
  let complete = true;
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { state, text } of queue) {
      const vector = state
        .map((s, i) => (s.includes((patterns[i] as GlobToken[]).length) ? '1' : '0'))
        .join('');
      if (!found.has(vector)) found.set(vector, text);
      if (state.every((s) => s.length === 0)) continue;
      for (const c of letters) {
        const moved = state.map((s, i) => step(patterns[i] as GlobToken[], s, c));
        const key = keyOf(moved);
        if (seen.has(key)) continue;
        if (seen.size >= limit) {
          complete = false;
          continue;
        }
        seen.add(key);
        next.push({ state: moved, text: text + c });
      }
    }
    queue = next;
  }
  return { witnesses: [...found.values()], complete };
}
