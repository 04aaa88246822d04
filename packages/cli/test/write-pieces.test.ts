import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writePieces } from '../src/output.js';

describe('writePieces', () => {
  it('waits for drain whenever the stream asks, so a slow reader holds at most a piece', async () => {
    const written: string[] = [];
    let queuedMost = 0;
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        setTimeout(done, 1);
      },
    });
    const track = setInterval(() => {
      queuedMost = Math.max(queuedMost, slow.writableLength);
    }, 0);
    const pieces = Array.from({ length: 20 }, (_, i) => `piece ${i};`);
    await writePieces(slow, pieces);
    await new Promise<void>((resolve) => slow.end(resolve));
    clearInterval(track);
    expect(written.join('')).toBe(pieces.join(''));
    // never more than the piece being written and the one that filled the queue
    expect(queuedMost).toBeLessThanOrEqual(2 * 'piece 10;'.length);
  });
});
