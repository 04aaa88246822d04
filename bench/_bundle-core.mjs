// Bundles packages/core to a temporary ES module so that benchmarks measure the same code the CLI ships.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The core's main entry and its subpath entries, as one module. */
const ENTRIES = ['index', 'engine', 'evidence', 'errors', 'calls', 'lint'];

export async function importCore() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'whydenied-bench-')), 'core.mjs');
  const source = new URL('../packages/core/src/', import.meta.url).pathname;
  await build({
    stdin: {
      contents: ENTRIES.map((entry) => `export * from '${source}${entry}.ts';`).join('\n'),
      resolveDir: source,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
