/**
 * Undoes what terminals, log shippers and serialisers do to an error before it is pasted:
 * colour codes, Windows line ends, Terraform's box drawing, and one level of string escaping
 * (`\"`, `\n`) from errors that were printed inside a JSON or Python string.
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
  if (/[│╷╵]/.test(text)) {
    // Terraform frames diagnostics with box-drawing characters at the start of each line.
    text = text.replace(/^[ \t]*[│╷╵][ \t]?/gm, '');
  }
  if (text.includes('\\n') || text.includes('\\"') || text.includes('\\t')) {
    text = unescapeOnce(text);
  }
  return text;
}

/** Replaces the escapes of a JSON or Python string literal by the characters they stand for. */
function unescapeOnce(text: string): string {
  return text.replace(/\\(["\\/nrt])/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\n';
      case 't':
        return '\t';
      default:
        return c;
    }
  });
}
