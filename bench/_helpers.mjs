// Helpers the benchmarks share: the loopback AWS of the tests, bundled to run here, and a folder's files.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The fake AWS of packages/aws/test (loopback SigV4 endpoints), bundled to a temporary module and imported. */
export async function importFakeAws() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'whydenied-bench-')), 'fake.mjs');
  await build({
    entryPoints: [join(ROOT, 'packages/aws/test/fake-aws/fake-aws.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Every file under `dir`, recursively, sorted; names starting with `.` (the benches' markers) left out. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
