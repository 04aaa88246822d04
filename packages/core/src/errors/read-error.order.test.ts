/**
 * A reading depends on its text alone, not on the texts the process read before it: the CLI reads one text per
 * process, the library and the web page many. The extractors' literal checks keep state between texts (see `has` in
 * surfaces.ts); each text of the case tables is read first in a module of its own (as the CLI reads it) and again in
 * one that read every other text before it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readCorpus } from '../../test/case-table.js';
import type { readError as ReadError } from './read-error.js';

/** The texts of the corpus and of the case tables that hold their own. */
const texts = [
  ...readCorpus().map((e) => e.text),
  ...['pasted', 'shapes', 'wrapped'].flatMap((name) =>
    (
      JSON.parse(readFileSync(new URL(`./cases/${name}.cases.json`, import.meta.url), 'utf8')) as {
        input: { text?: string };
      }[]
    ).flatMap((c) => (c.input.text === undefined ? [] : [c.input.text])),
  ),
];

async function freshReader(): Promise<typeof ReadError> {
  vi.resetModules();
  return (await import('./read-error.js')).readError;
}

function view(result: ReturnType<typeof ReadError>): unknown {
  return result.ok ? { kind: result.value.kind, ...result.value.failure } : result.diagnostics[0]?.code;
}

describe('readError reads a text the same whatever was read before it', () => {
  it('first in a fresh module, and after every other text', async () => {
    const warm = await freshReader();
    const afterAll = texts.map(() => null as unknown);
    for (const text of texts) warm(text);
    texts.forEach((text, i) => {
      afterAll[i] = view(warm(text));
    });
    const differ: number[] = [];
    for (const [i, text] of texts.entries()) {
      const first = view((await freshReader())(text));
      if (JSON.stringify(first) !== JSON.stringify(afterAll[i])) differ.push(i);
    }
    expect(differ.map((i) => texts[i]?.slice(0, 120))).toEqual([]);
  }, 600_000);
});
