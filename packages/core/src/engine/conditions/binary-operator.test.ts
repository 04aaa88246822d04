import { describe, expect, it } from 'vitest';
import { BINARY_EQUALS, decodeBase64 } from './binary-operator.js';

describe('decodeBase64', () => {
  it.each([
    ['aGk=', 'hi'],
    ['aGk', 'hi'],
    ['  aGVsbG8=  ', 'hello'],
    ['', ''],
    ['a', undefined],
    ['a*==', undefined],
  ])('%j decodes to %j', (text, expected) => {
    expect(decodeBase64(text)).toBe(expected);
  });

  it('drops a long run of padding in one pass (issue 12, defect 7: `=` × 200,000 + `x` took 21 s)', () => {
    const run = '='.repeat(2_000_000);
    expect(decodeBase64(`${run}x`)).toBeUndefined();
    expect(decodeBase64(`aGk${run}`)).toBe('hi');
  });
});

describe('BinaryEquals', () => {
  it('compares decoded bytes, padding or not', () => {
    const matches = BINARY_EQUALS.compile({ text: 'aGk=', parts: null });
    expect(matches?.('aGk')).toBe(true);
    expect(matches?.(`${'='.repeat(200_000)}x`)).toBe(false);
  });
});
