import { setFlagsFromString } from 'node:v8';
import { type AuthorizationRequest, type Diagnostic, parseJson } from '@whydenied/core';
import {
  type CompiledPolicySet,
  compilePolicySet,
  type EvaluationResult,
  evaluate,
  parseSimulationBatch,
  parseSimulationCase,
  type SimulateJson,
  type SimulationBatch,
  type SimulationCase,
  toSimulateJson,
} from '@whydenied/core/engine';
import { EXIT_OK, firstProblem, inputError, usageError } from '../cli-error.js';
import { type InputLine, readInputLines } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import { terminalSafeStrings } from '../render/terminal-safe.js';
import type { CommandSpec } from './command.js';
import { renderSimulationText } from './simulate-text.js';

/** One case read from the case file, with where it came from (for messages). */
interface LocatedCase {
  readonly value: unknown;
  /** `file`, `file:LINE` (JSON Lines) or `file` + `[i]` (array). */
  readonly where: string;
}

/**
 * A large batch case on one line, read lazily (its requests one at a time); `whole` parses the line
 * as a plain case instead, and throws what is wrong with it, when a request does not read.
 */
interface LazyCase {
  readonly batch: SimulationBatch;
  readonly where: string;
  whole(): unknown;
}

/** Lines longer than this that hold a batch case are read request by request, from the pieces read. */
const LAZY_CASE_CHARS = 1 << 20;

function lazyCase(name: string, line: InputLine, where: string): LazyCase | undefined {
  // a line this long comes in the pieces it was read in: never joined into one copy of itself
  if (line.pieces === undefined) return undefined;
  const batch = parseSimulationBatch(line.pieces);
  return batch === undefined ? undefined : { batch, where, whole: () => parseLine(name, line) };
}

/**
 * Reads the case file's cases: one JSON value (a case, or an array of cases), or JSON Lines (one case
 * per line). JSON Lines is recognised when the first non-empty line is a complete JSON value by
 * itself and more lines follow, so a pretty-printed case is still read as one value. The file is
 * read line by line: a large batch is never held whole, only its parsed cases.
 */
export async function* readCases(
  name: string,
  lines: AsyncIterable<InputLine>,
): AsyncGenerator<LocatedCase | LazyCase, boolean> {
  const iterator = lines[Symbol.asyncIterator]();
  const held: InputLine[] = [];
  let first: { line: InputLine; value: unknown; lazy: LazyCase | undefined } | null = null;
  const located = (line: InputLine): LocatedCase | LazyCase => {
    const where = `${name}:${line.number}`;
    return lazyCase(name, line, where) ?? { value: parseLine(name, line), where };
  };
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    const line = next.value;
    held.push(line);
    if (blank(line)) continue;
    if (first === null) {
      const lazy = lazyCase(name, line, name);
      if (lazy !== undefined) {
        first = { line, value: undefined, lazy };
        continue;
      }
      const parsed = parseJson(line.text);
      if (!parsed.ok) break; // not a value by itself: the file is one JSON value over many lines
      first = { line, value: parsed.value, lazy: undefined };
      continue;
    }
    // a second non-empty line after a complete first value: JSON Lines
    const where = `${name}:${first.line.number}`;
    yield first.lazy === undefined ? { value: first.value, where } : { ...first.lazy, where };
    yield located(line);
    for (let rest = await iterator.next(); rest.done !== true; rest = await iterator.next()) {
      if (!blank(rest.value)) yield located(rest.value);
    }
    return true;
  }
  if (first?.lazy !== undefined && held.every((l) => l === first.line || blank(l))) {
    // one batch case alone in the file
    yield first.lazy;
    return false;
  }
  // one JSON value, possibly over many lines: read the rest and parse it whole
  for (let rest = await iterator.next(); rest.done !== true; rest = await iterator.next())
    held.push(rest.value);
  const parsed = parseJson(held.map((l) => l.text).join('\n'));
  if (!parsed.ok) throw inputError(firstProblem(parsed.diagnostics, name));
  if (Array.isArray(parsed.value)) {
    for (const [i, value] of parsed.value.entries()) yield { value, where: `${name}[${i}]` };
    return true;
  }
  yield { value: parsed.value, where: name };
  return false;
}

/** Whether a line holds nothing but white space (a long line is looked at piece by piece). */
function blank(line: InputLine): boolean {
  return line.pieces === undefined ? line.text.trim() === '' : line.pieces.every((p) => p.trim() === '');
}

function parseLine(name: string, line: InputLine): unknown {
  const parsed = parseJson(line.text);
  if (!parsed.ok) {
    // the line parsed alone: its line 1 is the file's line `line.number`
    const onLine = parsed.diagnostics.map((d) => {
      const start = { line: line.number, column: d.span?.start.column ?? 1, offset: 0 };
      return { ...d, span: { start, end: start } };
    });
    throw inputError(firstProblem(onLine, name));
  }
  return parsed.value;
}

function describe(where: string, diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics[0];
  if (first === undefined) return `${where}: invalid case`;
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  const path = first.path === '' ? '' : ` at ${first.path}`;
  return `${where}: ${first.message}${path}${more}`;
}

/** One evaluated request, kept until every case has been read and validated. */
interface Evaluated {
  /** Kept for the text view only; JSON output needs the result alone. */
  readonly request: AuthorizationRequest | null;
  readonly result: EvaluationResult;
  /** True when the case used `requests`. */
  readonly batch: boolean;
}

/**
 * Reads, validates, compiles and evaluates every case of the file, keeping only the results: a
 * failure anywhere is reported before anything is printed. Cases that carry the same policies
 * share one compiled set; lean results of equal requests are one shared object (see `evaluate`).
 */
async function evaluateAll(
  name: string,
  lines: AsyncIterable<InputLine>,
  format: OutputFormat,
): Promise<{ evaluated: Evaluated[]; many: boolean }> {
  const compiledByPolicies = new Map<string, CompiledPolicySet>();
  const evaluated: Evaluated[] = [];
  const cases = readCases(name, lines);
  const compile = (where: string, policies: SimulationCase['policies']): CompiledPolicySet => {
    const key = JSON.stringify(policies);
    let compiled = compiledByPolicies.get(key);
    if (compiled === undefined) {
      const result = compilePolicySet(policies);
      if (!result.ok) throw inputError(describe(where, result.diagnostics));
      compiled = result.value;
      compiledByPolicies.set(key, compiled);
    }
    return compiled;
  };
  const evaluateOne = (
    compiled: CompiledPolicySet,
    request: AuthorizationRequest,
    batch: boolean,
    many: boolean,
  ): Evaluated => {
    if (format === 'json')
      return { request: null, result: evaluate(compiled, request, { trace: 'none' }), batch };
    // the text view explains: one request gets the full trace, a batch the relevant statements
    const trace = batch || many ? 'relevant' : 'full';
    return { request, result: evaluate(compiled, request, { trace }), batch };
  };
  let next = await cases.next();
  for (; next.done !== true; next = await cases.next()) {
    const located = next.value;
    if ('batch' in located) {
      const { batch } = located;
      const compiled = compile(located.where, batch.policies);
      for (let i = 0; i < batch.count; i++) {
        const request = batch.request(i);
        if (request === undefined) {
          // the line does not read as a case: parse it whole, which says what is wrong
          const parsed = parseSimulationCase(located.whole());
          throw inputError(describe(located.where, parsed.ok ? [] : parsed.diagnostics));
        }
        evaluated.push(evaluateOne(compiled, request, true, batch.count > 1));
      }
      continue;
    }
    const parsed = parseSimulationCase(located.value);
    if (!parsed.ok) throw inputError(describe(located.where, parsed.diagnostics));
    const compiled = compile(located.where, parsed.value.policies);
    const { batch, requests } = parsed.value;
    for (const request of requests) {
      evaluated.push(evaluateOne(compiled, request, batch, requests.length > 1));
    }
  }
  return { evaluated, many: next.value };
}

/** The fields `--fields` may keep, in the contract's order. */
const FIELDS = ['decision', 'layer', 'statements', 'builtIn'] as const;
type Field = (typeof FIELDS)[number];

/** Reads `--fields decision,layer`: the contract's fields to keep, or a usage error naming the wrong one. */
function parseFields(text: string): ReadonlySet<Field> {
  const wanted = text.split(',').map((f) => f.trim());
  for (const field of wanted) {
    if (!(FIELDS as readonly string[]).includes(field))
      throw usageError(`unknown field \`${field}\` for --fields (one of ${FIELDS.join(', ')})`);
  }
  return new Set(wanted as Field[]);
}

/** The contract's JSON of a result, keeping only `fields` when given. */
function projected(result: EvaluationResult, fields: ReadonlySet<Field> | null): Partial<SimulateJson> {
  const json = toSimulateJson(result);
  if (fields === null) return json;
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (fields.has(field) && json[field] !== undefined) out[field] = json[field];
  return out;
}

/** One JSON line per distinct result: repeated requests get the same result object, printed once. */
const jsonLines = new WeakMap<object, string>();

function jsonLineOf(result: EvaluationResult, fields: ReadonlySet<Field> | null): string {
  let line = jsonLines.get(result);
  if (line === undefined) {
    line = `${JSON.stringify(projected(result, fields))}\n`;
    jsonLines.set(result, line);
  }
  return line;
}

/** `whydenied simulate --case FILE`: evaluates requests against policies, like AWS does. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary: 'evaluate requests against a set of policies, like AWS does',
  configure(command) {
    command
      .usage('--case FILE [--format text|json] [--fields decision,layer]')
      .option(
        '--case <file>',
        'the case file: one case, a JSON array of cases, or JSON Lines (`-` for standard input)',
      )
      .option(
        '--fields <list>',
        'with --format json: keep only these fields of each result (decision, layer, statements, builtIn)',
      );
  },
  async run({ io, command }) {
    const options = command.opts<{ case?: string; format: OutputFormat; fields?: string }>();
    if (options.case === undefined) throw usageError('simulate needs `--case FILE`');
    if (options.fields !== undefined && options.format !== 'json')
      throw usageError('--fields needs `--format json`');
    const fields = options.fields === undefined ? null : parseFields(options.fields);
    boundHeapGrowth();
    // read, validate and evaluate every case before printing anything: no half answer on bad input
    const name = options.case === '-' ? '<stdin>' : options.case;
    const { evaluated, many } = await evaluateAll(
      name,
      readInputLines(options.case, io, { piecesAbove: LAZY_CASE_CHARS }),
      options.format,
    );
    const batch = many || evaluated.some((e) => e.batch);
    const out = new ChunkedWriter(io.stdout);
    for (let i = 0; i < evaluated.length; i++) {
      const { request, result } = evaluated[i] as Evaluated;
      let written: Promise<void> | null;
      if (request === null) {
        written = out.write(batch ? jsonLineOf(result, fields) : toJsonText(projected(result, fields)));
      } else {
        const text = renderSimulationText(terminalSafeStrings(request), terminalSafeStrings(result));
        written = out.write(i === 0 ? text : `\n${text}`);
      }
      if (written !== null) await written;
    }
    await out.flush();
    return EXIT_OK;
  },
};

/**
 * Batch files parse into large object graphs that die one case later. By default V8 lets the old
 * generation grow to several times the live data between full collections: the bench's 42 MB batch
 * peaked at 210–227 MB (7 runs) while holding about 40 MB live. Growing by at most 50% between
 * collections brought it to 177–199 MB at the same median time (0.90 s). The setting only changes
 * when V8 collects, never what the program computes.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/** Encodes output into buffers of about 1 MiB and writes each when full, with back-pressure. */
class ChunkedWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Short texts gathered before encoding: one encoding call per 64 KiB instead of one per line. */
  private pending = '';

  /**
   * Writes `text`; `null` when it was only gathered (nothing to wait for: a batch's lines then cost no
   * turn of the event loop each), else the promise of its encoding and writing.
   */
  write(text: string): Promise<void> | null {
    if (text.length < PENDING_CHARS) {
      this.pending += text;
      if (this.pending.length < PENDING_CHARS) return null;
      const gathered = this.pending;
      this.pending = '';
      return this.encode(gathered);
    }
    const gathered = this.pending;
    this.pending = '';
    return this.encode(gathered).then(() => this.encode(text));
  }

  private async encode(text: string): Promise<void> {
    // a UTF-8 encoding is at most three bytes per UTF-16 unit
    if (this.used + text.length * 3 > this.buffer.length) {
      await this.flush();
      if (text.length * 3 > this.buffer.length) {
        await this.send(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  async flush(): Promise<void> {
    if (this.pending !== '') {
      const gathered = this.pending;
      this.pending = '';
      await this.encode(gathered);
    }
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    // a new buffer for what follows: the stream may still hold the one just written
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    await this.send(chunk);
  }

  private async send(chunk: Buffer): Promise<void> {
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
    }
  }
}

const CHUNK_BYTES = 1 << 20;
const PENDING_CHARS = 1 << 16;
