import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../test/case-table.js';
import { hardWrap, labelledFieldsOf } from '../../test/hard-wrap.js';

/**
 * The wrap property's whole space, every point of it: each corpus error hard-wrapped at every width from 40 to
 * 200 columns, with no hanging indent and with indents of 2, 4 and 8, reads the labelled fields its unwrapped
 * text reads. The property samples the space; a seed once found the one width of one error (67 columns, a cut
 * right after a JSON string's backslash) that no earlier run had drawn.
 */
describe('readError on every hard wrap of every corpus error', () => {
  const corpus = readCorpus().map((entry) => entry.text);
  it.each(corpus.map((text, i) => [i, text] as const))('corpus error %i', (_, text) => {
    const plain = labelledFieldsOf(text);
    const differing: string[] = [];
    for (let width = 40; width <= 200; width++) {
      for (const indent of [0, 2, 4, 8]) {
        const wrapped = labelledFieldsOf(hardWrap(text, width, indent));
        for (const [field, value] of Object.entries(plain)) {
          if (JSON.stringify(wrapped[field]) !== JSON.stringify(value)) {
            differing.push(`${width} columns, indent ${indent}: ${field} ${JSON.stringify(wrapped[field])}`);
          }
        }
      }
    }
    expect(differing).toEqual([]);
  });
});
