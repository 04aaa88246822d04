/**
 * The JSON reader: values as `JSON.parse` gives them, syntax errors with their line and column, and
 * nesting beyond {@link MAX_JSON_DEPTH} refused with the position where it goes too deep (what reads
 * a value next walks it recursively, and a stack overflow is no answer to user input).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from './parse-json.js';

const nested = (depth: number, open = '[', close = ']'): string => open.repeat(depth) + close.repeat(depth);

interface Case {
  readonly name: string;
  readonly input: string;
  readonly expected:
    | { readonly ok: true }
    | { readonly code: string; readonly line?: number; readonly column?: number };
}

const CASES: readonly Case[] = [
  { name: 'a policy', input: '{"Version":"2012-10-17","Statement":[]}', expected: { ok: true } },
  { name: 'nesting at the limit', input: nested(MAX_JSON_DEPTH), expected: { ok: true } },
  {
    name: 'one level past the limit: the position of the bracket that goes too deep',
    input: nested(MAX_JSON_DEPTH + 1),
    expected: { code: 'json-too-deep', line: 1, column: MAX_JSON_DEPTH + 1 },
  },
  {
    name: 'objects count as levels too, on a later line',
    input: `\n  ${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`,
    expected: { code: 'json-too-deep', line: 2, column: 3 + MAX_JSON_DEPTH * 5 },
  },
  {
    name: 'brackets inside strings (escaped quotes too) are no nesting',
    input: JSON.stringify({ s: `\\"${'['.repeat(MAX_JSON_DEPTH * 2)}` }),
    expected: { ok: true },
  },
  {
    name: 'a syntax error keeps its position',
    input: '{\n  "a": ,\n}',
    expected: { code: 'json-syntax', line: 2 },
  },
  {
    name: 'invalid and too deep: where it goes too deep, not a stack overflow at 1:1 (issue 12, defect 4)',
    input: `\n ${'['.repeat(100_000)}`,
    expected: { code: 'json-too-deep', line: 2, column: 2 + MAX_JSON_DEPTH },
  },
  {
    name: 'invalid and too deep, with a syntax error before the limit: the syntax error',
    input: `[1 2${'['.repeat(100_000)}`,
    expected: { code: 'json-syntax', line: 1, column: 4 },
  },
  {
    name: 'a raw control character inside a string: its position',
    input: '{\n "a": "x\u0007y"}',
    expected: { code: 'json-syntax', line: 2, column: 9 },
  },
];

describe('parseJson', () => {
  it.each(CASES)('$name', ({ input, expected }) => {
    const result = parseJson(input);
    if ('ok' in expected) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toEqual(JSON.parse(input));
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [diagnostic] = result.diagnostics;
    expect(diagnostic?.code).toBe(expected.code);
    if (expected.line !== undefined) expect(diagnostic?.span?.start.line).toBe(expected.line);
    if (expected.column !== undefined) expect(diagnostic?.span?.start.column).toBe(expected.column);
  });

  it('escapes the control characters and shortens the input it quotes (issue 12, defect 4)', () => {
    const messages = [
      '{"a":\u0001}',
      '[\u001b]2;title\u0007]',
      '{"a":"\u001bc"}',
      `[true${'x'.repeat(1_000_000)}]`,
    ].map((input) => {
      const result = parseJson(input);
      return result.ok ? '' : (result.diagnostics[0]?.message ?? '');
    });
    expect(messages).toEqual([
      'invalid JSON: unexpected character `\\u0001` found',
      'invalid JSON: unexpected character `\\u001b` found',
      'invalid JSON: control character `\\u001b` inside a string (write it escaped)',
      `invalid JSON: unexpected identifier \`true${'x'.repeat(36)}…\` found`,
    ]);
  });

  it('locates the error of any invalid text without throwing (property)', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '1', 'x', '\u0001', '\n', ' ', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat({ max: 2000 }), (pieces, depth) => {
        const text = '['.repeat(depth) + pieces.join('');
        const result = parseJson(text);
        if (result.ok) return;
        const [d] = result.diagnostics;
        expect(d?.message).not.toMatch(/call stack/);
        expect([...(d?.message ?? '')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
        if (d?.span !== undefined) expect(d.span.start.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every JSON value as JSON.parse does (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        const result = parseJson(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses any nesting past the limit without overflowing the stack (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 200_000 }), (depth) => {
        const result = parseJson(nested(depth));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.diagnostics[0]?.span?.start.offset).toBe(MAX_JSON_DEPTH);
      }),
      { numRuns: 20 },
    );
  });
});
