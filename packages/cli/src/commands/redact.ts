import { randomBytes } from 'node:crypto';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRedactionMap, type RedactionMap, redact, restore } from '@whydenied/core';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { type CliIo, readInput, readJsonInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import type { CommandSpec } from './command.js';

interface RedactOptions {
  readonly format: OutputFormat;
  readonly map?: string;
  readonly useMap?: string;
  readonly reverse?: boolean;
}

/**
 * `whydenied redact [FILE]`: writes FILE (or standard input) to standard output with account ids,
 * ARN names, keys, tokens, IPs and e-mails replaced by consistent stand-ins.
 *
 * - `--map FILE` keeps the map that reverses the redaction. If FILE exists it must be a map: it is
 *   read first (its stand-ins are reused) and rewritten with the new entries added, so one map file
 *   serves a whole case (the error, then each evidence file). It is written whole, through a
 *   temporary file and a rename, and before anything is printed: no half-written map, and no output
 *   without its map.
 * - `--use-map FILE` reuses a map without writing it.
 * - `--reverse` puts the originals back, with the map of `--map` or `--use-map`.
 *
 * Exits 0 when it ran, 1 when a file cannot be read or a map is not one, 2 on wrong usage.
 */
export const redactCommand: CommandSpec = {
  name: 'redact',
  summary: 'replace account ids, ARNs, keys, tokens, IPs and e-mails with consistent stand-ins',
  configure(command) {
    command
      .usage('[--map FILE | --use-map FILE] [--reverse] [FILE]')
      .argument('[file]', 'the text to redact (default and `-`: standard input)')
      .option('--map <file>', 'keep the map that reverses the redaction in FILE (extended if it exists)')
      .option('--use-map <file>', 'reuse the stand-ins of an existing map, without writing it')
      .option('--reverse', 'put the originals back, with the map of --map or --use-map');
  },
  async run({ io, command, args }) {
    const options = command.opts<RedactOptions>();
    const path = (args[0] as string | undefined) ?? '-';
    if (options.map !== undefined && options.useMap !== undefined && !samePath(options.map, options.useMap)) {
      if (await exists(options.map)) {
        throw usageError(
          `--map \`${options.map}\` exists: with --use-map, --map must name a new file or the same file`,
        );
      }
    }
    if (path === '-' && io.stdin.isTTY === true) {
      throw usageError('no input given: pass FILE or pipe the text on standard input');
    }
    if (options.reverse === true) {
      const mapPath = options.useMap ?? options.map;
      if (mapPath === undefined)
        throw usageError('--reverse needs the map: give --map FILE or --use-map FILE');
      const map = await readMap(mapPath, io);
      const input = await readInput(path, io);
      const restored = restore(input.text, map);
      io.stdout.write(
        options.format === 'json'
          ? toJsonText({ text: restored.text, restored: restored.restored })
          : restored.text,
      );
      return EXIT_OK;
    }
    const previous =
      options.useMap !== undefined
        ? await readMap(options.useMap, io)
        : options.map !== undefined && (await exists(options.map))
          ? await readMap(options.map, io)
          : undefined;
    const input = await readInput(path, io);
    const result = redact(input.text, previous === undefined ? {} : { map: previous });
    if (options.map !== undefined) await writeAtomically(options.map, toJsonText(result.map));
    if (options.format === 'json') {
      const added = result.map.entries.slice(previous?.entries.length ?? 0);
      const kinds: Record<string, number> = {};
      for (const entry of added) kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
      io.stdout.write(toJsonText({ text: result.text, added: added.length, kinds }));
    } else {
      io.stdout.write(result.text);
    }
    return EXIT_OK;
  },
};

async function readMap(path: string, io: CliIo): Promise<RedactionMap> {
  const { name, value } = await readJsonInput(path, io);
  const parsed = parseRedactionMap(value);
  if (!parsed.ok) throw inputError(firstProblem(parsed.diagnostics, name));
  return parsed.value;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** Writes the whole file under a temporary name, then renames it over `path`. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code =
      error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : '';
    throw inputError(`${path}: cannot write the map${code === '' ? '' : ` (${code})`}`);
  }
}
