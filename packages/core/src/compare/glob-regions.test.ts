/**
 * The witness search against brute force: for random small sets of wildcard patterns, every
 * combination of matches that some short string produces is produced by a witness, and the search's
 * automaton agrees with the engine's wildcard matcher.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWildcard } from '../matching/wildcard.js';
import { globMatches, globTokens, regionWitnesses } from './glob-regions.js';

const pattern = fc.stringMatching(/^[ab*?]{0,4}$/);

/** Every string over `a`, `b`, `c` of up to `length` characters. */
function strings(length: number): string[] {
  let level = [''];
  const out = [''];
  for (let i = 0; i < length; i++) {
    level = level.flatMap((s) => [`${s}a`, `${s}b`, `${s}c`]);
    out.push(...level);
  }
  return out;
}

const ALL = strings(5);

describe('regionWitnesses', () => {
  it('realizes every combination of matches that a short string does', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), (patterns) => {
        const tokens = patterns.map((p) => globTokens(p, { wildcards: true }));
        const matchers = patterns.map((p) => compileWildcard(p));
        const vector = (s: string) => matchers.map((m) => (m.matches(s) ? '1' : '0')).join('');
        const found = regionWitnesses(tokens);
        expect(found.complete).toBe(true);
        const realized = new Set(found.witnesses.map(vector));
        for (const s of ALL) expect(realized.has(vector(s)), `${JSON.stringify(patterns)} ${s}`).toBe(true);
        expect(realized.size).toBe(found.witnesses.length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('matches like the engine, literal text and ignore-case included', () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[abAB*?]{0,6}$/), (p, text) => {
        expect(globMatches(globTokens(p, { wildcards: true }), text)).toBe(compileWildcard(p).matches(text));
        expect(globMatches(globTokens(p, { wildcards: false }), text)).toBe(p === text);
        expect(globMatches(globTokens(p, { wildcards: false, ignoreCase: true }), text)).toBe(
          p.toLowerCase() === text.toLowerCase(),
        );
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
