import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateWhole } from './scan-source.js';

const dir = mkdtempSync(join(tmpdir(), 'whydenied-inflate-'));
const json = (n: number) =>
  Buffer.from(JSON.stringify({ Records: Array.from({ length: n }, (_, i) => ({ i })) }));

/** A gzip file written for a case: its path. */
function gz(name: string, ...members: Buffer[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(members.map((m) => gzipSync(m))));
  return path;
}

describe('inflateWhole: a worker inflates a small gzip file at once, else leaves it to the stream', () => {
  it('inflates a file within the bound', async () => {
    const body = json(50);
    expect((await inflateWhole(gz('small.json.gz', body), 4096))?.json).toEqual(body);
  });

  it('leaves a file whose trailer states more than the bound', async () => {
    expect(await inflateWhole(gz('large.json.gz', json(500)), 4096)).toBeNull();
  });

  it('leaves a file of several members that inflate beyond the bound although the last one is small', async () => {
    const path = gz('members.json.gz', json(500), Buffer.from(' '));
    expect(await inflateWhole(path, 4096)).toBeNull();
    // within a larger bound, every member is inflated
    expect((await inflateWhole(path, 1 << 20))?.json.length).toBe(json(500).length + 1);
  });

  it('reports a cut-off file as gzip does, for the scan to name it', async () => {
    const path = join(dir, 'cut.json.gz');
    const whole = gzipSync(json(50));
    // the cut keeps a trailer-sized tail that states a small size
    writeFileSync(path, Buffer.concat([whole.subarray(0, 40), Buffer.from([0, 0, 0, 0, 10, 0, 0, 0])]));
    await expect(inflateWhole(path, 4096)).rejects.toMatchObject({ code: expect.stringMatching(/^Z_/) });
  });
});
