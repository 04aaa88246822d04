import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from './cli-error.js';

/** What is written of a fix: its file name in the directory and its complete document. */
export interface FixFile {
  readonly file: string;
  readonly document: unknown;
}

/**
 * Makes sure `dir` exists (created with its parents) and can be written, before anything is
 * analysed or printed; a directory that cannot be is a one-line error (exit 1).
 */
export function prepareFixDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw inputError(`${dir}: cannot write fixes there (${describe(error)})`);
  }
}

/**
 * Writes each fix's complete document to `dir/<file>`, each through a temporary file in the same
 * directory renamed over the target, so that no file is ever left half-written.
 */
export function writeFixFiles(dir: string, fixes: readonly FixFile[]): void {
  for (const fix of fixes) {
    const target = join(dir, fix.file);
    const temporary = join(dir, `.${fix.file}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temporary, `${JSON.stringify(fix.document, null, 2)}\n`, { flag: 'wx' });
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw inputError(`${target}: cannot write the fix (${describe(error)})`);
    }
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not a directory';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
