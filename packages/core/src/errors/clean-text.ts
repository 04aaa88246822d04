import { unwrapLines } from './unwrap-lines.js';

/**
 * Undoes what terminals, log shippers and serialisers do to an error before it is pasted:
 * colour codes, Windows line ends, Terraform's box drawing, lines wrapped at a fixed width, and one
 * level of string escaping (`\"`, `\n`) from errors that were printed inside a JSON or Python string.
 */
export function cleanErrorText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\u001b')) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
    text = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
  }
  // before the frames go and before unescaping: what was wrapped is the framed, escaped text
  text = unwrapLines(text);
  if (/[│╷╵]/.test(text)) {
    // Terraform frames diagnostics with box-drawing characters at the start of each line.
    text = text.replace(/^[ \t]*[│╷╵][ \t]?/gm, '');
  }
  if (text.includes('\\n') || text.includes('\\"') || text.includes('\\t')) {
    text = unescapeOnce(text);
  }
  return text;
}

/** At most this many escapes are undone: an escaped error string has a few, not hundreds of thousands. */
const MAX_ESCAPES = 10_000;

/**
 * Replaces the escapes of a JSON or Python string literal (`\\n`, `\\"`, `\\\\`...) by the characters they
 * stand for, in one pass. Past {@link MAX_ESCAPES} the rest of the text is kept as it is.
 */
export function unescapeOnce(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let count = 0;
  for (
    let i = text.indexOf('\\');
    i >= 0 && i < text.length - 1 && count < MAX_ESCAPES;
    i = text.indexOf('\\', i)
  ) {
    const replacement = ESCAPES[text.charAt(i + 1)];
    if (replacement === undefined) {
      i += 1;
      continue;
    }
    parts.push(text.slice(from, i), replacement);
    count++;
    i += 2;
    from = i;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Escaped character → the character it stands for (`\\r` becomes a line feed, as line ends are normalised). */
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\n',
  t: '\t',
  '"': '"',
  '\\': '\\',
  '/': '/',
};
