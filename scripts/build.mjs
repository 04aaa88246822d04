// Bundles the CLI (with core) into one ESM file so that `npx whydenied` starts fast
// and needs no TypeScript loader at run time. Runs on `npm install` (prepare) and before tests.
import { build } from 'esbuild';

await build({
  entryPoints: ['packages/cli/src/main.ts'],
  outfile: 'packages/cli/dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // the workspace core is bundled from source; third-party packages stay external
  alias: { '@whydenied/core': './packages/core/src/index.ts' },
});
