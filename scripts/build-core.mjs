// Compiles @whydenied/core (packages/core/src, tests excluded) to packages/core/dist with
// packages/core/tsconfig.build.json: ES2022 modules, declarations and declaration maps, one output per
// source file (so a subpath export is one more entry in the exports map), and the JSON tables the source
// imports, which tsc copies beside the code. Runs from scripts/build.mjs, or alone
// (`node scripts/build-core.mjs`).
//
// `tsc -b` keeps its state in node_modules/.cache/whydenied-core/ (not in the package): an unchanged core
// is up to date in a fraction of a second, an edit recompiles what it affects. tsc trusts that state and
// never deletes an output, so: a missing output drops the state (everything is emitted again), and the
// outputs of deleted source files are removed after the build.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE = join(ROOT, 'packages', 'core');
const SRC = join(CORE, 'src');

/** The directory the core package's exports map points at. */
export const CORE_DIST = join(CORE, 'dist');

/** tsc's incremental state (`tsBuildInfoFile` of packages/core/tsconfig.build.json). */
const BUILD_INFO = join(ROOT, 'node_modules', '.cache', 'whydenied-core', 'tsconfig.build.tsbuildinfo');

/** Builds packages/core/dist; rejects (after tsc has printed its diagnostics) when tsc fails. */
export async function buildCore() {
  if (!outputsComplete()) rmSync(BUILD_INFO, { force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-b', join(CORE, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`core build: tsc exited with ${signal ?? code}`)),
    );
  });
  removeOrphans(CORE_DIST);
}

/** Relative paths (`/`-separated) of the files under a directory. */
function filesUnder(directory) {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(directory.length + 1)
        .replaceAll('\\', '/'),
    );
}

/** True when dist/ has the code and declarations of every source module. */
function outputsComplete() {
  if (!existsSync(CORE_DIST)) return false;
  return filesUnder(SRC)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .every((file) =>
      ['.js', '.d.ts'].every((ext) => existsSync(join(CORE_DIST, file.replace(/\.ts$/, ext)))),
    );
}

/** The source file an output of dist/ comes from. */
function sourceOf(output) {
  const file = output.replace(/\.map$/, '');
  if (file.endsWith('.d.ts')) return file.replace(/\.d\.ts$/, '.ts');
  if (file.endsWith('.js')) return file.replace(/\.js$/, '.ts');
  return file;
}

/** Removes the outputs of deleted (or since excluded) source files, then directories left empty. */
function removeOrphans(directory) {
  for (const output of filesUnder(directory)) {
    const source = sourceOf(output);
    if (source.endsWith('.test.ts') || !existsSync(join(SRC, source))) rmSync(join(directory, output));
  }
  const directories = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const path of directories) if (readdirSync(path).length === 0) rmdirSync(path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCore();
