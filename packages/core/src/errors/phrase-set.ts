/**
 * A fixed set of phrases looked for in a text, ignoring the case of ASCII letters, without copying the
 * text: a pasted error can be a megabyte, and lower-casing it whole cost more than the search (a fresh
 * megabyte costs milliseconds here), while one phrase searched at a time cost a scan per phrase.
 *
 * The phrases are one automaton (Aho and Corasick's: a tree of their beginnings, each node also knowing the longest
 * of its suffixes that begins a phrase), its moves a table by node and character, so one pass over the text finds
 * every phrase, one table look-up a character, whatever the text repeats. A regular expression of the phrases,
 * scanned again from the character after each match and rebuilt without the phrases found, took 7–12 ms over a
 * megabyte of pasted errors where this takes about 2 (Aho, Corasick, "Efficient string matching", CACM 18(6), 1975).
 */
export class PhraseSet {
  readonly #phrases: readonly string[];
  /**
   * Each UTF-16 code unit → its column in the table; 0, a column no phrase uses, for any other (a table of all of
   * them: a test for ASCII in the loop cost 8 ms more on a megabyte of random bytes, the branch mispredicted).
   */
  readonly #columnOf: Uint8Array;
  readonly #columns: number;
  /** The next node, by node × column. */
  readonly #next: Uint16Array;
  /** Each node → the phrase that ends there, or -1. */
  readonly #ends: Int32Array;
  /** Each node → the nearest node of its suffixes where a phrase ends, or -1. */
  readonly #endBelow: Int32Array;

  /**
   * `phrases` are printable ASCII, compared lower-cased, or as written with `exact`. Only ASCII letters fold onto
   * ASCII letters (not the Kelvin sign onto `k`); a non-ASCII phrase is refused.
   */
  constructor(phrases: Iterable<string>, { exact = false }: { readonly exact?: boolean } = {}) {
    this.#phrases = [...new Set(exact ? phrases : [...phrases].map(asciiLower))];
    const other = this.#phrases.find((phrase) => /[^ -~]/.test(phrase));
    if (other !== undefined) {
      throw new Error(`phrase-set: not an ASCII phrase: ${other}`);
    }
    // the characters the phrases use, each a column; every other character (column 0) leads back to the root
    const columnOf = new Uint8Array(0x10000);
    let columns = 1;
    for (const phrase of this.#phrases) {
      for (let i = 0; i < phrase.length; i++) {
        const c = phrase.charCodeAt(i);
        if (columnOf[c] === 0) columnOf[c] = columns++;
      }
    }
    if (!exact) {
      for (let c = 0x41; c <= 0x5a; c++) columnOf[c] = columnOf[c + 0x20] ?? 0;
    }
    let nodes = 1;
    for (const phrase of this.#phrases) nodes += phrase.length;
    if (nodes > 0x10000) {
      throw new Error(`phrase-set: ${nodes} characters of phrases, more than the table's 65,536 nodes`);
    }
    // (16-bit moves: half the table, which a scan of varied text reads all over: 3 ms a megabyte of random bytes
    // with 32-bit moves)
    const next = new Uint16Array(nodes * columns);
    const ends = new Int32Array(nodes).fill(-1);
    // the tree of the phrases' beginnings; 0, the root, is no node's child, so a move of 0 is one the tree lacks
    let used = 1;
    this.#phrases.forEach((phrase, index) => {
      let node = 0;
      for (let i = 0; i < phrase.length; i++) {
        const at = node * columns + (columnOf[phrase.charCodeAt(i)] ?? 0);
        let child = next[at] ?? 0;
        if (child === 0) {
          child = used++;
          next[at] = child;
        }
        node = child;
      }
      ends[node] = index;
    });
    // breadth first, so that a node's longest proper suffix (`fail`) is complete before the node: a move the tree
    // lacks is the suffix's move (the root's lacking ones stay at the root)
    const fail = new Uint16Array(used);
    const endBelow = new Int32Array(used).fill(-1);
    const queue = new Uint16Array(used);
    let head = 0;
    let tail = 0;
    for (let column = 0; column < columns; column++) {
      const child = next[column] ?? 0;
      if (child !== 0) queue[tail++] = child;
    }
    while (head < tail) {
      const node = queue[head++] ?? 0;
      const suffix = fail[node] ?? 0;
      for (let column = 0; column < columns; column++) {
        const at = node * columns + column;
        const child = next[at] ?? 0;
        const viaSuffix = next[suffix * columns + column] ?? 0;
        if (child === 0) {
          next[at] = viaSuffix;
        } else {
          fail[child] = viaSuffix;
          endBelow[child] = (ends[viaSuffix] ?? -1) >= 0 ? viaSuffix : (endBelow[viaSuffix] ?? -1);
          queue[tail++] = child;
        }
      }
    }
    this.#columnOf = columnOf;
    this.#columns = columns;
    this.#next = next.slice(0, used * columns);
    this.#ends = ends.slice(0, used);
    this.#endBelow = endBelow;
  }

  /** The phrases (lower-cased, unless `exact`) that occur in `text`. */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    const total = this.#phrases.length;
    if (total === 0) return found;
    const columnOf = this.#columnOf;
    const columns = this.#columns;
    const next = this.#next;
    const ends = this.#ends;
    const endBelow = this.#endBelow;
    // nodes whose phrases (its own and its suffixes') are already taken
    const taken = new Uint8Array(ends.length);
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = next[node * columns + (columnOf[c] ?? 0)] ?? 0;
      if (taken[node] === 1) continue;
      taken[node] = 1;
      for (
        let end = (ends[node] ?? -1) >= 0 ? node : (endBelow[node] ?? -1);
        end >= 0;
        end = endBelow[end] ?? -1
      ) {
        if (end !== node && taken[end] === 1) break;
        taken[end] = 1;
        found.add(this.#phrases[ends[end] ?? 0] ?? '');
      }
      if (found.size === total) break;
    }
    return found;
  }
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
