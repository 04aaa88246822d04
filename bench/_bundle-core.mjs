// Bundles packages/core to a temporary ES module so that benchmarks measure the same code the CLI ships.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importCore() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'whydenied-bench-')), 'core.mjs');
  await build({
    entryPoints: [new URL('../packages/core/src/index.ts', import.meta.url).pathname],
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
