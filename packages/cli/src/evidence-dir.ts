import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AnalyzeInput, InputKind } from '@whydenied/core';
import { inputError } from './cli-error.js';
import { type CliIo, readInput, readJsonInput } from './io.js';

/**
 * An evidence directory: the files `collect` writes (account details, organization snapshot,
 * resource policies, decoded message, the error), in the formats the offline commands read as they
 * are, and `whydenied-evidence.json`, which lists them with their kind (and a resource policy's ARN)
 * together with what live mode could not read. `diagnose --evidence DIR` reads it back.
 */
export const MANIFEST = 'whydenied-evidence.json';

/** The evidence kinds an evidence directory may list. */
const KINDS: readonly InputKind[] = ['account', 'organization', 'resource-policy', 'decoded'];

/** One file of the directory. */
export interface ManifestFile {
  readonly file: string;
  readonly kind: InputKind;
  readonly arn?: string;
}

/** The manifest: the files, and the live report they came with. */
export interface Manifest {
  readonly whydenied: 'evidence';
  readonly version: 1;
  /** The error the evidence was gathered for, when one was given. */
  readonly error: string | null;
  readonly files: readonly ManifestFile[];
  /** What live mode found (caller, gaps, calls, the simulator's answers, notes), as it reported it. */
  readonly live?: unknown;
}

/**
 * Writes an evidence directory all at once: every file goes into a new sibling directory that is
 * renamed to `dir` at the end, so a failure never leaves half of it. `dir` must not exist or be empty.
 */
export function writeEvidenceDirectory(
  dir: string,
  files: readonly { readonly file: string; readonly text: string }[],
  manifest: Manifest,
): void {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw inputError(`${dir}: the directory is not empty; give a new one to --out`);
  }
  const staging = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(staging);
    for (const f of files) writeFileSync(join(staging, f.file), f.text, { flag: 'wx' });
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw inputError(`${dir}: cannot write the evidence (${code})`);
  }
}

/**
 * Reads an evidence directory back as inputs of `analyze`, and its error file when it has one. A
 * manifest of the wrong shape, or one naming a file that is missing, is refused naming it.
 */
export async function readEvidenceDirectory(
  dir: string,
  io: CliIo,
): Promise<{ inputs: AnalyzeInput[]; errorFile: string | null }> {
  const path = join(dir, MANIFEST);
  if (!existsSync(path))
    throw inputError(`${dir}: not an evidence directory (no ${MANIFEST}; write one with \`collect\`)`);
  const { value } = await readJsonInput(path, io);
  const manifest = checkManifest(value, path);
  const inputs: AnalyzeInput[] = [];
  for (const entry of manifest.files) {
    const input = await readInput(join(dir, entry.file), io);
    inputs.push({
      id: input.name,
      kind: entry.kind,
      text: input.text,
      ...(entry.arn === undefined ? {} : { arn: entry.arn }),
    });
  }
  return { inputs, errorFile: manifest.error === null ? null : join(dir, manifest.error) };
}

function checkManifest(value: unknown, path: string): Manifest {
  const bad = (what: string) => inputError(`${path}: not a whydenied evidence manifest (${what})`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not an object');
  const m = value as Record<string, unknown>;
  if (m.whydenied !== 'evidence' || m.version !== 1) throw bad('`whydenied` must be "evidence", `version` 1');
  if (m.error !== null && (typeof m.error !== 'string' || !safeName(m.error)))
    throw bad('`error` must be a file name or null');
  if (!Array.isArray(m.files)) throw bad('`files` must be a list');
  m.files.forEach((f, i) => {
    const file = f as Record<string, unknown> | null;
    if (typeof file !== 'object' || file === null || typeof file.file !== 'string' || !safeName(file.file)) {
      throw bad(`files/${i}: needs a \`file\` name inside the directory`);
    }
    if (!KINDS.includes(file.kind as InputKind))
      throw bad(`files/${i}: \`kind\` must be one of ${KINDS.join(', ')}`);
    if (file.kind === 'resource-policy' && typeof file.arn !== 'string')
      throw bad(`files/${i}: a resource policy needs its \`arn\``);
  });
  return m as unknown as Manifest;
}

/** A plain file name: no directory part, so a manifest cannot point outside its directory. */
function safeName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
