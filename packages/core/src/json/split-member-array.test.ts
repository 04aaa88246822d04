import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PieceText, splitMemberArray } from './split-member-array.js';

/** The elements as parsed from their spans, and the rest as parsed: `undefined` when not split. */
function read(text: string) {
  const split = splitMemberArray(text, 'requests');
  if (split === undefined) return undefined;
  return {
    rest: JSON.parse(split.rest) as unknown,
    elements: Array.from({ length: split.spans.length / 2 }, (_, i) =>
      JSON.parse(text.slice(split.spans[2 * i], split.spans[2 * i + 1])),
    ) as unknown[],
  };
}

describe('splitMemberArray', () => {
  it.each([
    { name: 'plain', text: '{"a":1,"requests":[1,"x",{"b":[2]}],"c":{}}', elements: [1, 'x', { b: [2] }] },
    { name: 'spaces', text: ' { "requests" : [ 1 , [ ] ] } ', elements: [1, []] },
    { name: 'empty', text: '{"requests":[]}', elements: [] },
    {
      name: 'strings with brackets',
      text: '{"requests":["],\\"[",{"k":"}"}]}',
      elements: ['],"[', { k: '}' }],
    },
    { name: 'nested key of the same name', text: '{"x":{"requests":[9]},"requests":[1]}', elements: [1] },
  ])('splits $name', ({ text, elements }) => {
    const r = read(text);
    expect(r?.elements).toEqual(elements);
    expect(r?.rest).toEqual({ ...(JSON.parse(text) as object), requests: [] });
  });

  it.each([
    { name: 'no member', text: '{"request":{}}' },
    { name: 'twice', text: '{"requests":[1],"requests":[2]}' },
    { name: 'escaped twin', text: '{"requests":[1],"requ\\u0065sts":[2]}' },
    { name: 'not an array', text: '{"requests":{}}' },
    { name: 'an array at the top', text: '[{"requests":[1]}]' },
    { name: 'unbalanced', text: '{"requests":[1]' },
    { name: 'trailing comma', text: '{"requests":[1,]}' },
    { name: 'empty element', text: '{"requests":[,1]}' },
  ])('leaves $name to the whole parse', ({ text }) => {
    expect(splitMemberArray(text, 'requests')).toBeUndefined();
  });

  it('gives the elements JSON.parse gives, for any case object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), (rest, requests) => {
        const text = JSON.stringify({ ...rest, requests }, null, rest.a === undefined ? 0 : 2);
        const r = read(text);
        expect(r?.elements).toEqual(JSON.parse(JSON.stringify(requests)));
      }),
    );
  });

  it('splits a text given in pieces as it splits the text whole', () => {
    const text = fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), fc.boolean())
      .map(([rest, requests, pretty]) => JSON.stringify({ ...rest, requests }, null, pretty ? 2 : 0));
    // also texts that are not plainly such an object: cut or with a character changed
    const mangled = fc
      .tuple(text, fc.nat(), fc.constantFrom('', '"', '\\', ']', '{', ','))
      .map(([t, at, c]) => t.slice(0, at % (t.length + 1)) + c + t.slice((at % (t.length + 1)) + 1));
    fc.assert(
      fc.property(fc.oneof(text, mangled), fc.array(fc.nat(), { maxLength: 12 }), (whole, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => whole.slice(start, at[i] ?? whole.length));
        const split = splitMemberArray(pieces, 'requests');
        expect(split).toEqual(splitMemberArray(whole, 'requests'));
        if (split === undefined) return;
        const text = new PieceText(pieces);
        for (let i = 0; i < split.spans.length; i += 2) {
          const [start, end] = [split.spans[i] as number, split.spans[i + 1] as number];
          expect(text.slice(start, end)).toBe(whole.slice(start, end));
        }
      }),
      { numRuns: 500 },
    );
  });
});
