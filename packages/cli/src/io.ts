import { readFile } from 'node:fs/promises';
import { parseJson } from '@whydenied/core';
import { inputError } from './cli-error.js';

/** What a command may touch: streams and environment, injected so tests can run in-process. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
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
  if (path === '-') {
    return { name: '<stdin>', text: await readStream(io.stdin) };
  }
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_INPUT_BYTES) {
      throw inputError(`${path}: file is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB`);
    }
    return { name: path, text: decodeText(buffer) };
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw inputError(`${path}: ${describeFsError(error as NodeJS.ErrnoException)}`);
    }
    throw error;
  }
}

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export async function readJsonInput(path: string, io: CliIo): Promise<{ name: string; value: unknown }> {
  const input = await readInput(path, io);
  const parsed = parseJson(input.text);
  if (!parsed.ok) {
    const at = parsed.diagnostic.span
      ? `:${parsed.diagnostic.span.start.line}:${parsed.diagnostic.span.start.column}`
      : '';
    throw inputError(`${input.name}${at}: ${parsed.diagnostic.message}`);
  }
  return { name: input.name, value: parsed.value };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
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
  return decodeText(Buffer.concat(chunks));
}

function decodeText(buffer: Buffer): string {
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
