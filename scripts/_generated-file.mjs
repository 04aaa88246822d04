// What the data generators share: format the generated text as `biome check` expects it, then write the file, or,
// with `--check`, exit 1 when the committed file differs from what the installed package produces.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Writes `text` (formatted) to `out`, then prints `summary`; under `--check`, compares instead and exits 1 naming
 * `script` when the file is out of date.
 */
export async function writeGenerated(out, text, script, summary) {
  const formatted = formatWithBiome(out, text);
  if (process.argv.includes('--check')) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current !== formatted) {
      process.stderr.write(`${out} is out of date; run node scripts/${script}\n`);
      process.exit(1);
    }
    return;
  }
  await writeFile(out, formatted);
  process.stdout.write(`${summary}\n`);
}

/** Formats the text the way `biome check` expects it, so the generated file passes the project's lint. */
function formatWithBiome(out, text) {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${out}`], { input: text, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`);
  return result.stdout;
}
