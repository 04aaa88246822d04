import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseSet } from './phrase-set.js';

/** The definition: the phrases that the text, its ASCII letters lower-cased, contains. */
function foundByIncludes(phrases: readonly string[], text: string): string[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return phrases.map((p) => p.replace(/[A-Z]/g, (c) => c.toLowerCase())).filter((p) => lower.includes(p));
}

describe('PhraseSet', () => {
  // A small alphabet, so that phrases overlap, start where others start and are prefixes of others; the
  // text also holds letters that fold to ASCII ones in other case rules (Kelvin sign, long s, dotted I).
  const ascii = fc.constantFrom('a', 'B', 'b', 'A', ' ', '.', '(', 'k', 'K', 's', 'i');
  const chars = fc.oneof(ascii, fc.constantFrom('\u212a', '\u017f', '\u0130', '\u0131'));
  const word = (from: fc.Arbitrary<string>, max: number) =>
    fc.array(from, { minLength: 1, maxLength: max }).map((c) => c.join(''));

  it('finds exactly the phrases the text holds, ignoring the case of ASCII letters only', () => {
    fc.assert(
      fc.property(fc.array(word(ascii, 4), { maxLength: 8 }), word(chars, 80), (phrases, text) => {
        const found = new PhraseSet(phrases).foundIn(text);
        expect([...found].sort()).toEqual([...new Set(foundByIncludes(phrases, text))].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('with breaksAsSpaces, finds a folded phrase whose spaces the text breaks over lines, a literal only as written', () => {
    const withBreaks = fc.oneof(ascii, fc.constant('\n'));
    fc.assert(
      fc.property(
        fc.array(word(ascii, 4), { maxLength: 6 }),
        fc.array(word(ascii, 4), { maxLength: 4 }),
        word(withBreaks, 80),
        (phrases, literals, text) => {
          const found = new PhraseSet(phrases, { literals, breaksAsSpaces: true }).scan(text);
          const asSpaces = text.replace(/\n/g, ' ');
          expect([...found.folded].sort()).toEqual([...new Set(foundByIncludes(phrases, asSpaces))].sort());
          expect([...found.exact].sort()).toEqual(
            [...new Set(literals.filter((l) => text.includes(l)))].sort(),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the same in a text that repeats some phrases hundreds of times', () => {
    fc.assert(
      fc.property(
        fc.array(word(ascii, 4), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 100, maxLength: 600 }),
        word(chars, 20),
        (phrases, picks, tail) => {
          const text = picks.map((i) => phrases[i % phrases.length]).join(' ') + tail;
          const found = new PhraseSet(phrases).foundIn(text);
          expect([...found].sort()).toEqual([...new Set(foundByIncludes(phrases, text))].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds exactly the phrases the text holds as written when exact, a repeated one included', () => {
    fc.assert(
      fc.property(
        fc.array(word(ascii, 4), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        word(chars, 80),
        (phrases, picks, tail) => {
          const text = picks.map((i) => phrases[i % Math.max(1, phrases.length)] ?? '').join(' ') + tail;
          const found = new PhraseSet(phrases, { exact: true }).foundIn(text);
          expect([...found].sort()).toEqual([...new Set(phrases.filter((p) => text.includes(p)))].sort());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds folded phrases and literals as written in one scan, a literal also a folded phrase', () => {
    fc.assert(
      fc.property(
        fc.array(word(ascii, 4), { maxLength: 6 }),
        fc.array(word(ascii, 4), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 200 }),
        word(chars, 60),
        (phrases, literals, picks, tail) => {
          const pool = [...phrases, ...literals, ...literals.map((l) => l.toUpperCase())];
          const text = picks.map((i) => pool[i % Math.max(1, pool.length)] ?? '').join(' ') + tail;
          const { folded, exact } = new PhraseSet([...phrases, ...literals], { literals }).scan(text);
          expect([...folded].sort()).toEqual(
            [...new Set(foundByIncludes([...phrases, ...literals], text))].sort(),
          );
          expect([...exact].sort()).toEqual([...new Set(literals.filter((l) => text.includes(l)))].sort());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds nothing with no phrases', () => {
    expect(new PhraseSet([]).foundIn('anything').size).toBe(0);
  });

  it('finds a phrase that ends inside another one, and one found only through a longer partial match', () => {
    const found = new PhraseSet(['abcd', 'bc', 'c', 'bcx']).foundIn('xabcx');
    expect([...found].sort()).toEqual(['bc', 'bcx', 'c']);
  });

  it('refuses phrases longer than its table holds', () => {
    expect(() => new PhraseSet([`${'a'.repeat(40_000)}`, `${'b'.repeat(40_000)}`])).toThrow(/65,536 nodes/);
  });

  it('refuses a phrase that is not ASCII', () => {
    expect(() => new PhraseSet(['ka', '\u212aa'])).toThrow(/not an ASCII phrase/);
  });
});
