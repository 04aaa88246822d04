/**
 * What a terminal would act on rather than print, taken out of text that came from the input: every
 * ECMA-48 escape and control sequence (CSI such as colours and cursor moves, OSC such as window titles
 * and hyperlinks, DCS, SOS, PM and APC strings, two-character escapes such as `ESC c` that reset the
 * terminal), their 8-bit C1 forms, the other C0 controls but tab and line feed, DEL, and the Unicode
 * bidirectional overrides that make a line read differently from what it holds. One linear pass.
 * @see https://ecma-international.org/publications-and-standards/standards/ecma-48/
 */
export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  const out: string[] = [];
  let cursor = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const end = unsafeEnd(text, i, code);
    if (end === i) {
      i++;
      continue;
    }
    out.push(text.slice(cursor, i));
    cursor = end;
    i = end;
  }
  out.push(text.slice(cursor));
  return out.join('');
}

/** A quick test for anything {@link terminalSafe} removes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const ESC = 0x1b;
const BEL = 0x07;
/** C1 introducers of control strings (DCS, SOS, OSC, PM, APC), ended by ST. */
const C1_STRING = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
/** The characters after ESC that open a control string: `P` DCS, `X` SOS, `]` OSC, `^` PM, `_` APC. */
const ESC_STRING = new Set(['P', 'X', ']', '^', '_']);

/** Where the unsafe sequence that starts at `i` ends (exclusive); `i` when the character is safe. */
function unsafeEnd(text: string, i: number, code: number): number {
  if (code === ESC) {
    const next = text.charAt(i + 1);
    if (next === '[') return csiEnd(text, i + 2);
    if (ESC_STRING.has(next)) return stringEnd(text, i + 2);
    // nF escapes (`ESC ( B`): intermediates 0x20-0x2F then a final byte; Fp, Fe, Fs (`ESC c`, `ESC 7`)
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
    const final = text.charCodeAt(j);
    return final >= 0x30 && final <= 0x7e ? j + 1 : j;
  }
  if (code === 0x9b) return csiEnd(text, i + 1);
  if (C1_STRING.has(code)) return stringEnd(text, i + 1);
  if (code === 0x09 || code === 0x0a) return i;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return i + 1;
  if (code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e)) return i + 1;
  if (code >= 0x2066 && code <= 0x2069) return i + 1;
  return i;
}

/** The end of a CSI sequence whose parameters start at `j`: parameter and intermediate bytes, then a final byte. */
function csiEnd(text: string, j: number): number {
  let k = j;
  while (k < text.length && text.charCodeAt(k) >= 0x20 && text.charCodeAt(k) <= 0x3f) k++;
  const final = text.charCodeAt(k);
  return final >= 0x40 && final <= 0x7e ? k + 1 : k;
}

/**
 * The end of a control string whose body starts at `j`: after its ST (`ESC \` or 0x9C) or BEL. Without
 * a terminator only the introducer goes: the rest is printable text once the introducer is gone.
 */
function stringEnd(text: string, j: number): number {
  for (let k = j; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === BEL || c === 0x9c) return k + 1;
    if (c === ESC && text.charAt(k + 1) === '\\') return k + 2;
    if (c === ESC) return k;
  }
  return j;
}

/**
 * A copy of a result for a text view with {@link terminalSafe} applied to every string in it (plain
 * objects and arrays are copied, anything else is kept): what the input said reaches the terminal as
 * text only, while the view's own colours stay.
 */
export function terminalSafeStrings<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value === 'string') return terminalSafe(value);
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = copy(v);
  return out;
}
