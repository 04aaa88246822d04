import { MAX_JSON_DEPTH } from './parse-json.js';

/** A JSON object's text with one array member set aside: the rest, and where each element lies. */
export interface SplitMemberArray {
  /** The object's text with the member's array emptied (`[]`): parse it for every other member. */
  readonly rest: string;
  /**
   * The start and end offsets (end exclusive) into the text of each element of the array, in order,
   * two numbers per element in one flat list (a batch has many thousands).
   */
  readonly spans: readonly number[];
}

/**
 * Finds the array under `key` in the text of a JSON object (written literally, once, at the top
 * level) and the spans of its elements, so that a batch of many thousands of elements is parsed one
 * element at a time instead of as one object graph. Returns `undefined` whenever the text is not
 * plainly such an object (no such member, written twice or with escapes, not an array, too deep,
 * unbalanced): callers then parse the whole text, which also reports any error where it lies. The
 * spans are only delimited here; each element is well-formed JSON only if its own parse says so.
 *
 * The text may come in pieces (a line of many megabytes as it was read), which are never joined:
 * offsets count from the start of the first piece, and {@link PieceText.slice} reads a span.
 */
export function splitMemberArray(
  input: string | readonly string[],
  key: string,
): SplitMemberArray | undefined {
  const text = new PieceText(typeof input === 'string' ? [input] : input);
  const quotedKey = JSON.stringify(key);
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let elementStart = -1;
  let expectKey = false;
  let seen = 0;
  const spans: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.at(i);
    if (c === 0x22) {
      const start = i;
      i = closingQuote(text, i);
      if (depth === 1 && expectKey) {
        expectKey = false;
        const raw = text.slice(start, i + 1);
        if (raw.includes('\\') && decodesTo(raw, key)) return undefined;
        if (raw === quotedKey) {
          seen++;
          if (seen > 1) return undefined;
          let j = i + 1;
          while (j < text.length && isSpace(text.at(j))) j++;
          if (text.at(j) !== 0x3a) return undefined;
          j++;
          while (j < text.length && isSpace(text.at(j))) j++;
          if (text.at(j) !== 0x5b) return undefined;
          arrayStart = j;
          depth = 2;
          i = j;
        }
      } else if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && elementStart < 0) {
        elementStart = start;
      }
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === 2 && arrayStart >= 0 && arrayEnd < 0) {
      // inside the array, between elements
      if (c === 0x2c) {
        if (elementStart < 0) return undefined;
        spans.push(elementStart, trimEnd(text, elementStart, i));
        elementStart = -1;
        continue;
      }
      if (c === 0x5d) {
        if (elementStart >= 0) spans.push(elementStart, trimEnd(text, elementStart, i));
        else if (spans.length > 0) return undefined; // a trailing comma
        elementStart = -1;
        arrayEnd = i + 1;
        depth = 1;
        continue;
      }
      if (elementStart < 0) elementStart = i;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) return undefined;
      if (depth === 1) expectKey = c === 0x7b;
      if (depth === 1 && c !== 0x7b) return undefined;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 0) return undefined;
    } else if (c === 0x2c && depth === 1) {
      expectKey = true;
    }
  }
  if (depth !== 0 || arrayStart < 0 || arrayEnd < 0) return undefined;
  return {
    rest: `${text.slice(0, arrayStart)}[]${text.slice(arrayEnd, text.length)}`,
    spans,
  };
}

/**
 * A text held as the pieces it was read in, read by offset from the start of the first piece without
 * joining them (joining a text of many megabytes copies it whole). Reads are fastest in order.
 */
export class PieceText {
  readonly length: number;
  private readonly starts: number[] = [];
  /** The piece last read, and where it starts. */
  private index = 0;
  private base = 0;
  private piece: string;

  constructor(private readonly pieces: readonly string[]) {
    let length = 0;
    for (const p of pieces) {
      this.starts.push(length);
      length += p.length;
    }
    this.length = length;
    this.piece = pieces[0] ?? '';
  }

  /** The UTF-16 code unit at `offset` (`NaN` outside the text, as `charCodeAt` gives). */
  at(offset: number): number {
    const local = offset - this.base;
    if (local >= 0 && local < this.piece.length) return this.piece.charCodeAt(local);
    if (offset < 0 || offset >= this.length) return Number.NaN;
    this.seek(offset);
    return this.piece.charCodeAt(offset - this.base);
  }

  /** The offset of the first `"` at or after `from`, or -1 (searched piece by piece with `indexOf`). */
  indexOfQuote(from: number): number {
    if (from >= this.length) return -1;
    this.seek(from);
    let local = from - this.base;
    for (;;) {
      const found = this.piece.indexOf('"', local);
      if (found >= 0) return this.base + found;
      if (this.index + 1 >= this.pieces.length) return -1;
      this.seek(this.base + this.piece.length);
      local = 0;
    }
  }

  /** The text from `start` to `end` (exclusive): a slice of one piece, or the joined slices of several. */
  slice(start: number, end: number): string {
    if (start >= end) return '';
    this.seek(start);
    const local = start - this.base;
    if (end - this.base <= this.piece.length) return this.piece.slice(local, end - this.base);
    let out = this.piece.slice(local);
    for (let i = this.index + 1; i < this.pieces.length; i++) {
      const from = this.starts[i] as number;
      if (from >= end) break;
      out += (this.pieces[i] as string).slice(0, end - from);
    }
    return out;
  }

  /** Makes the piece holding `offset` (within the text) the current one. */
  private seek(offset: number): void {
    let index = this.index;
    if (offset >= this.base) {
      while (index + 1 < this.pieces.length && (this.starts[index + 1] as number) <= offset) index++;
    } else {
      // backwards (rare: trimming an element's end): search from the start
      let lo = 0;
      let hi = this.pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((this.starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      index = lo;
    }
    this.index = index;
    this.base = this.starts[index] as number;
    this.piece = this.pieces[index] as string;
  }
}

/** The offset of the quote closing the string opened at `open`, or the text's length when none does. */
function closingQuote(text: PieceText, open: number): number {
  let at = text.indexOfQuote(open + 1);
  while (at >= 0) {
    let backslashes = 0;
    while (text.at(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOfQuote(at + 1);
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function trimEnd(text: PieceText, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.at(e - 1))) e--;
  return e;
}

/** Whether a quoted JSON string with escapes stands for `key` (an invalid one stands for nothing). */
function decodesTo(raw: string, key: string): boolean {
  try {
    return JSON.parse(raw) === key;
  } catch {
    return false;
  }
}
