import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeStrings } from './terminal-safe.js';

describe('terminalSafe', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m', 'ared'],
    ['CSI with private parameters', 'a\u001b[?25lb', 'ab'],
    ['OSC window title, BEL-ended', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['OSC hyperlink, ST-ended', '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['full reset ESC c', 'a\u001bcb', 'ab'],
    ['save cursor ESC 7', 'a\u001b7b', 'ab'],
    ['charset ESC ( B', 'a\u001b(Bb', 'ab'],
    ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['APC string', 'a\u001b_Gf=100;x\u001b\\b', 'ab'],
    ['8-bit CSI', 'a\u009b2Jb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['carriage return, backspace, bell', 'a\rb\bc\u0007d', 'abcd'],
    ['bidi override', 'a\u202eb\u2066c', 'abc'],
    ['lone ESC at the end', 'ab\u001b', 'ab'],
    ['unterminated OSC keeps its text', 'a\u001b]0;title', 'a0;title'],
    ['tabs and line feeds stay', 'a\tb\nc', 'a\tb\nc'],
    ['plain text is untouched', 'arn:aws:iam::111122223333:role/é', 'arn:aws:iam::111122223333:role/é'],
  ])('%s', (_, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('cleans every string of a result, nested, and keeps the rest', () => {
    const result = { a: 'x\u001bc', b: [1, 'y\u001b]0;t\u0007'], c: { d: null, e: true } };
    expect(terminalSafeStrings(result)).toEqual({ a: 'x', b: [1, 'y'], c: { d: null, e: true } });
  });
});
