import { type Diagnostic, formatDiagnostic, type Result } from '@whydenied/core';

/** Exit codes of the contract: 0 ran, 1 unusable input, 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** An expected failure with a one-line reason; `exitCode` is 1 (input) or 2 (usage). */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The input was unusable: exit 1 with a one-line reason naming the file. */
export function inputError(message: string): CliError {
  return new CliError(message, EXIT_INPUT);
}

/** The command line was wrong: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/**
 * The first problem as the one line the contract asks for, saying how many more there are; `source`
 * names the input the diagnostics are about.
 */
export function firstProblem(diagnostics: readonly Diagnostic[], source?: string): string {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  if (first === undefined) return 'the input is unusable';
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  return `${formatDiagnostic(source === undefined ? first : { ...first, source })}${more}`;
}

/** The value of a result read from the command line, or wrong usage (exit 2) naming the first problem. */
export function usable<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw usageError(firstProblem(result.diagnostics));
}
