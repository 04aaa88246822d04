/**
 * A fixed set of phrases looked for in a text, ignoring the case of ASCII letters, without copying the
 * text: a pasted error can be a megabyte, and lower-casing it whole cost more than the search (a fresh
 * megabyte costs milliseconds here), while one phrase searched at a time cost a scan per phrase.
 *
 * One regular expression of the phrases scans the text; every phrase that starts where it matched is marked
 * found, and the scan goes on from the next character. When found phrases keep matching, the expression is
 * rebuilt without them, so the text is scanned about once, whatever it repeats.
 */
export class PhraseSet {
  readonly #phrases: readonly string[];
  /** Whether the phrases are compared as written rather than with ASCII letters folded. */
  readonly #exact: boolean;
  /** The expression of all the phrases, built once: most texts hold none of them. */
  readonly #all: RegExp;

  /**
   * `phrases` are printable ASCII, compared lower-cased, or as written with `exact` (an expression without the `i`
   * flag also scans faster). The `i` flag folds only ASCII letters onto ASCII letters without the `u` flag; a
   * non-ASCII phrase is refused, as V8 misses some of its matches inside an alternation (`/ka|kb|\u212a/gi` finds
   * nothing in `\u212aa`).
   */
  constructor(phrases: Iterable<string>, { exact = false }: { readonly exact?: boolean } = {}) {
    this.#exact = exact;
    this.#phrases = [...new Set(exact ? phrases : [...phrases].map(asciiLower))];
    const other = this.#phrases.find((phrase) => /[^ -~]/.test(phrase));
    if (other !== undefined) {
      throw new Error(`phrase-set: not an ASCII phrase: ${other}`);
    }
    this.#all = patternOf(this.#phrases, exact);
  }

  /** The phrases (lower-cased, unless `exact`) that occur in `text`. */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    let remaining = this.#phrases;
    let pattern = this.#all;
    let repeats = 0;
    for (let from = 0; found.size < this.#phrases.length; ) {
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (match === null) {
        break;
      }
      let fresh = false;
      for (const phrase of remaining) {
        if (
          !found.has(phrase) &&
          (this.#exact ? text.startsWith(phrase, match.index) : startsAt(text, match.index, phrase))
        ) {
          found.add(phrase);
          fresh = true;
        }
      }
      from = match.index + 1;
      if (!fresh && ++repeats === REBUILD_AFTER) {
        remaining = remaining.filter((phrase) => !found.has(phrase));
        pattern = patternOf(remaining, this.#exact);
        repeats = 0;
      }
    }
    return found;
  }
}

/**
 * Matches of phrases already found after which the expression is rebuilt without them. Compiling an
 * expression costs about as much as scanning a megabyte with it, so it is rebuilt only when found phrases
 * keep matching (a text that repeats one), not after each find. Every rebuild drops at least one phrase.
 */
const REBUILD_AFTER = 64;

/** Whether `phrase` (lower-cased) starts at `at` in `text`, ASCII letters of the text folded to lower case. */
function startsAt(text: string, at: number, phrase: string): boolean {
  if (at + phrase.length > text.length) {
    return false;
  }
  for (let i = 0; i < phrase.length; i++) {
    let c = text.charCodeAt(at + i);
    if (c >= 0x41 && c <= 0x5a) {
      c += 0x20;
    }
    if (c !== phrase.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/**
 * An expression that matches where any of `phrases` starts, as a tree of their common beginnings
 * (`request (?:has expired|is not yet valid)`): an alternation of whole phrases tried each one at every
 * position, a third slower on a megabyte of prose. Below a phrase's end nothing more is needed, since the
 * phrases starting at a match are told apart afterwards.
 */
function patternOf(phrases: readonly string[], exact: boolean): RegExp {
  // A set of no phrases matches nothing (an empty alternation would match everywhere).
  return phrases.length === 0 ? /(?!)/g : new RegExp(sourceOf(trieOf(phrases)), exact ? 'g' : 'gi');
}

/** Each character → what may follow it; `null` where a phrase ends. */
type Trie = Map<string, Trie | null>;

function trieOf(phrases: readonly string[]): Trie {
  const root: Trie = new Map();
  for (const phrase of phrases) {
    let node = root;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charAt(i);
      if (i === phrase.length - 1) {
        node.set(c, null);
        break;
      }
      let next = node.get(c);
      if (next === null) break; // a shorter phrase ends here: its match is enough
      if (next === undefined) {
        next = new Map();
        node.set(c, next);
      }
      node = next;
    }
  }
  return root;
}

function sourceOf(node: Trie): string {
  const branches = [...node].map(([c, next]) => escapeChar(c) + (next === null ? '' : sourceOf(next)));
  return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
