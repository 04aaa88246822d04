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

/**
 * Replaces the escapes of a JSON or Python string literal (`\\n`, `\\"`, `\\\\`...) by the characters they
 * stand for, as one left-to-right pass would: the text is split at its escaped backslashes (`\\\\`, taken
 * from the left, as such a pass takes them), the other escapes are undone in each part, and the parts are
 * joined with the backslash each pair stands for. `\\r` becomes a line feed, as line ends are normalised.
 * Only native string operations over the text: a pasted megabyte of escapes costs milliseconds even in a
 * process that has not warmed up.
 */
export function unescapeOnce(text: string): string {
  return text
    .split('\\\\')
    .map((part) =>
      // a part holds no `\\\\`: no escape here can be the second half of another, so the passes are independent
      part.includes('\\')
        ? part
            .replace(/\\[nr]/g, '\n')
            .replace(/\\t/g, '\t')
            .replace(/\\(["/])/g, '$1')
        : part,
    )
    .join('\\');
}
