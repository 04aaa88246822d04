import {
  type CompiledPolicySet,
  compilePolicySet,
  type Diagnostic,
  evaluate,
  parseJson,
  parseSimulationCase,
  type SimulationCase,
  toSimulateJson,
} from '@whydenied/core';
import { EXIT_OK, inputError, usageError } from '../cli-error.js';
import { readInput } from '../io.js';
import { type OutputFormat, toJsonText } from '../output.js';
import type { CommandSpec } from './command.js';
import { renderSimulationText } from './simulate-text.js';

/** One case read from the case file, with where it came from (for messages). */
interface LocatedCase {
  readonly value: unknown;
  /** `file`, `file:LINE` (JSON Lines) or `file` + `[i]` (array). */
  readonly where: string;
}

interface CaseFile {
  readonly cases: readonly LocatedCase[];
  /** True for an array or JSON Lines: output is one compact JSON line per request. */
  readonly many: boolean;
}

/**
 * Splits the case file into cases: one JSON value (a case, or an array of cases), or JSON Lines
 * (one case per line). JSON Lines is recognised when the first non-empty line is a complete JSON
 * value by itself and more lines follow, so a pretty-printed case is still read as one value.
 */
export function readCaseFile(name: string, text: string): CaseFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  const rest = firstIndex < 0 ? [] : lines.slice(firstIndex + 1).filter((l) => l.trim() !== '');
  if (firstIndex >= 0 && rest.length > 0 && parsesAlone(lines[firstIndex] as string)) {
    const cases: LocatedCase[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = parseJson(line);
      if (!parsed.ok) {
        const column = parsed.diagnostic.span?.start.column ?? 1;
        throw inputError(`${name}:${i + 1}:${column}: ${parsed.diagnostic.message}`);
      }
      cases.push({ value: parsed.value, where: `${name}:${i + 1}` });
    });
    return { cases, many: true };
  }
  const parsed = parseJson(body);
  if (!parsed.ok) {
    const span = parsed.diagnostic.span;
    const at = span ? `:${span.start.line}:${span.start.column}` : '';
    throw inputError(`${name}${at}: ${parsed.diagnostic.message}`);
  }
  if (Array.isArray(parsed.value)) {
    return { cases: parsed.value.map((value, i) => ({ value, where: `${name}[${i}]` })), many: true };
  }
  return { cases: [{ value: parsed.value, where: name }], many: false };
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function describe(where: string, diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics[0];
  if (first === undefined) return `${where}: invalid case`;
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  const path = first.path === '' ? '' : ` at ${first.path}`;
  return `${where}: ${first.message}${path}${more}`;
}

/** Validates and compiles one case; an unusable case is an input error (exit 1). */
function prepare(located: LocatedCase): { simulation: SimulationCase; compiled: CompiledPolicySet } {
  const parsed = parseSimulationCase(located.value);
  if (!parsed.ok) throw inputError(describe(located.where, parsed.diagnostics));
  const compiled = compilePolicySet(parsed.value.policies);
  if (!compiled.ok) throw inputError(describe(located.where, compiled.diagnostics));
  return { simulation: parsed.value, compiled: compiled.value };
}

/** `whydenied simulate --case FILE`: evaluates requests against policies, like AWS does. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary: 'evaluate requests against a set of policies, like AWS does',
  configure(command) {
    command
      .usage('--case FILE [--format text|json]')
      .option(
        '--case <file>',
        'the case file: one case, a JSON array of cases, or JSON Lines (`-` for standard input)',
      );
  },
  async run({ io, command }) {
    const options = command.opts<{ case?: string; format: OutputFormat }>();
    if (options.case === undefined) throw usageError('simulate needs `--case FILE`');
    const input = await readInput(options.case, io);
    const file = readCaseFile(input.name, input.text);
    // validate and compile every case before printing anything: a failure never leaves half an answer
    const prepared = file.cases.map(prepare);
    const batch = file.many || prepared.some((p) => p.simulation.batch);
    const out: string[] = [];
    for (const { simulation, compiled } of prepared) {
      for (const request of simulation.requests) {
        if (options.format === 'json') {
          const json = toSimulateJson(evaluate(compiled, request));
          out.push(batch ? `${JSON.stringify(json)}\n` : toJsonText(json));
        } else {
          out.push(
            renderSimulationText(
              request,
              evaluate(compiled, request, { trace: batch ? 'relevant' : 'full' }),
            ),
          );
        }
      }
    }
    io.stdout.write(out.join(options.format === 'json' ? '' : '\n'));
    return EXIT_OK;
  },
};
