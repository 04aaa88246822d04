/**
 * readInputLines decodes chunks as they come (ASCII chunks copied without decoding, the others through
 * a UTF-8 decoder that keeps a character cut between chunks): any cutting of any text gives the lines
 * of the text decoded whole, and a long line's pieces join to the same line.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CliIo, readInputLines } from '../src/io.js';

async function linesOf(chunks: readonly Buffer[], piecesAbove?: number) {
  const io = { stdin: Readable.from(chunks), env: {} } as unknown as CliIo;
  const out: { number: number; text: string; pieces: boolean }[] = [];
  const options = piecesAbove === undefined ? {} : { piecesAbove };
  for await (const line of readInputLines('-', io, options)) {
    out.push({ number: line.number, text: line.text, pieces: line.pieces !== undefined });
  }
  return out;
}

/** The lines of a text decoded whole, as the reader numbers and cleans them (a BOM starts none). */
function expected(bytes: Buffer) {
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const start = i === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { number: i + 1, text: line.slice(start, line.endsWith('\r') ? -1 : line.length) };
  });
}

describe('readInputLines', () => {
  it('reads any text cut anywhere as the text decoded whole', async () => {
    const text = fc
      .array(fc.oneof(fc.string(), fc.constantFrom('é', '€', '😀', '\n', '\r\n', '\ufeff', '\uffff')), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    const bytes = fc.oneof(
      text.map((t) => Buffer.from(t, 'utf8')),
      // broken UTF-8 too: cut characters, stray continuation bytes
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b.filter((x) => x !== 0xff))),
    );
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        async (whole, cuts, long) => {
          const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => whole.subarray(start, at[i] ?? whole.length));
          const lines = await linesOf(chunks, long ? 4 : undefined);
          expect(lines.map(({ number, text }) => ({ number, text }))).toEqual(expected(whole));
          if (long) for (const line of lines) if (line.text.length > 4) expect(line.pieces).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
