import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWildcard, matchWildcard, type WildcardPart } from './wildcard.js';

/** The slow obvious reference: dynamic programming over pattern tokens and text positions. */
function referenceMatch(parts: readonly WildcardPart[], text: string, ignoreCase = false): boolean {
  const tokens: Array<'*' | '?' | { c: string }> = [];
  for (const part of parts) {
    if (part.kind === 'star') tokens.push('*');
    else if (part.kind === 'any-char') tokens.push('?');
    else {
      const t = ignoreCase ? part.text.toLowerCase() : part.text;
      for (const ch of t) {
        if (part.kind === 'text' && ch === '*') tokens.push('*');
        else if (part.kind === 'text' && ch === '?') tokens.push('?');
        else for (let i = 0; i < ch.length; i++) tokens.push({ c: ch.charAt(i) });
      }
    }
  }
  const s = ignoreCase ? text.toLowerCase() : text;
  let row = new Array<boolean>(s.length + 1).fill(false);
  row[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(s.length + 1).fill(false);
    for (let j = 0; j <= s.length; j++) {
      if (token === '*') next[j] = row[j] === true || (j > 0 && next[j - 1] === true);
      else if (j > 0 && row[j - 1] === true && (token === '?' || token.c === s.charAt(j - 1))) next[j] = true;
    }
    row = next;
  }
  return row[s.length] === true;
}

const alphabet = fc.constantFrom('a', 'b', '/', ':', 'A', '*', '?');
const patternArb = fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join(''));
const textArb = fc
  .array(fc.constantFrom('a', 'b', '/', ':', 'A', 'B'), { maxLength: 20 })
  .map((cs) => cs.join(''));
const partArb: fc.Arbitrary<WildcardPart> = fc.oneof(
  fc.constant({ kind: 'star' } as const),
  fc.constant({ kind: 'any-char' } as const),
  patternArb.map((text) => ({ kind: 'text', text }) as const),
  fc
    .array(fc.constantFrom('a', '*', '?', 'b'), { maxLength: 4 })
    .map((cs) => ({ kind: 'literal', text: cs.join('') }) as const),
);

describe('compileWildcard', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything/at:all', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['bucket/*/test/*', 'bucket/1/2/test/3/x', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXcYb', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['*a', 'a', true],
    ['a*a', 'a', false],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(matchWildcard(pattern, text)).toBe(expected);
  });

  it('is case-insensitive only when asked', () => {
    expect(matchWildcard('S3:get*', 's3:GetObject')).toBe(false);
    expect(matchWildcard('S3:get*', 's3:GetObject', { ignoreCase: true })).toBe(true);
  });

  it('keeps literal parts literal', () => {
    const m = compileWildcard([
      { kind: 'text', text: 'a/' },
      { kind: 'literal', text: '*' },
      { kind: 'star' },
    ]);
    expect(m.matches('a/*x')).toBe(true);
    expect(m.matches('a/x')).toBe(false);
  });

  it('agrees with the slow reference on string patterns', () => {
    fc.assert(
      fc.property(patternArb, textArb, fc.boolean(), (pattern, text, ignoreCase) => {
        const parts = [{ kind: 'text', text: pattern } as const];
        expect(compileWildcard(pattern, { ignoreCase }).matches(text)).toBe(
          referenceMatch(parts, text, ignoreCase),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the slow reference on mixed literal and wildcard parts', () => {
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 6 }), textArb, (parts, text) => {
        expect(compileWildcard(parts).matches(text)).toBe(referenceMatch(parts, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on pieces with `?` at their ends', () => {
    const piece = fc
      .array(fc.constantFrom('a', 'b', '?'), { minLength: 1, maxLength: 10 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(piece, piece, textArb, (p, q, text) => {
        const pattern = `a*${p}*${q}*b`;
        expect(matchWildcard(pattern, text)).toBe(referenceMatch([{ kind: 'text', text: pattern }], text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on long pieces with few `?`s (runs counted, not Shift-And)', () => {
    const run = fc
      .array(fc.constantFrom('a', 'b'), { minLength: 20, maxLength: 60 })
      .map((cs) => cs.join(''));
    const piece = fc
      .tuple(run, fc.constantFrom('?', '??'), run, fc.constantFrom('', '?'), fc.constantFrom('', 'ab'))
      .map(([x, q, y, r, z]) => `${x}${q}${y}${r}${z}`);
    const noise = fc.array(fc.constantFrom('a', 'b'), { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(piece, noise, noise, fc.boolean(), (p, before, after, plant) => {
        // half the texts hold an instance of the piece, its `?`s filled in
        const text = plant ? `${before}${p.replaceAll('?', 'b')}${after}` : `${before}${after}${before}`;
        const pattern = `*${p}*`;
        expect(matchWildcard(pattern, text)).toBe(referenceMatch([{ kind: 'text', text: pattern }], text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the reference on long pieces with `?` (multi-word Shift-And)', () => {
    const longPiece = fc
      .array(fc.constantFrom('a', 'b', '?'), { minLength: 30, maxLength: 70 })
      .map((cs) => cs.join(''));
    const longText = fc.array(fc.constantFrom('a', 'b'), { maxLength: 200 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(longPiece, longText, (piece, text) => {
        const pattern = `*${piece}*`;
        expect(matchWildcard(pattern, text)).toBe(referenceMatch([{ kind: 'text', text: pattern }], text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('adversarial inputs', () => {
  const text = 'a'.repeat(100_000);
  it('5,000 stars separated by `a` against 100 KB of `a` then no `b`', () => {
    const pattern = `${'*a'.repeat(5000)}*b`;
    expect(matchWildcard(pattern, text)).toBe(false);
    expect(matchWildcard(pattern, `${text}b`)).toBe(true);
  });
  it('5,000 consecutive stars', () => {
    expect(matchWildcard(`${'*'.repeat(5000)}a`, text)).toBe(true);
    expect(matchWildcard(`${'*'.repeat(5000)}b`, text)).toBe(false);
  });
  it('stars around long `?` pieces', () => {
    const pattern = `${'*a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?'.repeat(200)}*b`;
    expect(matchWildcard(pattern, text)).toBe(false);
    expect(matchWildcard(`${'*?'.repeat(5000)}*`, text)).toBe(true);
    expect(matchWildcard(`${'*?'.repeat(5000)}*`, 'a'.repeat(4999))).toBe(false);
  });
  it('a pattern of 70,000 stars and letters compiles (issue 12, defect 3: no spread of its parts)', () => {
    const pattern = `s3:${'G*'.repeat(70_000)}`;
    expect(matchWildcard(pattern, `s3:${'G'.repeat(70_000)}`)).toBe(true);
    expect(matchWildcard(pattern, `s3:${'G'.repeat(69_999)}`)).toBe(false);
  });
  it('`?` at the ends of a piece only reserve characters (issue 12, defect 8: `*?` + `a` × n + `b*`)', () => {
    const n = 2_000_000;
    const pattern = `*?${'a'.repeat(n)}b*`;
    expect(matchWildcard(pattern, 'a'.repeat(2 * n))).toBe(false);
    expect(matchWildcard(pattern, `${'a'.repeat(n + 1)}b`)).toBe(true);
    expect(matchWildcard(pattern, `${'a'.repeat(n)}b`)).toBe(false);
    expect(matchWildcard(`*${'a'.repeat(n)}b?*`, `x${'a'.repeat(n)}by`)).toBe(true);
    expect(matchWildcard(`*${'a'.repeat(n)}b?*`, `x${'a'.repeat(n)}b`)).toBe(false);
  });
  it('a long literal between `?`s inside a piece (the value of a policy variable) stays linear', () => {
    const value = 'a'.repeat(500_000);
    const pattern: WildcardPart[] = [
      { kind: 'text', text: '*x?' },
      { kind: 'literal', text: value },
      { kind: 'text', text: '?y*' },
    ];
    expect(compileWildcard(pattern).matches('a'.repeat(1_000_000))).toBe(false);
    expect(compileWildcard(pattern).matches(`zzx-${value}-yzz`)).toBe(true);
  });
  it('a KMP worst case: long almost-matching piece', () => {
    const piece = `${'a'.repeat(2000)}b`;
    expect(matchWildcard(`*${piece}*`, text)).toBe(false);
    expect(matchWildcard(`*${piece}*`, `${text}b`)).toBe(true);
  });
});
