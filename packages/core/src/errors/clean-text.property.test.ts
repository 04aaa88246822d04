import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../test/case-table.js';
import { cleanErrorText, removeFramesAndEscapes, unescapeOnce, unwrapAndUnframe } from './clean-text.js';
import { unwrapLines } from './unwrap-lines.js';

/** The escapes of a JSON or Python string literal, undone by one scan from the left: the definition. */
function unescapeByScan(text: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const replacement = text[i] === '\\' && i + 1 < text.length ? escapes[text.charAt(i + 1)] : undefined;
    if (replacement === undefined) {
      out += text.charAt(i);
    } else {
      out += replacement;
      i++;
    }
  }
  return out;
}

describe('unescapeOnce', () => {
  it('undoes the escapes as one scan from the left does, whatever runs of backslashes the text holds', () => {
    const chars = fc.constantFrom('\\', 'n', 'r', 't', '"', '/', 'x', ' ', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(unescapeOnce(text)).toBe(unescapeByScan(text));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The steps one after the other, each on the whole text: the definition of the one pass. */
function framesThenEscapes(text: string, frames: boolean, escapes: boolean): string {
  const unframed = frames ? text.replace(/^[ \t]*[│╷╵][ \t]?/gm, '') : text;
  return escapes ? unescapeByScan(unframed) : unframed;
}

describe('removeFramesAndEscapes', () => {
  const chars = fc.constantFrom('\\', 'n', '"', 'x', ' ', '\t', '\n', '│', '╷', '╵', '\u2028', '\u2029');
  const text = fc.array(chars, { maxLength: 60 }).map((parts) => parts.join(''));

  it('is the frame removal by a multiline regular expression, then the escapes undone', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, frames, escapes) => {
        expect(removeFramesAndEscapes([t], frames, escapes)).toBe(framesThenEscapes(t, frames, escapes));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the pieces as the text they make: frames and escapes run on from one piece into the next', () => {
    const piece = fc.array(chars, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (pieces, frames, escapes) => {
          const joined = pieces.join('');
          expect(removeFramesAndEscapes(pieces, frames, escapes)).toBe(
            framesThenEscapes(joined, frames, escapes),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('unwrapAndUnframe', () => {
  /** The steps as separate copies: unwrap, frames, then escapes when the unwrapped text shows one. */
  function cleanByCopies(raw: string): string {
    const unwrapped = unwrapLines(raw);
    const frames = /[│╷╵]/.test(unwrapped);
    const escapes = unwrapped.includes('\\n') || unwrapped.includes('\\"') || unwrapped.includes('\\t');
    return framesThenEscapes(unwrapped, frames, escapes);
  }

  it('gives what the separate steps give on hard-wrapped framed and escaped text', () => {
    const chars = fc.constantFrom(
      '\\',
      'n',
      '"',
      't',
      'x',
      ' ',
      ' ',
      '\n',
      '│ ',
      'User: ',
      'perform: ',
      'arn:aws:',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 200 }), fc.integer({ min: 30, max: 60 }), (parts, width) => {
        const text = parts.join('');
        const wrapped = text
          .split('\n')
          .map((line) => line.match(new RegExp(`.{1,${width}}`, 'g'))?.join('\n') ?? '')
          .join('\n');
        expect(unwrapAndUnframe(wrapped)).toBe(cleanByCopies(wrapped));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanErrorText on boxes and frames', () => {
  it.each([
    [
      "Terraform's frame, blank framed rows included, is removed as a frame, not read as a box",
      '╷\n│ Error: creating IAM Role (app): AccessDenied: denied\n│ \n│   with aws_iam_role.app,\n│\n│ more\n╵',
      '\nError: creating IAM Role (app): AccessDenied: denied\n\n  with aws_iam_role.app,\n\nmore\n',
    ],
    [
      "a log viewer's box: a full row is joined to the next as it is, a padded row keeps its line end",
      'AccessDeniedE │\n│ xception: User: arn:aws:iam::1:user/a is not authorized to  │\n│ perform: s3:GetObject   ',
      'AccessDeniedException: User: arn:aws:iam::1:user/a is not authorized to perform: s3:GetObject',
    ],
  ])('%s', (_name, text, expected) => {
    expect(cleanErrorText(text)).toBe(expected);
  });
});

describe("cleanErrorText on Docker Compose's log prefixes", () => {
  // corpus errors none of whose lines ends with a bar (a table's row, which keeps its prefix)
  const corpus = readCorpus()
    .map((entry) => entry.text)
    .filter((text) => !/\|[ \t]*$/m.test(text));
  // (Compose's names: the service's, then its replica's number, `web_1` or `web-1`)
  const name = fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/),
      fc.constantFrom('_', '-'),
      fc.integer({ min: 1, max: 9 }),
    )
    .map(([service, mark, replica]) => `${service}${mark}${replica}`);

  it('reads the error as without them, one service or several padded to one width, the first line copied without', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.nat(),
        (text, names, firstBare, seed) => {
          const width = Math.max(...names.map((n) => n.length)) + 1 + (seed % 4);
          const lines = text.split('\n');
          const prefixed = lines
            .map((line, i) => {
              if (i === 0 && firstBare) return line;
              const prefix = `${(names[(seed + i) % names.length] ?? 'web').padEnd(width)}|`;
              return line === '' ? prefix : `${prefix} ${line}`;
            })
            .join('\n');
          fc.pre(lines.length - (firstBare ? 1 : 0) >= 2);
          expect(cleanErrorText(prefixed)).toBe(cleanErrorText(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a Markdown table', '| code | message |\n|---|---|\n| AccessDenied | denied |', '| AccessDenied |'],
    [
      "rows ending with a bar (a table's, with names first)",
      'code  | AccessDenied |\nmsg   | Access Denied |',
      'msg   |',
    ],
    ['bars at different columns', 'web  | AccessDenied: denied\nworker    | more', 'worker    | more'],
    [
      'one prefixed line among others',
      'AccessDenied: denied\nsomething else\nweb_1  | more',
      'web_1  | more',
    ],
  ])('leaves %s as it is', (_name, text, kept) => {
    expect(cleanErrorText(text)).toContain(kept);
  });
});
