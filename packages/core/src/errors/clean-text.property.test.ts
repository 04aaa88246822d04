import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeOnce } from './clean-text.js';

/** The escapes of a JSON or Python string literal, undone by one scan from the left: the definition. */
function unescapeByScan(text: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const replacement = text[i] === '\\' && i + 1 < text.length ? escapes[text.charAt(i + 1)] : undefined;
    if (replacement === undefined) {
      out += text.charAt(i);
    } else {
      out += replacement;
      i++;
    }
  }
  return out;
}

describe('unescapeOnce', () => {
  it('undoes the escapes as one scan from the left does, whatever runs of backslashes the text holds', () => {
    const chars = fc.constantFrom('\\', 'n', 'r', 't', '"', '/', 'x', ' ', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(unescapeOnce(text)).toBe(unescapeByScan(text));
      }),
      { numRuns: 2000 },
    );
  });
});
