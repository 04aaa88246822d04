/**
 * Finding JSON inside pasted text and completing JSON that was cut off. Both scan the text once,
 * character by character, without regular expressions.
 */

/** Where a JSON value starts and ends inside a longer text. */
export interface JsonSlice {
  /** Offset (0-based, UTF-16 code units) of the first character of the value. */
  readonly start: number;
  /** Offset just after the value; equals the text length when the value is cut off. */
  readonly end: number;
  /** Whether the text ended before the value did. */
  readonly cut: boolean;
}

/**
 * Finds the first JSON object or array in `text` (terminal prompts, `DecodedMessage:` labels and
 * trailing noise around it are skipped) and returns where it starts and where its brackets balance.
 * Returns `null` when the text holds no `{` or `[`.
 */
export function findJsonValue(text: string): JsonSlice | null {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return { start, end: i + 1, cut: false };
    }
  }
  return { start, end: text.length, cut: true };
}

type Expect = 'key' | 'colon' | 'value' | 'comma';

interface Frame {
  readonly closer: '}' | ']';
  expect: Expect;
}

/**
 * The closers of the open brackets as a persistent list (innermost first): remembering the closers
 * at a point is keeping one reference, so a cut is recorded in constant time however deep it is.
 */
interface Closers {
  readonly closer: '}' | ']';
  readonly outer: Closers | null;
}

function closersText(closers: Closers | null): string {
  const out: string[] = [];
  for (let c = closers; c !== null; c = c.outer) out.push(c.closer);
  return out.join('');
}

/** The text up to the last complete point of a cut JSON value, closed so that it parses. */
export interface CompletedJson {
  readonly text: string;
  /** Offset in the original text after which everything was dropped. */
  readonly keptUpTo: number;
}

/**
 * Completes JSON text that was cut off: keeps everything up to the last complete value (a string
 * value cut in the middle is kept and closed), drops a dangling key, comma or partial literal, and
 * closes the open arrays and objects. Returns `null` when nothing complete was read.
 */
export function completeCutJson(text: string): CompletedJson | null {
  const stack: Frame[] = [];
  let open: Closers | null = null;
  // the best cut so far: where, and the brackets open there (the text is built once, at the end)
  let best: { at: number; closers: Closers | null } | null = null;
  const result = (): CompletedJson | null =>
    best === null ? null : { text: text.slice(0, best.at) + closersText(best.closers), keptUpTo: best.at };
  const record = (at: number): void => {
    best = { at, closers: open };
  };
  const valueDone = (at: number): void => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.expect = 'comma';
    record(at);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const top = stack[stack.length - 1];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '"') {
      const isKey = top?.expect === 'key';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text.charAt(j);
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) {
        if (isKey) return result();
        // a string value cut in the middle: keep what was read, without a partial escape
        const kept = withoutPartialEscape(text, i + 1, text.length);
        return { text: `${text.slice(0, kept)}"${closersText(open)}`, keptUpTo: kept };
      }
      if (isKey && top !== undefined) top.expect = 'colon';
      else valueDone(j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const closer = ch === '{' ? '}' : ']';
      stack.push({ closer, expect: ch === '{' ? 'key' : 'value' });
      open = { closer, outer: open };
      record(i + 1);
      i++;
      continue;
    }
    if (ch === '}' || ch === ']') {
      stack.pop();
      open = open?.outer ?? null;
      valueDone(i + 1);
      i++;
      continue;
    }
    if (ch === ':') {
      if (top !== undefined) top.expect = 'value';
      i++;
      continue;
    }
    if (ch === ',') {
      if (top !== undefined) top.expect = top.closer === '}' ? 'key' : 'value';
      i++;
      continue;
    }
    // a number or a literal: complete only when something follows it
    let j = i;
    while (j < text.length && !isDelimiter(text.charAt(j))) j++;
    if (j >= text.length) return result();
    valueDone(j);
    i = j;
  }
  return result();
}

function isDelimiter(c: string): boolean {
  return (
    c === ',' || c === '}' || c === ']' || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ':'
  );
}

/** The end of a cut string's content, moved back before a trailing incomplete escape sequence. */
function withoutPartialEscape(text: string, from: number, to: number): number {
  let end = to;
  // a lone backslash at the end
  let slashes = 0;
  while (end - slashes - 1 >= from && text.charAt(end - slashes - 1) === '\\') slashes++;
  if (slashes % 2 === 1) return end - 1;
  // `\u` followed by fewer than four hex digits
  for (let back = 1; back <= 5 && end - back - 1 >= from; back++) {
    if (text.charAt(end - back) === 'u' && text.charAt(end - back - 1) === '\\') {
      let s = 0;
      while (end - back - 2 - s >= from && text.charAt(end - back - 2 - s) === '\\') s++;
      if (s % 2 === 0 && back <= 4) end = end - back - 1;
      break;
    }
  }
  return end;
}
