import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseRedactionMap, type RedactionMap, redactAll, restore } from '@whydenied/core';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { type CliIo, readInput, readJsonInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import type { CommandSpec } from './command.js';

interface RedactOptions {
  readonly format: OutputFormat;
  readonly map?: string;
  readonly useMap?: string;
  readonly reverse?: boolean;
  readonly out?: string;
}

/**
 * `whydenied redact [FILE...]`: writes FILE (or standard input) to standard output with account ids,
 * ARN names, keys, tokens, IPs and e-mails replaced by consistent stand-ins.
 *
 * - Several files (`--out DIR`) are redacted together, each written to `DIR/<its name>`: a name met in
 *   one (an ARN of the account file) is replaced in all (the error's prose), a network of a policy
 *   holds the stand-ins of the addresses of the error, a wildcard pattern keeps matching its names.
 *   This is how a case is shared; one file at a time with `--map`, a name learned from a later file
 *   cannot reach the files already written.
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
      .usage('[--map FILE | --use-map FILE] [--reverse] [FILE | --out DIR FILE...]')
      .argument('[files...]', 'the text to redact (default and `-`: standard input)')
      .option('--out <dir>', 'redact the files together and write each to DIR under its own name')
      .option('--map <file>', 'keep the map that reverses the redaction in FILE (extended if it exists)')
      .option('--use-map <file>', 'reuse the stand-ins of an existing map, without writing it')
      .option('--reverse', 'put the originals back, with the map of --map or --use-map');
  },
  async run({ io, command, args }) {
    const options = command.opts<RedactOptions>();
    const paths = ((args[0] as string[] | undefined) ?? []).length > 0 ? (args[0] as string[]) : ['-'];
    const path = paths[0] ?? '-';
    if (paths.length > 1 && options.out === undefined) {
      throw usageError('several files are redacted together into a directory: give --out DIR');
    }
    if (options.out !== undefined && options.reverse === true) {
      throw usageError('--out redacts; --reverse puts one file back: give one of them');
    }
    const names = paths.map((p) => (p === '-' ? 'stdin.txt' : basename(p)));
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (options.out !== undefined && twice !== undefined) {
      throw usageError(`two files are named \`${twice}\`: --out writes each under its own name`);
    }
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
    const inputs = [];
    for (const p of paths) inputs.push(await readInput(p, io));
    const result = redactAll(
      inputs.map((i) => i.text),
      previous === undefined ? {} : { map: previous },
    );
    if (options.map !== undefined) await writeAtomically(options.map, toJsonText(result.map));
    const added = result.map.entries.slice(previous?.entries.length ?? 0);
    const kinds: Record<string, number> = {};
    for (const entry of added) kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
    if (options.out !== undefined) {
      const dir = options.out;
      await mkdir(dir, { recursive: true }).catch(() => {
        throw inputError(`${dir}: cannot create the directory`);
      });
      const files = names.map((name) => join(dir, name));
      for (const [i, file] of files.entries()) await writeAtomically(file, result.texts[i] ?? '', 'file');
      io.stdout.write(
        options.format === 'json'
          ? toJsonText({ files, added: added.length, kinds })
          : files.map((f) => `${f}\n`).join(''),
      );
      return EXIT_OK;
    }
    const text = result.texts[0] ?? '';
    io.stdout.write(options.format === 'json' ? toJsonText({ text, added: added.length, kinds }) : text);
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
async function writeAtomically(path: string, text: string, what: 'map' | 'file' = 'map'): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code =
      error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : '';
    throw inputError(`${path}: cannot write the ${what}${code === '' ? '' : ` (${code})`}`);
  }
}
