/**
 * Strings that tell a set of wildcard patterns apart. Given patterns (IAM wildcards: `*` any run of
 * characters, `?` one character; or literal text), {@link regionWitnesses} finds, for every
 * combination of "which patterns match" that some string can produce, one string that produces it.
 * Evaluating policies at those strings is then exact: any other string matches the same patterns as
 * one of them, so every policy that only compares against these patterns treats it the same way.
 *
 * The search walks the product of the patterns' automata breadth-first; from each state it tries the
 * characters the current positions name plus one character they do not (every other character moves
 * the same way); it never builds a RegExp from policy text.
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

/**
 * A pattern's automaton over bit sets of positions (bit `i`: before token `i`; bit `n`: matched): a
 * star stays on the characters it accepts, every token moves on the characters it accepts, and a star
 * can be skipped. Sets are numbers for patterns of up to 30 tokens, big integers beyond.
 */
interface Automaton {
  readonly start: number | bigint;
  step(positions: number | bigint, c: string): number | bigint;
  matched(positions: number | bigint): boolean;
  /** The characters the tokens at `positions` name: any other character moves like an unnamed one. */
  named(positions: number | bigint): string;
}

const automata = new WeakMap<readonly GlobToken[], Automaton>();

function automaton(tokens: readonly GlobToken[]): Automaton {
  let found = automata.get(tokens);
  if (found === undefined) {
    found = tokens.length <= 30 ? build(tokens, 1, (i) => 2 ** i) : build(tokens, 1n, (i) => 1n << BigInt(i));
    automata.set(tokens, found);
  }
  return found;
}

/** Builds the automaton over one representation of bit sets (`one` is the bit of position 0). */
function build<M extends number | bigint>(
  tokens: readonly GlobToken[],
  one: M,
  bit: (i: number) => M,
): Automaton {
  const zero = (typeof one === 'bigint' ? 0n : 0) as M;
  const or = (a: M, b: M) => ((a as number) | (b as number)) as M;
  const and = (a: M, b: M) => ((a as number) & (b as number)) as M;
  const shift = (a: M) => (typeof a === 'bigint' ? a << 1n : (a as number) * 2) as M;
  const named = new Set<string>();
  for (const t of tokens)
    for (const c of t.kind === 'chars' ? t.chars : t.kind === 'star' ? t.excluded : '') named.add(c);
  let stars = zero;
  let otherMoves = zero;
  const moves = new Map<string, M>([...named].map((c) => [c, zero]));
  const stays = new Map<string, M>([...named].map((c) => [c, zero]));
  tokens.forEach((t, i) => {
    const b = bit(i);
    if (t.kind === 'star') {
      stars = or(stars, b);
      for (const c of named) if (!t.excluded.includes(c)) stays.set(c, or(stays.get(c) as M, b));
    } else if (t.kind === 'one') {
      otherMoves = or(otherMoves, b);
      for (const c of named) moves.set(c, or(moves.get(c) as M, b));
    } else {
      for (const c of t.chars) moves.set(c, or(moves.get(c) as M, b));
    }
  });
  const close = (x: M): M => {
    let current = x;
    for (;;) {
      const next = or(current, shift(and(current, stars)));
      if (next === current) return current;
      current = next;
    }
  };
  const final = bit(tokens.length);
  const texts = tokens.map((t) => (t.kind === 'chars' ? t.chars : t.kind === 'star' ? t.excluded : ''));
  return {
    named(positions) {
      let out = '';
      texts.forEach((text, i) => {
        if (text !== '' && and(positions as M, bit(i)) !== zero) out += text;
      });
      return out;
    },
    start: close(one),
    step(positions, c) {
      const p = positions as M;
      return close(or(and(p, stays.get(c) ?? stars), shift(and(p, moves.get(c) ?? otherMoves))));
    },
    matched: (positions) => and(positions as M, final) !== zero,
  };
}

/** Whether `text` matches `tokens` (the same automaton the search walks). */
export function globMatches(tokens: readonly GlobToken[], text: string): boolean {
  const a = automaton(tokens);
  let positions = a.start;
  for (const c of text) {
    positions = a.step(positions, c);
    if (positions === 0 || positions === 0n) return false;
  }
  return a.matched(positions);
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
  const unnamed = unnamedCharacter(patterns);
  const machines = patterns.map(automaton);
  const start = machines.map((m) => m.start);
  const keyOf = (state: readonly (number | bigint)[]) => state.join(',');
  const seen = new Set<string>([keyOf(start)]);
  let queue: { state: (number | bigint)[]; text: string }[] = [{ state: start, text: '' }];
  let complete = true;
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { state, text } of queue) {
      let vector = '';
      let alive = false;
      state.forEach((s, i) => {
        vector += (machines[i] as Automaton).matched(s) ? '1' : '0';
        alive ||= s !== 0 && s !== 0n;
      });
      if (!found.has(vector)) found.set(vector, text);
      if (!alive) continue;
      // only the characters the current positions name move differently from an unnamed one
      const letters = new Set<string>([unnamed]);
      state.forEach((s, i) => {
        if (s !== 0 && s !== 0n) for (const c of (machines[i] as Automaton).named(s)) letters.add(c);
      });
      for (const c of letters) {
        const moved = state.map((s, i) => (s === 0 || s === 0n ? s : (machines[i] as Automaton).step(s, c)));
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
