/**
 * A fixed set of phrases looked for in a text, ignoring the case of ASCII letters, and of literals looked for as
 * written, without copying the text: a pasted error can be a megabyte, and lower-casing it whole cost more than the
 * search (a fresh megabyte costs milliseconds here), while one phrase searched at a time cost a scan per phrase.
 *
 * The phrases are one automaton (Aho and Corasick's: a tree of their beginnings, each node also knowing the longest
 * of its suffixes that begins a phrase), its moves a table by node and character, so one pass over the text finds
 * every phrase, one table look-up a character, whatever the text repeats. A regular expression of the phrases,
 * scanned again from the character after each match and rebuilt without the phrases found, took 7–12 ms over a
 * megabyte of pasted errors where this takes about 2 (Aho, Corasick, "Efficient string matching", CACM 18(6), 1975).
 * The automaton folds ASCII letters; a literal looked for as written is checked where its folded form ends.
 */
export class PhraseSet {
  /** Each node's phrases that end there: the folded one (lower-cased) and those looked for as written. */
  readonly #endings: readonly Ending[];
  /** Whether `foundIn` answers with the literals (an `exact` set) rather than the folded phrases. */
  readonly #exactResult: boolean;
  /** Each node → the last scan that took all its phrases (and its suffixes'). */
  readonly #taken: Uint32Array;
  #scans = 0;
  /** A scan's ends of one node's chain of suffixes, reused: no chain is longer than the longest phrase. */
  readonly #chain: Int32Array;
  readonly #foldedCount: number;
  readonly #exactCount: number;
  /**
   * Each UTF-16 code unit → its column in the table; 0, a column no phrase uses, for any other (a table of all of
   * them: a test for ASCII in the loop cost 8 ms more on a megabyte of random bytes, the branch mispredicted).
   */
  readonly #columnOf: Uint8Array;
  readonly #columns: number;
  /** The next node, by node × column. */
  readonly #next: Uint16Array;
  /** Each node → its index in `#endings`, or -1. */
  readonly #ends: Int32Array;
  /** Each node → the nearest node of its suffixes where a phrase ends, or -1. */
  readonly #endBelow: Int32Array;
  /** The first node where a phrase (its own or a suffix's) ends: all nodes from it on are such, none before it. */
  readonly #firstEnding: number;

  /**
   * `phrases` are printable ASCII, compared lower-cased, or as written with `exact`; `literals`, beside folded
   * phrases, are looked for as written in the same scan (a literal may also be a folded phrase: each is found as
   * what it was asked as). Only ASCII letters fold onto ASCII letters (not the Kelvin sign onto `k`); a non-ASCII
   * phrase is refused. With `breaksAsSpaces`, a folded phrase's space also matches a line break (a literal still only
   * as written).
   */
  constructor(
    phrases: Iterable<string>,
    {
      exact = false,
      literals = [],
      breaksAsSpaces = false,
    }: {
      readonly exact?: boolean;
      readonly literals?: Iterable<string>;
      readonly breaksAsSpaces?: boolean;
    } = {},
  ) {
    const list = [...phrases];
    const folded = exact ? [] : list.map(asciiLower);
    const written = exact ? list : [...literals];
    const other = [...folded, ...written].find((phrase) => /[^ -~]/.test(phrase));
    if (other !== undefined) {
      throw new Error(`phrase-set: not an ASCII phrase: ${other}`);
    }
    const byKey = new Map<string, { folded: string | null; exact: string[]; length: number }>();
    for (const phrase of folded) {
      byKey.set(phrase, { folded: phrase, exact: [], length: phrase.length });
    }
    for (const phrase of new Set(written)) {
      const key = asciiLower(phrase);
      const ending = byKey.get(key) ?? { folded: null, exact: [], length: key.length };
      ending.exact.push(phrase);
      byKey.set(key, ending);
    }
    const keys = [...byKey.keys()];
    this.#endings = [...byKey.values()];
    this.#chain = new Int32Array(Math.max(0, ...keys.map((key) => key.length)) + 1);
    this.#exactResult = exact;
    this.#foldedCount = new Set(folded).size;
    this.#exactCount = new Set(written).size;
    // the characters the phrases use, each a column (ASCII capitals share their small letter's); every other
    // character (column 0) leads back to the root
    const columnOf = new Uint8Array(0x10000);
    let columns = 1;
    for (const key of keys) {
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (columnOf[c] === 0) columnOf[c] = columns++;
      }
    }
    for (let c = 0x41; c <= 0x5a; c++) columnOf[c] = columnOf[c + 0x20] ?? 0;
    // (a line break where a folded phrase has a space: a paste word-wrapped at a width, its break where a space was)
    if (breaksAsSpaces) columnOf[0x0a] = columnOf[0x20] ?? 0;
    let nodes = 1;
    for (const key of keys) nodes += key.length;
    if (nodes > 0x10000) {
      throw new Error(`phrase-set: ${nodes} characters of phrases, more than the table's 65,536 nodes`);
    }
    // (16-bit moves: half the table, which a scan of varied text reads all over)
    const next = new Uint16Array(nodes * columns);
    const ends = new Int32Array(nodes).fill(-1);
    // the tree of the phrases' beginnings; 0, the root, is no node's child, so a move of 0 is one the tree lacks
    let used = 1;
    keys.forEach((key, index) => {
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const at = node * columns + (columnOf[key.charCodeAt(i)] ?? 0);
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
    // numbered anew, breadth first, the nodes where no phrase ends (their own or a suffix's) before those where one
    // does: a scan reads the table's rows of the shallow nodes most, now side by side, and a node below
    // `#firstEnding` needs no look-up of its endings (a scan of a megabyte of pasted errors, with the reader's 262
    // phrases and 281 literals: 2.9 ms before, 2.6 now; of a megabyte of random bytes: 4.3 ms before, 3.4 now)
    const order = [0, ...queue.subarray(0, tail)];
    const ending = (node: number) => (ends[node] ?? -1) >= 0 || (endBelow[node] ?? -1) >= 0;
    const renumbered = [...order.filter((node) => !ending(node)), ...order.filter(ending)];
    const numberOf = new Uint16Array(used);
    renumbered.forEach((node, index) => {
      numberOf[node] = index;
    });
    const moves = new Uint16Array(used * columns);
    const endsOf = new Int32Array(used);
    const endBelowOf = new Int32Array(used);
    renumbered.forEach((node, index) => {
      for (let column = 0; column < columns; column++) {
        moves[index * columns + column] = numberOf[next[node * columns + column] ?? 0] ?? 0;
      }
      endsOf[index] = ends[node] ?? -1;
      const below = endBelow[node] ?? -1;
      endBelowOf[index] = below >= 0 ? (numberOf[below] ?? 0) : -1;
    });
    const firstEnding = renumbered.findIndex(ending);
    this.#firstEnding = firstEnding < 0 ? used : firstEnding;
    this.#columnOf = columnOf;
    this.#columns = columns;
    this.#next = moves;
    this.#ends = endsOf;
    this.#endBelow = endBelowOf;
    this.#taken = new Uint32Array(used);
  }

  /** The phrases (lower-cased, unless `exact`) that occur in `text`. */
  foundIn(text: string): Set<string> {
    const { folded, exact } = this.scan(text);
    return this.#exactResult ? exact : folded;
  }

  /** The folded phrases (lower-cased) and the literals (as written) that occur in `text`. */
  scan(text: string): { readonly folded: Set<string>; readonly exact: Set<string> } {
    const folded = new Set<string>();
    const exact = new Set<string>();
    const total = this.#foldedCount + this.#exactCount;
    if (total === 0) return { folded, exact };
    const columnOf = this.#columnOf;
    const columns = this.#columns;
    const next = this.#next;
    const ends = this.#ends;
    const endBelow = this.#endBelow;
    const endings = this.#endings;
    const firstEnding = this.#firstEnding;
    // nodes whose phrases (its own and its suffixes') are all taken: a literal written otherwise than as asked keeps
    // its node open for a later match
    // (a stamp of this scan rather than a fresh array a scan: a trail's every record is scanned)
    const taken = this.#taken;
    const scan = ++this.#scans;
    if (scan === 0xffffffff) {
      taken.fill(0);
      this.#scans = 1;
    }
    const stamp = this.#scans;
    // the ends of the current node's chain whose own phrases are all taken, from the node down
    const chain = this.#chain;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = next[node * columns + (columnOf[c] ?? 0)] ?? 0;
      if (node < firstEnding || taken[node] === stamp) continue;
      // a node (or a suffix's end) is taken once its phrases and all its suffixes' are
      let length = 0;
      let below = true;
      for (
        let end = (ends[node] ?? -1) >= 0 ? node : (endBelow[node] ?? -1);
        end >= 0;
        end = endBelow[end] ?? -1
      ) {
        if (end !== node && taken[end] === stamp) break;
        const ending = endings[ends[end] ?? 0];
        if (ending === undefined) break;
        if (ending.folded !== null) folded.add(ending.folded);
        let done = true;
        for (const literal of ending.exact) {
          if (exact.has(literal)) continue;
          if (text.startsWith(literal, i + 1 - ending.length)) exact.add(literal);
          else done = false;
        }
        chain[length++] = done ? end : -1;
      }
      for (let k = length - 1; k >= 0; k--) {
        const end = chain[k] ?? -1;
        if (end < 0) below = false;
        else if (below) taken[end] = stamp;
      }
      if (below) taken[node] = stamp;
      if (folded.size + exact.size === total) break;
    }
    return { folded, exact };
  }
}

/** The phrases of one node of the tree. */
interface Ending {
  readonly folded: string | null;
  readonly exact: readonly string[];
  readonly length: number;
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
