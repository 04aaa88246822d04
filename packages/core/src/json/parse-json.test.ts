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
