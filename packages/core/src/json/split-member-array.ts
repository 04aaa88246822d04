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
 */
export function splitMemberArray(text: string, key: string): SplitMemberArray | undefined {
  const quotedKey = JSON.stringify(key);
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let elementStart = -1;
  let expectKey = false;
  let seen = 0;
  const spans: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
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
          while (j < text.length && isSpace(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) !== 0x3a) return undefined;
          j++;
          while (j < text.length && isSpace(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) !== 0x5b) return undefined;
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
  return { rest: `${text.slice(0, arrayStart)}[]${text.slice(arrayEnd)}`, spans };
}

/** The offset of the quote closing the string opened at `open`, or the text's length when none does. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
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
