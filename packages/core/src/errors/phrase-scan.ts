import { PhraseSet } from './phrase-set.js';

/**
 * The phrases that the reader's steps look for in the cleaned text, found by one scan of it: the look-alike rules'
 * and the tool table's phrases (in any case) and the literals the extractors test for (as written). Each step's own
 * set scanned the same megabyte again, 2–3 ms a scan. Steps add their phrases when their module loads; the
 * extractors' literals are added as they are first asked for (`hasLiteral`), the set rebuilt for the next text.
 */
const folded = new Set<string>();
const literals = new Set<string>();
let set: PhraseSet | null = null;
let scanned: string | null = null;
let found: { readonly folded: Set<string>; readonly exact: Set<string> } = {
  folded: new Set(),
  exact: new Set(),
};

/** Adds phrases (printable ASCII) that `phrasesIn` finds in any case, lower-cased (as the set answers). */
export function lookForPhrases(phrases: Iterable<string>): void {
  for (const phrase of phrases) folded.add(phrase);
  set = null;
  scanned = null;
}

/** The phrases (lower-cased) of those added by `lookForPhrases` that `text` holds, in any case. */
export function phrasesIn(text: string): ReadonlySet<string> {
  return scanOf(text).folded;
}

/**
 * Whether `text` holds `literal` as written. A literal asked for the first time is searched for alone, then added
 * to the set (printable ASCII only, as the set takes), which finds it with the others in the next text's scan.
 */
export function hasLiteral(text: string, literal: string): boolean {
  if (literals.has(literal)) return scanOf(text).exact.has(literal);
  const present = text.includes(literal);
  // (a literal looked for as written is checked where its folded form ends, at each such place until one is written
  // as asked: a long one would make that check long, so only short ones join the scan)
  if (literal.length <= MAX_SCANNED_LITERAL && /^[ -~]+$/.test(literal)) {
    literals.add(literal);
    set = null;
    // the text scanned last was scanned without it: its answer joins that scan's
    if (text !== scanned) scanned = null;
    else if (present) found.exact.add(literal);
  }
  return present;
}

/**
 * The longest literal the scan looks for (the extractors' longest is 95 characters; each looked for alone cost a
 * megabyte of random bytes 0.2 ms).
 */
const MAX_SCANNED_LITERAL = 120;

function scanOf(text: string): { readonly folded: Set<string>; readonly exact: Set<string> } {
  if (text !== scanned) {
    // (a look-alike's or a tool's words broken over two lines by a word wrap are its words still)
    set ??= new PhraseSet(folded, { literals, breaksAsSpaces: true });
    found = set.scan(text);
  }
  // (the string asked for, even when one of the same characters was scanned: each comparison of two strings alike
  // reads them whole, and the reader asks for the text it holds hundreds of times a read; read again, a megabyte cost
  // 11 ms of such comparisons, one of the same string costs none)
  scanned = text;
  return found;
}
