import { describe, expect, it } from 'vitest';
import { hasLiteral, phrasesIn } from './phrase-scan.js';

describe('hasLiteral', () => {
  it('answers a literal first asked on another text from a scan that looks for it (review of this stop’s change)', () => {
    const x = 'User is not authorized: zz-literal-never-asked-before';
    const y = 'another text';
    phrasesIn(x);
    expect(hasLiteral(y, 'zz-literal-never-asked-before')).toBe(false);
    expect(hasLiteral(x, 'zz-literal-never-asked-before')).toBe(true);
    expect(hasLiteral(y, 'zz-literal-never-asked-before')).toBe(false);
  });

  it('finds a literal as written only, the scan folding case for the phrases beside it', () => {
    expect(hasLiteral('a ZZ-Literal-Two here', 'zz-literal-two')).toBe(false);
    expect(hasLiteral('a ZZ-Literal-Two here', 'ZZ-Literal-Two')).toBe(true);
    expect(hasLiteral('zz-literal-two', 'ZZ-Literal-Two')).toBe(false);
    expect(hasLiteral('zz-literal-two', 'zz-literal-two')).toBe(true);
  });
});
