import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { parseJson } from '@whydenied/core';
import { firstProblem, inputError } from './cli-error.js';

/** What a command may touch: streams and environment, injected so tests can run in-process. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Inputs given as text by name (the MCP server's tool arguments): when present, a path is read from
   * here and never from the disk, and a name not here is unusable input.
   */
  readonly texts?: ReadonlyMap<string, string>;
}

/** A text read from a file or from standard input, with the name to cite in messages. */
export interface InputText {
  readonly name: string;
  readonly text: string;
}

/** Largest input accepted, so a mistaken path to a huge file fails clearly instead of exhausting memory. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Reads `path`, or standard input when `path` is `-`. Fails with a one-line error naming the file. */
export async function readInput(path: string, io: CliIo): Promise<InputText> {
  const input = await readInputBytes(path, io);
  return { name: input.name, text: decodeText(input.bytes) };
}

/** Reads `path` (or standard input for `-`) as bytes, for inputs too large to hold twice (batch files). */
export async function readInputBytes(path: string, io: CliIo): Promise<{ name: string; bytes: Buffer }> {
  if (path === '-') {
    return { name: '<stdin>', bytes: await readStreamBytes(io.stdin) };
  }
  if (io.texts !== undefined) return { name: path, bytes: givenText(path, io.texts) };
  try {
    return { name: path, bytes: await readFileBytes(path) };
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw inputError(`${path}: ${describeFsError(error as NodeJS.ErrnoException)}`);
    }
    throw error;
  }
}

/** An input given as text by name ({@link CliIo.texts}): never a file on the disk. */
function givenText(path: string, texts: ReadonlyMap<string, string>): Buffer {
  const text = texts.get(path);
  if (text === undefined) throw inputError(`${path}: not among the inputs given`);
  return Buffer.from(text, 'utf8');
}

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export async function readJsonInput(path: string, io: CliIo): Promise<{ name: string; value: unknown }> {
  const input = await readInput(path, io);
  const parsed = parseJson(input.text);
  if (!parsed.ok) throw inputError(firstProblem(parsed.diagnostics, input.name));
  return { name: input.name, value: parsed.value };
}

/**
 * A file's bytes, read in chunks that stop as soon as the cap is passed: a device or a file still
 * being written (`/dev/zero`, a FIFO) is never read without limit.
 */
async function readFileBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, size);
      size += bytesRead;
      if (size > MAX_INPUT_BYTES) {
        throw inputError(`${path}: input is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB`);
      }
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

const READ_CHUNK_BYTES = 1 << 20;

async function readStreamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) {
      throw inputError(`<stdin>: input is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes a file's bytes: UTF-8 (a BOM is dropped), or UTF-16LE with a BOM as PowerShell writes it. */
export function decodeText(buffer: Buffer): string {
  // UTF-16 files come from PowerShell redirection (`>` writes UTF-16LE with a BOM).
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return buffer.subarray(2).toString('utf16le');
  }
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read (${error.code ?? 'unknown error'})`;
  }
}

/** One line of an input, decoded, with its 1-based number. */
export interface InputLine {
  readonly number: number;
  readonly text: string;
  /**
   * A line longer than the reader's `piecesAbove`, in the pieces it was read in: reading `text`
   * joins them (a copy of the whole line), which a reader of pieces avoids.
   */
  readonly pieces?: readonly string[];
}

/** Options of {@link readInputLines}. */
export interface ReadLinesOptions {
  /** Lines longer than this many characters also come as {@link InputLine.pieces}. */
  readonly piecesAbove?: number;
}

/**
 * Reads `path` (or standard input for `-`) line by line without holding the whole input: for batch
 * files of many megabytes. UTF-8 only (a BOM is dropped); `\r\n` line ends are accepted. A line is
 * gathered as the pieces read and joined once at its end, or never with `piecesAbove`.
 */
export async function* readInputLines(
  path: string,
  io: CliIo,
  options: ReadLinesOptions = {},
): AsyncGenerator<InputLine> {
  const name = path === '-' ? '<stdin>' : path;
  const stream: AsyncIterable<string | Buffer> | Iterable<Buffer> =
    path === '-' ? io.stdin : io.texts !== undefined ? [givenText(path, io.texts)] : readFileChunks(path);
  const piecesAbove = options.piecesAbove ?? Number.POSITIVE_INFINITY;
  /** The current line's text read so far, in pieces, and its length. */
  let pending: string[] = [];
  let pendingLength = 0;
  let number = 0;
  let total = 0;
  const lineOf = (last: string): InputLine => {
    number++;
    if (pending.length === 0) {
      if (last.length <= piecesAbove) return { number, text: cleanLine(last, number) };
      return piecesLine(number, cleanPieces([last], number));
    }
    const pieces = pending;
    if (last !== '') pieces.push(last);
    const length = pendingLength + last.length;
    pending = [];
    pendingLength = 0;
    if (length <= piecesAbove) return { number, text: cleanLine(pieces.join(''), number) };
    return piecesLine(number, cleanPieces(pieces, number));
  };
  try {
    let decoder: StringDecoder | null = null;
    let utf8 = false;
    /** Whether the decoder may hold the first bytes of a character the next chunk completes. */
    let held = false;
    for await (const chunk of stream) {
      if (decoder === null && typeof chunk !== 'string') {
        // PowerShell's `>` writes UTF-16LE with a byte-order mark
        utf8 = !(chunk[0] === 0xff && chunk[1] === 0xfe);
        decoder = new StringDecoder(utf8 ? 'utf8' : 'utf16le');
      }
      let text: string;
      if (typeof chunk === 'string') text = chunk;
      else if (utf8 && !held && isAscii(chunk)) {
        // ASCII is its own UTF-8: copied as Latin-1, without decoding (batch files are mostly ASCII)
        text = chunk.toString('latin1');
      } else {
        text = (decoder as StringDecoder).write(chunk);
        held = endsInsideCharacter(chunk);
      }
      total += text.length;
      if (total > MAX_INPUT_BYTES) {
        throw inputError(`${name}: input is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB`);
      }
      let start = 0;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
        yield lineOf(text.slice(start, newline));
        start = newline + 1;
      }
      if (start < text.length) {
        pending.push(text.slice(start));
        pendingLength += text.length - start;
      }
    }
    const rest = decoder?.end() ?? '';
    if (rest !== '') {
      pending.push(rest);
      pendingLength += rest.length;
    }
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      typeof (error as NodeJS.ErrnoException).code === 'string'
    ) {
      throw inputError(`${name}: ${describeFsError(error as NodeJS.ErrnoException)}`);
    }
    throw error;
  }
  if (pending.length > 0) yield lineOf('');
}

/**
 * Whether UTF-8 bytes end inside a character (its first bytes without the rest); true when that
 * cannot be told from the chunk alone (nothing but continuation bytes).
 */
function endsInsideCharacter(chunk: Buffer): boolean {
  let i = chunk.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && ((chunk[i] as number) & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return true;
  const lead = chunk[i] as number;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return continuation + 1 < length;
}

/** A line given as pieces, whose `text` joins them when first read. */
function piecesLine(number: number, pieces: readonly string[]): InputLine {
  let text: string | undefined;
  return {
    number,
    pieces,
    get text() {
      text ??= pieces.join('');
      return text;
    },
  };
}

/** {@link cleanLine} for a line in pieces: the BOM of the first piece, the carriage return of the last. */
function cleanPieces(pieces: string[], number: number): string[] {
  const first = pieces[0];
  if (number === 1 && first !== undefined && first.charCodeAt(0) === 0xfeff) pieces[0] = first.slice(1);
  const last = pieces.length - 1;
  const tail = pieces[last];
  if (tail?.endsWith('\r')) pieces[last] = tail.slice(0, -1);
  return pieces;
}

/** Drops a byte-order mark on the first line and a carriage return at the end of any line. */
/**
 * A file's bytes in chunks of 1 MiB, read synchronously (no event-loop turn per chunk) into one reused
 * buffer: each chunk must be consumed (decoded) before the next is read.
 */
function* readFileChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

function cleanLine(line: string, number: number): string {
  const start = number === 1 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = line.endsWith('\r') ? line.length - 1 : line.length;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}
