import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readYamlTemplate } from './yaml-template.js';

/** Scalars with the characters that open, close or quote a level: `[`, `{`, quotes, `#`, `- `. */
const scalar = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', ' ', '[', ']', '{', '}', "'", '"', '#', '-', ':', ',', '\\'),
    maxLength: 8,
  }),
  fc.integer(),
  fc.boolean(),
);

/** A value nested exactly `depth` levels (maps and lists, each level one nested member and perhaps a scalar beside it). */
function nested(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return scalar;
  const inner = nested(depth - 1);
  const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/);
  return fc.oneof(
    inner.map((v) => [v]),
    fc.tuple(inner, scalar).map(([v, s]) => [s, v]),
    fc.tuple(key, inner).map(([k, v]) => ({ [k]: v })),
    fc.tuple(key, inner, scalar).map(([k, v, s]) => ({ [`${k}0`]: s, [`${k}1`]: v })),
  );
}

/** A value written in YAML's block style, in its flow style (JSON is YAML), or block style around flow. */
const written = (value: unknown) =>
  fc.constantFrom(
    stringify(value),
    JSON.stringify(value),
    stringify(value, { collectionStyle: 'flow' }),
    stringify({ Resources: { A: { Properties: value } } }),
  );

describe('readYamlTemplate: how deep a text may nest', () => {
  it('reads every text nested up to 40 levels as the value written, in any style', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((depth) => nested(depth))
          .chain((value) => fc.tuple(fc.constant(value), written(value))),
        ([value, text]) => {
          const read = readYamlTemplate(text);
          expect(read.ok ? 'read' : read.diagnostics[0]?.message).toBe('read');
          if (!read.ok) return;
          const back = read.value.value as Record<string, unknown>;
          const unwrapped = text.startsWith('Resources:')
            ? (back.Resources as { A: { Properties: unknown } }).A.Properties
            : back;
          expect(JSON.stringify(unwrapped)).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a text nested more than 256 levels where it passes the limit, before the parser recurses into it', () => {
    const cases: readonly (readonly [string, number, number])[] = [
      // flow lists and maps at the top level (itself one level): the 256th opening
      ['['.repeat(5000), 1, 256],
      ['{"a":'.repeat(5000), 1, 1 + 255 * 5],
      // block maps, one space deeper each line: the 257th line
      [Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 257, 257],
      // entries of entries on one line: the 256th; flow inside three block levels: the 254th opening
      [`${'- '.repeat(300)}x`, 1, 1 + 255 * 2],
      [`A:\n  B:\n    C: ${'['.repeat(300)}`, 3, 8 + 253],
    ];
    for (const [text, line, column] of cases) {
      const read = readYamlTemplate(text);
      expect(
        !read.ok && read.diagnostics.map((d) => [d.code, d.span?.start.line, d.span?.start.column]),
      ).toEqual([['yaml-syntax', line, column]]);
    }
  });

  it('counts no level inside quotes or comments', () => {
    const brackets = '['.repeat(400);
    for (const text of [
      `A: "${brackets}"\n`,
      `A: '${brackets}'\n`,
      `A: x # ${brackets}\n`,
      `# ${brackets}\nA: x\n`,
      `A: "a \\" ${brackets}"\n`,
      `A: 'it''s ${brackets}'\n`,
    ]) {
      expect(readYamlTemplate(text).ok).toBe(true);
    }
  });
});
