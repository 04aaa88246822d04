import { usageError } from './cli-error.js';

/** Output formats every command accepts. */
export type OutputFormat = 'text' | 'json';

const FORMATS: readonly OutputFormat[] = ['text', 'json'];

/** Validates the `--format` option value. */
export function parseFormat(value: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(value)) {
    return value as OutputFormat;
  }
  throw usageError(`--format must be one of ${FORMATS.join(', ')}, got \`${value}\``);
}

/** Serialises a JSON result the same way in every command: two-space indent, final newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
