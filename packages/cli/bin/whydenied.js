#!/usr/bin/env node
// Thin launcher: the CLI is bundled to ../dist/main.js by `npm run build` (run by `npm install`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'whydenied: the CLI is not built; run `npm install` (or `npm run build`) at the repository root\n',
  );
  process.exit(2);
}
const { runProcess } = await import(entry.href);
await runProcess(process);
