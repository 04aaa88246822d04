import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPointerLocator, createScanningLocator } from './pointer-position.js';

/** Pointers into a value: every node's, and some that name nothing (their nearest ancestor is found). */
function pointersOf(value: unknown, at = ''): string[] {
  const out = [at, `${at}/missing`, `${at}/9`];
  const children: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  for (const [k, v] of children) {
    for (const p of pointersOf(v, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`)) out.push(p);
  }
  return out;
}

describe('createScanningLocator', () => {
  it('finds what the syntax-tree locator finds, in compact and printed JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        const tree = createPointerLocator(text);
        const scan = createScanningLocator(text);
        for (const pointer of pointersOf(value)) {
          expect(scan.locate(pointer), pointer).toEqual(tree.locate(pointer));
          expect(scan.text(pointer), pointer).toBe(tree.text(pointer));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes the last member of a repeated name, as JSON.parse does', () => {
    const text = '{"a": 1, "a": [2, "x\\"y"]}';
    expect(createScanningLocator(text).text('/a/1')).toBe('"x\\"y"');
  });
});
