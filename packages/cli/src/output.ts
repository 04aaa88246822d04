import { usageError } from './cli-error.js';

/** Output formats: every command accepts `text` and `json`; some also `sarif` (see `CommandSpec.formats`). */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** The formats of a command that names none of its own. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['text', 'json'];

/** Validates the `--format` option value against the formats the command accepts. */
export function parseFormat(value: string, formats: readonly OutputFormat[] = DEFAULT_FORMATS): OutputFormat {
  if ((formats as readonly string[]).includes(value)) {
    return value as OutputFormat;
  }
  throw usageError(`--format must be one of ${formats.join(', ')}, got \`${value}\``);
}

/** Serialises a JSON result the same way in every command: two-space indent, final newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
